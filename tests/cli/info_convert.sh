#!/usr/bin/env bash
# journey info / convert through the real binary: exit codes, stdin/stdout, JSON, errors naming the file.
set -euo pipefail
journey=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cat > "$tmp/flow.drawio" <<'XML'
<mxfile host="test"><diagram id="p1" name="Flow"><mxGraphModel><root>
<mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="a" value="Start" style="ellipse;" vertex="1" parent="1"><mxGeometry x="10" y="10" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="b" value="End" vertex="1" parent="1"><mxGeometry x="200" y="10" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="e" edge="1" parent="1" source="a" target="zz"><mxGeometry relative="1" as="geometry"/></mxCell>
</root></mxGraphModel></diagram></mxfile>
XML

"$journey" --version | grep -q "journey " || fail "--version"
"$journey" info --help | grep -q -- "--format" || fail "info --help"
"$journey" convert --help >/dev/null || fail "convert --help"

json=$("$journey" info "$tmp/flow.drawio" --format json 2>/dev/null)
python3 - "$json" <<'PY' || fail "info json"
import json, sys
j = json.loads(sys.argv[1])
p = j["pages"][0]
assert p["name"] == "Flow" and p["vertices"] == 2 and p["edges"] == 1, p
assert p["unresolved_references"] == [{"cell": "e", "field": "target", "id": "zz"}], p
assert any("target 'zz' does not exist" in w for w in j["warnings"]), j["warnings"]
PY

# stdin to stdout, compressed, then back: the same summary
"$journey" convert - - --compressed < "$tmp/flow.drawio" 2>/dev/null > "$tmp/c.drawio"
grep -q "<mxGraphModel" "$tmp/c.drawio" && fail "--compressed wrote a plain page"
"$journey" convert "$tmp/c.drawio" "$tmp/u.drawio" --uncompressed 2>/dev/null
diff <("$journey" info "$tmp/flow.drawio" --format json 2>/dev/null | grep -v -e '"file"' -e 'warning:') \
     <("$journey" info "$tmp/u.drawio" --format json 2>/dev/null | grep -v -e '"file"' -e 'warning:') || fail "convert changed the diagram"

# bad input: exit 2 and a message naming file and line
printf '<mxfile>\n<diagram>\n</mxfile>\n' > "$tmp/bad.drawio"
set +e
"$journey" info "$tmp/bad.drawio" 2> "$tmp/err"; code=$?
set -e
[[ $code -eq 2 ]] || fail "bad input exit code $code"
grep -q "bad.drawio:3:" "$tmp/err" || fail "error does not name file:line: $(cat "$tmp/err")"
# a failed conversion leaves an existing output untouched
echo keep > "$tmp/out.drawio"
"$journey" convert "$tmp/bad.drawio" "$tmp/out.drawio" 2>/dev/null && fail "converted a bad file"
[[ $(cat "$tmp/out.drawio") == keep ]] || fail "output damaged"
# usage errors: exit 2
set +e
"$journey" convert only-one-arg 2>/dev/null; code=$?
set -e
[[ $code -eq 2 ]] || fail "usage exit code $code"
echo "cli info/convert: ok"
