#!/usr/bin/env python3
"""read_deck.py DECK.pptx [--expect KEY=VALUE ...]: reads a deck back (Python's standard zipfile and
ElementTree, no other package) and checks what a presentable deck must hold. Prints one line per slide
(kind, shapes, connectors, glued ends, tables, charts, smallest font, notes length) and exits 1 on the first
broken promise:
- every slide has speaker notes with text, and no slide is a picture (no p:pic, no blip fill);
- every connector end glued to a shape names a shape id that exists on its slide;
- every table (a:tbl) has a grid and rows with as many cells as grid columns;
- every chart frame resolves to a chart part whose series have cached values, whose embedded workbook
  (.xlsx) opens and holds the same numbers;
- fonts: runs on slides whose notes start with "Stage " are at least --min-stage-font points, every other
  run at least --min-font points.
--expect slides=N, personas=N (line series in the emotion chart), stages=N, findings=N (rows of the pain
point tables without the header, over all table slides), measures=N (rows of the "Validation numbers"
table), measure_series=N (series of the validation column chart), glued=N (at least N glued connector ends
in the deck).
"""
import io
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
}
R_ID = "{%s}id" % NS["r"]


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def rels_of(z, part):
    folder, name = part.rsplit("/", 1)
    path = folder + "/_rels/" + name + ".rels"
    if path not in z.namelist():
        return {}
    out = {}
    for r in ET.fromstring(z.read(path)).findall("rel:Relationship", NS):
        target = r.get("Target")
        if not target.startswith("/"):
            parts = (folder + "/" + target).split("/")
            stack = []
            for p in parts:
                if p == "..":
                    stack.pop()
                elif p and p != ".":
                    stack.append(p)
            target = "/".join(stack)
        else:
            target = target[1:]
        out[r.get("Id")] = (r.get("Type").rsplit("/", 1)[-1], target)
    return out


