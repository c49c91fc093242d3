#!/usr/bin/env bash
# Times `journey export` of one 1,000-shape page (40×25 grid, 975 orthogonal edges, HTML labels) to every format.
# usage: bench/export_formats.sh path/to/journey [shapes]
set -euo pipefail
J="$1"; N="${2:-1000}"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
python3 - "$N" > "$T/big.drawio" <<'PY'
import sys
n = int(sys.argv[1]); cols = 40
shapes = ["rounded=1;whiteSpace=wrap;html=1;fillColor=#dae8fc;strokeColor=#6c8ebf;", "rhombus;whiteSpace=wrap;html=1;",
          "ellipse;whiteSpace=wrap;html=1;", "shape=process;whiteSpace=wrap;html=1;", "shape=document;whiteSpace=wrap;html=1;"]
print('<mxfile><diagram id="b" name="Big"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>')
for i in range(n):
    x, y = (i % cols) * 160, (i // cols) * 120
    print(f'<mxCell id="v{i}" value="Step &lt;b&gt;{i}&lt;/b&gt; of the journey" style="{shapes[i % len(shapes)]}" vertex="1" parent="1"><mxGeometry x="{x}" y="{y}" width="120" height="60" as="geometry"/></mxCell>')
for i in range(n):
    j = i + 1 if (i + 1) % cols else i + cols
    if j < n:
        print(f'<mxCell id="e{i}" style="edgeStyle=orthogonalEdgeStyle;html=1;" edge="1" parent="1" source="v{i}" target="v{j}"><mxGeometry relative="1" as="geometry"/></mxCell>')
print('</root></mxGraphModel></diagram></mxfile>')
PY
printf "%-6s %10s %10s %12s\n" format seconds maxRSS_MB bytes
for f in svg png pdf pptx; do
  /usr/bin/time -v "$J" export "$T/big.drawio" --to $f -o "$T/out.$f" 2>"$T/time.$f" >/dev/null
  s=$(grep "Elapsed (wall" "$T/time.$f" | awk '{print $NF}')
  m=$(grep "Maximum resident" "$T/time.$f" | awk '{print int($NF/1024)}')
  printf "%-6s %10s %10s %12s\n" $f "$s" "$m" "$(stat -c %s "$T/out.$f")"
done
