#!/usr/bin/env python3
"""Share of differing pixels between two same-size PNGs (8-bit RGB/RGBA, as rsvg-convert writes), after
flattening on white, converting to grey and a 5x5 box blur; a pixel differs when grey values differ by > 15%."""
import struct, sys, zlib

def load(path):
    data = open(path, 'rb').read()
    pos, idat, w = 8, b'', 0
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
            assert depth == 8 and ctype in (2, 6), 'only 8-bit RGB/RGBA'
            bpp = 4 if ctype == 6 else 3
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    raw, stride, prev, grey = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        row = []
        for x in range(w):
            r, g, bl = line[x * bpp:x * bpp + 3]
            al = line[x * bpp + 3] if bpp == 4 else 255
            v = (r * 299 + g * 587 + bl * 114) / 1000
            row.append(v * al / 255 + 255 * (1 - al / 255))
        grey.append(row)
    return w, h, grey

def blur(img, w, h, r=2):
    out = []
    for row in img:  # horizontal
        acc, s = [], sum(row[1:r + 1]) + row[0] * (r + 1)
        for x in range(w):
            s += row[min(w - 1, x + r)] - row[max(0, x - r - 1)] if x else 0
            acc.append(s)
        out.append(acc)
    res = [[0.0] * w for _ in range(h)]
    for x in range(w):
        col = [out[y][x] for y in range(h)]
        s = sum(col[1:r + 1]) + col[0] * (r + 1)
        for y in range(h):
            if y: s += col[min(h - 1, y + r)] - col[max(0, y - r - 1)]
            res[y][x] = s / ((2 * r + 1) ** 2)
    return res

w1, h1, a = load(sys.argv[1]); w2, h2, b = load(sys.argv[2])
# rsvg-convert may round one side differently: compare the common area, count the rest as differing.
w, h = min(w1, w2), min(h1, h2)
a, b = blur([r[:w] for r in a[:h]], w, h), blur([r[:w] for r in b[:h]], w, h)
diff = sum(1 for y in range(h) for x in range(w) if abs(a[y][x] - b[y][x]) > 0.15 * 255)
diff += w1 * h1 - w * h
print(f'{100.0 * diff / (w1 * h1):.1f}')
