#!/usr/bin/env python3
"""woff_to_ttf.py IN.woff OUT.ttf: unpacks a WOFF 1.0 font to the TrueType file it wraps. npm's font packages
ship WOFF only, and pango lays text out with HarfBuzz, which reads TrueType/OpenType files, not WOFF (fontconfig
lists a WOFF font, but pango skips it). Standard library only; gen_font_metrics.py reads fonts through it."""
import struct, sys, zlib


def sfnt(data):
    """The font as TrueType bytes (unchanged when it is not WOFF)."""
    if data[:4] != b"wOFF":
        return data
    num = struct.unpack(">H", data[12:14])[0]
    entries = sorted(struct.unpack(">4sIIII", data[44 + 20 * i: 64 + 20 * i]) for i in range(num))
    power = 1
    while power * 2 <= num:
        power *= 2
    selector = power.bit_length() - 1
    out = bytearray(data[4:8] + struct.pack(">HHHH", num, power * 16, selector, num * 16 - power * 16))
    out += bytes(16 * num)
    for i, (tag, off, comp, orig, checksum) in enumerate(entries):
        body = data[off: off + comp]
        if comp < orig:
            body = zlib.decompress(body)
        struct.pack_into(">4sIII", out, 12 + 16 * i, tag, checksum, len(out), orig)
        out += body + b"\0" * (-orig % 4)
    return bytes(out)


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as f:
        data = sfnt(f.read())
    with open(sys.argv[2], "wb") as f:
        f.write(data)
