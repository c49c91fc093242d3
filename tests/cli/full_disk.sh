#!/usr/bin/env bash
# A full disk while saving (issue 19): the write fails with a message naming the file, exit 2, the previous
# file is left as it was and no temporary file stays behind. Needs a small tmpfs, so root and a mount that is
# allowed (not in every container): otherwise the test says so and passes.
set -uo pipefail
J="$1"
T=$(mktemp -d)
D="$T/disk"
mkdir -p "$D"
cleanup() {
    umount "$D" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
if ! mount -t tmpfs -o size=256k tmpfs "$D" 2>/dev/null; then
    echo "skipped: cannot mount a small tmpfs here (not root, or mounts not allowed)"
    exit 0
fi
# A diagram whose draw.io form is about 1 MB, more than the 256 KiB disk holds.
python3 - "$T/big.drawio" <<'PY'
import sys
cells = "".join('<mxCell id="c%d" value="cell %d" vertex="1" parent="1"><mxGeometry x="%d" y="0" width="10" height="10" as="geometry"/></mxCell>' % (i, i, i) for i in range(8000))
open(sys.argv[1], "w").write('<mxfile><diagram id="p" name="P"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>%s</root></mxGraphModel></diagram></mxfile>' % cells)
PY
echo "OLD" >"$D/out.drawio"
"$J" convert "$T/big.drawio" "$D/out.drawio" 2>"$T/err"
rc=$?
fail() { echo "FAIL: $*"; cat "$T/err"; exit 1; }
[ "$rc" -eq 2 ] || fail "exit $rc on a full disk"
grep -q "out.drawio" "$T/err" || fail "the message does not name the file"
[ "$(wc -l <"$T/err")" -eq 1 ] || fail "more than one line"
[ "$(cat "$D/out.drawio")" = "OLD" ] || fail "the previous file was changed"
[ -z "$(ls -A "$D" | grep -v '^out.drawio$')" ] || fail "left behind: $(ls -A "$D")"
# Same for a new file and for an export.
"$J" export "$T/big.drawio" --to svg -o "$D/new.svg" 2>"$T/err"
[ $? -eq 2 ] || fail "export on a full disk"
[ ! -e "$D/new.svg" ] || fail "a half-written new file"
[ -z "$(ls -A "$D" | grep -v '^out.drawio$')" ] || fail "left behind: $(ls -A "$D")"
echo ok
