#!/usr/bin/env python3
"""Writes hostile inputs for tests/cli/hostile_inputs.sh into the folder given: malformed, huge, bombs.

Every file is small on disk (bombs are compressed); what they expand to is what the reader must bound.
"""
import base64
import gzip
import os
import struct
import sys
import urllib.parse
import zlib

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def put(name, data):
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


def deflate_raw(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def bomb_raw(head, block, count, tail=b""):
    """Raw deflate of head + block * count + tail, built fast: a full flush resets the compressor, so the
    bytes of one compressed block can be repeated and the stream stays valid."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    h = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    b = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    return h + b * count + c.compress(tail) + c.flush()


def bomb_gzip(head, block, count):
    """gzip members one after the other (legal: pigz, appends): head, then `count` members of `block`."""
    one = gzip.compress(block, 9)
    return gzip.compress(head, 9) + one * count


MB = 1 << 20
CELL = '<mxCell id="{i}" value="{v}" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="{x}" y="{y}" width="{w}" height="{h}" as="geometry"/></mxCell>'


def model(cells="", extra_root=""):
    return ('<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>' + cells + extra_root +
            "</root></mxGraphModel>")


def mxfile(*pages):
    body = "".join('<diagram id="p%d" name="P%d">%s</diagram>' % (i, i, p) for i, p in enumerate(pages))
    return '<mxfile host="test">' + body + "</mxfile>"


def b64(data):
    return base64.b64encode(data).decode()


good = mxfile(model(CELL.format(i="a", v="A", x=10, y=10, w=80, h=40) +
                    CELL.format(i="b", v="B", x=150, y=10, w=80, h=40) +
                    '<mxCell id="e" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>'))
put("good.drawio", good)

# --- draw.io XML -------------------------------------------------------------------------------------------
put("empty.drawio", b"")
put("garbage.drawio", bytes(range(256)) * 64)
put("truncated.drawio", good[: len(good) // 2])
put("nul_bytes.drawio", good.replace("A", "\0"))
put("bad_utf8.drawio", good.encode().replace(b'value="A"', b'value="\xff\xfe\xc0"'))
put("doctype_entities.drawio",
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' + good)
put("deep_elements.drawio", "<mxfile>" + "<a>" * 200000 + "</a>" * 200000 + "</mxfile>")
# A parent chain 20,000 cells deep: recursive walks over the cell tree must not overflow the stack.
chain = "".join('<mxCell id="c%d" value="x" vertex="1" parent="%s"><mxGeometry x="1" y="1" width="5" height="5" as="geometry"/></mxCell>'
                % (i, "1" if i == 0 else "c%d" % (i - 1)) for i in range(20000))
put("deep_parents.drawio", mxfile(model(chain)))
put("parent_cycle.drawio", mxfile(model('<mxCell id="x" vertex="1" parent="y"/><mxCell id="y" vertex="1" parent="x"/>')))
put("duplicate_ids.drawio", mxfile(model(CELL.format(i="a", v="A", x=1, y=1, w=5, h=5) * 2)))
put("nan_geometry.drawio", mxfile(model(CELL.format(i="a", v="A", x="NaN", y="inf", w="-1e308", h="1e400"))))
put("huge_geometry.drawio", mxfile(model(CELL.format(i="a", v="A", x=0, y=0, w="9e9", h="9e9"))))
put("dangling_edge.drawio", mxfile(model('<mxCell id="e" edge="1" parent="1" source="zz" target="yy"><mxGeometry relative="1" as="geometry"><Array as="points">' + '<mxPoint x="1e300" y="-1e300"/>' * 1000 + '</Array></mxGeometry></mxCell>')))
put("huge_attribute.drawio", mxfile(model('<mxCell id="a" vertex="1" parent="1" style="' + "k=v;" * MB + '"><mxGeometry width="10" height="10" as="geometry"/></mxCell>')))
put("many_style_keys.drawio", mxfile(model('<mxCell id="a" vertex="1" parent="1" style="' + "".join("k%d=%d;" % (i, i) for i in range(200000)) + '"><mxGeometry width="10" height="10" as="geometry"/></mxCell>')))
# 8 MB label: pango would be asked for many times that at once.
put("huge_label.drawio", mxfile(model(CELL.format(i="a", v="word " * (8 * MB // 5), x=0, y=0, w=200, h=100))))
put("huge_html_label.drawio", mxfile(model('<mxCell id="a" value="' + "&lt;b&gt;x&lt;/b&gt;" * (MB // 2) + '" style="html=1;" vertex="1" parent="1"><mxGeometry width="200" height="100" as="geometry"/></mxCell>')))
put("many_lines_label.drawio", mxfile(model(CELL.format(i="a", v="&#10;" * 500000, x=0, y=0, w=200, h=100))))
put("bare_model.drawio", model(CELL.format(i="a", v="A", x=0, y=0, w=10, h=10)))
put("wrong_root.drawio", "<html><body>not a diagram</body></html>")
put("mxlibrary.drawio", "<mxlibrary>[{&quot;xml&quot;:&quot;%%%zz&quot;}]</mxlibrary>")
put("unclosed_cdata.drawio", "<mxfile><diagram><![CDATA[" + "x" * 1000)
put("many_pages.drawio", mxfile(*[model() for _ in range(20000)]))
put("shape_stencil_garbage.drawio", mxfile(model('<mxCell id="a" vertex="1" parent="1" style="shape=stencil(' + "A" * 100000 + ');"><mxGeometry width="10" height="10" as="geometry"/></mxCell>')))
put("image_huge_png.drawio", "")  # filled below

# --- compressed pages --------------------------------------------------------------------------------------
put("compressed_bad_base64.drawio", mxfile("!!!not base64!!!"))
put("compressed_bad_deflate.drawio", mxfile(base64.b64encode(b"\xff" * 100).decode()))
put("compressed_bad_percent.drawio",
    mxfile(b64(deflate_raw(b"%ZZ%" * 100))))
put("compressed_not_model.drawio", mxfile(b64(deflate_raw(urllib.parse.quote("<html/>").encode()))))
# One page inflating to 1 GiB of zeros: stopped at the per-page bound.
put("deflate_bomb.drawio", mxfile(b64(bomb_raw(b"", b"\0" * MB, 1024))))
# Many pages, each 40 MiB of valid XML (a comment): under the per-page bound, together far past the
# memory budget the test gives (ulimit -v).
page40 = b64(bomb_raw(b"<mxGraphModel><root><mxCell id=\"0\"/></root><!--", b"A" * MB, 40, b"--></mxGraphModel>"))
put("deflate_bomb_pages.drawio", mxfile(*([page40] * 30)))

# --- .drawio.svg -------------------------------------------------------------------------------------------
def svg(content):
    return '<svg xmlns="http://www.w3.org/2000/svg" content="%s" width="10" height="10"></svg>' % content


put("svg_no_content.drawio.svg", '<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>')
put("svg_bad_content.drawio.svg", svg("this is not a diagram"))
put("svg_bad_base64.drawio.svg", svg("@@@@"))
put("svg_bomb.drawio.svg", svg(urllib.parse.quote(mxfile(b64(bomb_raw(b"", b"\0" * MB, 1024))))))
put("svg_truncated.drawio.svg", svg(urllib.parse.quote(good))[:200])


# --- .drawio.png -------------------------------------------------------------------------------------------
def chunk(kind, data, crc=None):
    c = zlib.crc32(kind + data) if crc is None else crc
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", c & 0xFFFFFFFF)


def png(extra_chunks, w=1, h=1):
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    raw = zlib.compress(b"\0\0\0\0" * 1)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + b"".join(extra_chunks) + chunk(b"IDAT", raw) +
            chunk(b"IEND", b""))


put("png_bad_crc.drawio.png", png([chunk(b"tEXt", b"mxfile\0" + urllib.parse.quote(good).encode(), crc=1)]))
put("png_truncated.drawio.png", png([chunk(b"tEXt", b"mxfile\0" + urllib.parse.quote(good).encode())])[:60])
put("png_no_diagram.drawio.png", png([]))
put("png_ztxt_bomb.drawio.png", png([chunk(b"zTXt", b"mxGraphModel\0\0" + bomb_raw(b"", b"\0" * MB, 1024))]))
put("png_huge_length.drawio.png", b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 0x7FFFFFFF) + b"tEXt" + b"x" * 100)
put("png_text_garbage.drawio.png", png([chunk(b"tEXt", b"mxfile\0" + b"%%%%\xff\xfe")]))
# A picture claiming 100000 x 100000 pixels, drawn through an image= data URI.
huge_png = png([], w=100000, h=100000)
put("image_huge_png.drawio", mxfile(model('<mxCell id="i" vertex="1" parent="1" style="shape=image;image=data:image/png,' +
                                          base64.b64encode(huge_png).decode() + ';"><mxGeometry width="50" height="50" as="geometry"/></mxCell>')))
# A JPEG whose header claims 65000 x 65000 pixels (12 GB decoded), from the test picture.
jpeg = bytearray(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../data/render/blue.jpg"), "rb").read())
sof = jpeg.find(b"\xff\xc0")
jpeg[sof + 5:sof + 9] = struct.pack(">HH", 65000, 65000)
put("image_huge_jpeg.drawio", mxfile(model('<mxCell id="i" vertex="1" parent="1" style="shape=image;image=data:image/jpeg,' +
                                           base64.b64encode(bytes(jpeg)).decode() + ';"><mxGeometry width="50" height="50" as="geometry"/></mxCell>')))
put("image_bad_data.drawio", mxfile(model('<mxCell id="i" vertex="1" parent="1" style="shape=image;image=data:image/png,@@@@;"><mxGeometry width="50" height="50" as="geometry"/></mxCell>')))


def image_cell(href):
    return mxfile(model('<mxCell id="i" vertex="1" parent="1" style="shape=image;image=%s;"><mxGeometry width="50" height="50" as="geometry"/></mxCell>' % href))


# Image references to local files: hrefs are filled in by the shell script (it knows the paths).
for name, href in [("image_abs.drawio", "@SECRET@"), ("image_file_uri.drawio", "file://@SECRET@"),
                   ("image_dotdot.drawio", "../secret/secret.png"), ("image_dev_zero.drawio", "/dev/zero"),
                   ("image_fifo.drawio", "@FIFO@"), ("image_dir.drawio", "/")]:
    put(name, image_cell(href))

# --- CSV event logs ----------------------------------------------------------------------------------------
put("log_empty.csv", b"")
put("log_header_only.csv", "case,activity,time\n")
put("log_garbage.csv", bytes(range(256)) * 256)
put("log_unterminated_quote.csv", 'case,activity,time\n1,"open,2024-01-01\n' + "x" * 100000)
put("log_bad_dates.csv", "case,activity,time\n" + "".join("%d,A,not-a-date-%d\n" % (i, i) for i in range(5000)))
put("log_wide.csv", ",".join("c%d" % i for i in range(50000)) + "\n" + ",".join("v" for _ in range(50000)) + "\n")
put("log_nul.csv", "case,activity,time\n1,A\0B,2024-01-01T00:00:00\n")
put("log_bad_utf8.csv", b"case,activity,time\n1,\xff\xfe,2024-01-01T00:00:00\n")
# One line of 2 GiB once gunzipped: a record must be bounded, not buffered whole.
put("log_one_line_bomb.csv.gz", bomb_gzip(b"", b"A" * (64 * MB), 32))
put("log_truncated.csv.gz", gzip.compress(b"case,activity,time\n1,A,2024-01-01\n" * 1000)[:200])
put("log_corrupt.csv.gz", b"\x1f\x8b\x08\x00" + b"\xff" * 200)
put("log_epoch_extremes.csv", "case,activity,time\n1,A,99999999999999999999\n1,B,-99999999999999999\n2,A,1e308\n")
put("log_many_cases.csv", "case,activity,time\n" + "".join("c%d,A,2024-01-01T00:00:00\n" % i for i in range(100000)))

# --- XES ---------------------------------------------------------------------------------------------------
put("log_malformed.xes", "<log><trace><event><string key='concept:name' value='A'></trace>")
put("log_not_xes.xes", "<?xml version='1.0'?><html/>")
put("log_laughs.xes", '<?xml version="1.0"?><!DOCTYPE log [<!ENTITY a "aaaaaaaaaa">' +
    "".join('<!ENTITY %s "%s">' % (chr(98 + i), ("&%s;" % chr(97 + i)) * 10) for i in range(10)) +
    ']><log><trace><string key="concept:name" value="&k;"/></trace></log>')
put("log_deep.xes", "<log>" + "<trace>" * 100000 + "</trace>" * 100000 + "</log>")
put("log_attr_bomb.xes.gz", bomb_gzip(b"<log><trace><event><string key=\"concept:name\" value=\"", b"A" * (64 * MB), 32))
put("log_text_bomb.xes.gz", bomb_gzip(b"<log><trace><event>", b" " * (64 * MB), 16))

# --- mapping files (validate --mapping) ----------------------------------------------------------------------
put("mapping_bad.json", "{\"a\": ")
put("mapping_deep.json", "[" * 200000 + "]" * 200000)
put("mapping_wrong_types.json", '{"x": [1,2,3], "y": {"z": null}}')
put("mapping_garbage.csv", bytes(range(256)) * 16)
put("mapping_huge_row.csv", "activity,step\n" + "A" * (4 * MB) + ",x\n")

# --- check configuration files --------------------------------------------------------------------------------
put("config_bad.json", "{rules: }")
put("config_deep.json", '{"rules":' + "[" * 200000 + "]" * 200000 + "}")
put("config_wrong_types.json", '{"rules":{"too-deep":{"threshold":"deep"},"bottleneck":7},"fail_on":12}')
put("config_huge_threshold.json", '{"rules":{"too-deep":{"threshold":1e308}}}')
put("config_unknown_rule.json", '{"rules":{"no-such-rule":true}}')

# --- a journey map for validate, and a CSV that is fine ------------------------------------------------------
put("ok_log.csv", "case,activity,time\n1,A,2024-01-01T00:00:00\n1,B,2024-01-02T00:00:00\n")