def main():
    args = sys.argv[1:]
    deck = args[0]
    expect = {}
    min_font, min_stage_font = 9.0, 12.0
    i = 1
    while i < len(args):
        if args[i] == "--expect":
            k, v = args[i + 1].split("=")
            expect[k] = int(v)
            i += 2
        elif args[i] == "--min-font":
            min_font = float(args[i + 1])
            i += 2
        elif args[i] == "--min-stage-font":
            min_stage_font = float(args[i + 1])
            i += 2
        else:
            fail("unknown argument " + args[i])
    z = zipfile.ZipFile(deck)
    pres = ET.fromstring(z.read("ppt/presentation.xml"))
    prels = rels_of(z, "ppt/presentation.xml")
    slides = [prels[s.get(R_ID)][1] for s in pres.iterfind("p:sldIdLst/p:sldId", NS)]
    glued_total, findings, series_count, stage_slides = 0, 0, None, 0
    measures, measure_series = 0, 0
    for n, part in enumerate(slides, 1):
        x = ET.fromstring(z.read(part))
        srels = rels_of(z, part)
        notes = [t for (kind, t) in srels.values() if kind == "notesSlide"]
        if not notes:
            fail("slide %d has no speaker notes" % n)
        note_text = "".join(e.text or "" for e in ET.fromstring(z.read(notes[0])).iter("{%s}t" % NS["a"])).strip()
        if len(note_text) < 20:
            fail("slide %d: speaker notes too short: %r" % (n, note_text))
        if x.findall(".//p:pic", NS) or x.findall(".//a:blip", NS):
            fail("slide %d holds a picture" % n)
        ids = {e.get("id") for e in x.iter("{%s}cNvPr" % NS["p"])}
        cxn = x.findall(".//p:cxnSp", NS)
        glued = 0
        for c in cxn:
            for end in ("a:stCxn", "a:endCxn"):
                g = c.find(".//" + end, NS)
                if g is not None:
                    if g.get("id") not in ids:
                        fail("slide %d: connector glued to missing shape %s" % (n, g.get("id")))
                    glued += 1
        glued_total += glued
        tables = x.findall(".//a:tbl", NS)
        frames = [f for f in x.iter("{%s}graphicFrame" % NS["p"]) if f.find(".//a:tbl", NS) is not None]
        names = [f.find("p:nvGraphicFramePr/p:cNvPr", NS).get("name") for f in frames]
        for t, name in zip(tables, names):
            cols = len(t.findall("a:tblGrid/a:gridCol", NS))
            rows = t.findall("a:tr", NS)
            if cols == 0 or not rows:
                fail("slide %d: empty table" % n)
            for r in rows:
                if len(r.findall("a:tc", NS)) != cols:
                    fail("slide %d: a table row has %d cells for %d columns" % (n, len(r.findall("a:tc", NS)), cols))
            if name.startswith("Validation numbers"):
                measures += len(rows) - 1
            else:
                findings += len(rows) - 1
        charts = x.findall(".//c:chart", NS)
        for ch in charts:
            kind, target = srels.get(ch.get(R_ID), (None, None))
            if kind != "chart" or target not in z.namelist():
                fail("slide %d: chart frame does not resolve" % n)
            cx = ET.fromstring(z.read(target))
            sers = cx.findall(".//c:ser", NS)
            if not sers:
                fail("slide %d: chart without series" % n)
            if cx.find(".//c:lineChart", NS) is not None:
                series_count = len(sers)
            else:
                measure_series = len(sers)
            cached = []
            for s in sers:
                pts = [float(v.text) for v in s.findall("c:val//c:pt/c:v", NS)]
                if not pts:
                    fail("slide %d: a chart series has no values" % n)
                cached += pts
            ext = cx.find("c:externalData", NS)
            crels = rels_of(z, target)
            if ext is None or ext.get(R_ID) not in crels:
                fail("slide %d: chart without an embedded workbook" % n)
            wb_part = crels[ext.get(R_ID)][1]
            wb = zipfile.ZipFile(io.BytesIO(z.read(wb_part)))
            sheet = ET.fromstring(wb.read("xl/worksheets/sheet1.xml"))
            nums = [float(v.text) for v in sheet.iter("{%s}v" % NS["s"])]
            ET.fromstring(wb.read("xl/workbook.xml"))
            if sorted(nums) != sorted(cached):
                fail("slide %d: workbook numbers %s differ from the chart's %s" % (n, nums, cached))
        sizes = [int(r.get("sz")) / 100 for r in x.iter("{%s}rPr" % NS["a"]) if r.get("sz")]
        smallest = min(sizes) if sizes else 0
        is_stage = note_text.startswith("Stage ")
        stage_slides += is_stage
        floor = min_stage_font if is_stage else min_font
        if sizes and smallest < floor:
            fail("slide %d: a run at %.1f pt (minimum %.1f)" % (n, smallest, floor))
        shapes = len(x.findall(".//p:sp", NS))
        print("slide %d: %s sp=%d cxnSp=%d glued=%d tables=%d charts=%d min_font=%.1f notes=%d" % (
            n, "stage" if is_stage else "-", shapes, len(cxn), glued, len(tables), len(charts), smallest,
            len(note_text)))
    got = {"slides": len(slides), "findings": findings, "stages": stage_slides,
           "personas": series_count if series_count is not None else 0,
           "measures": measures, "measure_series": measure_series}
    for k, v in expect.items():
        if k == "glued":
            if glued_total < v:
                fail("%d glued connector ends, expected at least %d" % (glued_total, v))
        elif got.get(k) != v:
            fail("%s = %s, expected %d" % (k, got.get(k), v))
    print("ok %s: %d slides, %d glued ends, %d table rows, %d chart series, %d measured stages" % (
        deck, len(slides), glued_total, findings, got["personas"], measures))


if __name__ == "__main__":
    main()
