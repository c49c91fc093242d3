#!/usr/bin/env bash
# journey export --to pptx keeps what draw.io draws (tests/data/render/pptx_fidelity.drawio): fill, line and
# text opacity as a:alpha, a gradient as a:gradFill, shadow=1 as an outer shadow, arcSize/absoluteArcSize as
# the roundRect corner, dash patterns as the nearest preset dash, a hollow block head as the open "arrow" head,
# a curved edge as a curved connector, an edge glued at a document shape, an edge's child label in its own box.
set -euo pipefail
J=$1
SRC="${JSTUDIO_SOURCE_DIR:-$(dirname "$0")/../..}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$J" export "$SRC/tests/data/render/pptx_fidelity.drawio" --to pptx -o "$T/f.pptx" 2>/dev/null
unzip -p "$T/f.pptx" ppt/slides/slide1.xml > "$T/s.xml"
python3 - "$T/s.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
x = ET.parse(sys.argv[1]).getroot()
shapes = {}
for el in x.iter():
    if el.tag in (P + "sp", P + "cxnSp"):
        c = el.find(".//" + P + "cNvPr")
        shapes[c.get("descr") or c.get("name")] = el
def one(cell):
    assert "draw.io cell " + cell in shapes, cell
    return shapes["draw.io cell " + cell]
def check(cond, what):
    if not cond:
        print("FAIL: " + what); sys.exit(1)
a = one("a")
g = a.find(".//" + A + "gradFill")
check(g is not None and len(g.findall(".//" + A + "gs")) == 2, "gradient fill with two stops")
check(g.find(".//" + A + "alpha").get("val") == "40000", "fillOpacity=40 as alpha 40%")
check(a.find(".//" + A + "outerShdw") is not None, "shadow=1 as an outer shadow")
check(a.find(".//" + A + "gd").get("fmla") == "val 50000", "arcSize=50 as the largest corner")
c = one("c")
# absoluteArcSize=1, arcSize=24 on 200 x 100: radius 12 px of the short side 100 -> adj 12000.
check(c.find(".//" + A + "gd").get("fmla") == "val 12000", "absoluteArcSize corner")
alphas = [e.get("val") for e in c.iter(A + "alpha")]
check("50000" in alphas and "10000" in alphas and "15000" in alphas, "opacity x fill/stroke/text opacity: %s" % alphas)
b = one("b")
check(b.find(".//" + A + "prstDash").get("val") == "sysDot", "dashPattern 1 3 as dots")
e = one("e")
check(e.find(".//" + A + "prstGeom").get("prst").startswith("curvedConnector"), "curved=1 as a curved connector")
check(e.find(".//" + A + "tailEnd").get("type") == "arrow", "hollow block head stays open")
end = e.find(".//" + A + "endCxn")
check(end is not None and end.get("id") == b.find(".//" + P + "cNvPr").get("id"), "glued at the document shape")
e2 = one("e2")
check(e2.find(".//" + A + "prstDash").get("val") == "lgDash", "dashPattern 12 4 as a long dash")
check(e2.find(".//" + A + "tailEnd").get("type") == "oval", "oval head")
check(e2.find(".//" + A + "headEnd").get("type") == "diamond", "diamond start")
l = one("l")
texts = "".join(t.text or "" for t in l.iter(A + "t"))
check(texts == "child label", "the edge's child label is in its own box: %r" % texts)
off = l.find(".//" + A + "off")
ax = a.find(".//" + A + "off"); aw = a.find(".//" + A + "ext"); bx = b.find(".//" + A + "off")
# x=-0.5 on the edge from a to b: between the two shapes, at their height (not piled at the top-left).
check(int(ax.get("x")) + int(aw.get("cx")) < int(off.get("x")) < int(bx.get("x")), "the child label lies between a and b")
check(int(off.get("y")) >= int(ax.get("y")), "the child label is at the edge's height")
print("ok")
PY
checker="${JSTUDIO_SHARED:-$SRC/../shared}/bench/pptx/check_pptx.sh"
if [[ -f "$checker" ]]; then
  HOME="$T" bash "$SRC/tests/support/check_deck.sh" "$checker" --strict --no-render "$T/f.pptx" > "$T/log" 2>&1 ||
    { cat "$T/log" >&2; echo "FAIL: check_pptx" >&2; exit 1; }
fi
echo ok
