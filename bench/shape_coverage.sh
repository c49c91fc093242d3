#!/usr/bin/env bash
# Every shape name used in the corpus (style shape=..., or a named style that is a shape), how many cells and
# files use it, and whether journey draws it: "drawn" unless `journey export` of a file warns that the shape
# "is not drawn by the renderer" (then it is drawn as its bounding box). Pages are decoded (compressed ones
# too) with python3's standard library. Sorted by use; the summary says how many names used twice or more
# are drawn.
# usage: bench/shape_coverage.sh JOURNEY [corpus-dir]
set -uo pipefail
J=$(realpath "$1"); C=${2:-$(dirname "$0")/../../shared/corpus/drawio}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
# What journey does not draw: every page of every file, warnings only.
find "$C" -type f ! -name MANIFEST.tsv -print0 | while IFS= read -r -d '' f; do
  "$J" export "$f" --to pdf --page all -o "$T/out.pdf" 2>&1 >/dev/null | grep -o "shape '[^']*' is not drawn" | sed "s/shape '//; s/' is not drawn//"
done | sort | uniq -c >"$T/boxes"
python3 - "$C" "$T/boxes" <<'PY'
import base64, collections, html, os, re, sys, urllib.parse, zlib
corpus, boxes_file = sys.argv[1], sys.argv[2]
boxed = {}
for line in open(boxes_file):
    n, name = line.split(None, 1)
    boxed[name.strip()] = int(n)
# Named styles that are shapes (draw.io's stylesheet and mxCellRenderer's shape names).
named_shapes = {"ellipse", "rhombus", "triangle", "swimlane", "line", "image", "label", "text", "rect",
                "rectangle", "cylinder", "hexagon", "cloud", "actor", "doubleEllipse", "process", "note",
                "card", "step", "parallelogram", "trapezoid", "document", "umlActor", "callout", "arrow",
                "icon", "group", "edgeLabel", "roundImage", "rhombusImage"}
def pages(text):
    for m in re.finditer(r"<diagram\b[^>]*>(.*?)</diagram>", text, re.S):
        body = m.group(1).strip()
        if body.startswith("<"):
            yield body
            continue
        try:
            raw = zlib.decompress(base64.b64decode(body), -15).decode("utf-8", "replace")
            yield urllib.parse.unquote(raw)
        except Exception:
            pass
    if "<diagram" not in text:
        yield text
uses, files = collections.Counter(), collections.defaultdict(set)
for root, _, names in os.walk(corpus):
    for n in names:
        if n == "MANIFEST.tsv":
            continue
        path = os.path.join(root, n)
        data = open(path, "rb").read()
        if n.endswith(".png"):
            m = re.search(rb"mxfile[^\0]*\0(?:\0)?(.*?)IEND", data, re.S)
            text = urllib.parse.unquote(data.decode("latin-1"))
        else:
            text = data.decode("utf-8", "replace")
            if n.endswith(".svg"):
                m = re.search(r'content="([^"]*)"', text)
                if m:
                    text = html.unescape(m.group(1))
        for page in pages(text):
            for style in re.findall(r'<mxCell\b[^>]*?\bstyle="([^"]*)"', page):
                tokens = html.unescape(style).split(";")
                if 'edge="1"' in style:
                    continue
                shape = None
                for t in tokens:
                    if t.startswith("shape="):
                        shape = t[6:]
                if shape is None:
                    for t in tokens:
                        if "=" not in t and t in named_shapes:
                            shape = t
                            break
                if shape is None:
                    shape = "rect"
                if shape.startswith("stencil("):
                    shape = "stencil(...)"
                uses[shape] += 1
                files[shape].add(path)
print("%-55s %6s %6s %s" % ("shape", "cells", "files", "drawn"))
twice = drawn_twice = 0
for name, n in uses.most_common():
    drawn = "box (%d)" % boxed[name] if name in boxed else "drawn"
    print("%-55s %6d %6d %s" % (name, n, len(files[name]), drawn))
    if n >= 2:
        twice += 1
        drawn_twice += name not in boxed
print("names used twice or more: %d, drawn: %d, drawn as a box: %d" % (twice, drawn_twice, twice - drawn_twice))
print("cells drawn as a box: %d of %d" % (sum(boxed.values()), sum(uses.values())))
PY
