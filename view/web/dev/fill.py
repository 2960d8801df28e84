#!/usr/bin/env python3
"""Fill view/assets/page.html with the built assets and a data file into one
standalone HTML page, as the Go writer does (development only).

    python3 fill.py data.json > graph.html
    python3 fill.py --assets ../../assets data.json -o graph.html

All five placeholders are replaced in one pass, so nothing inserted is scanned
again; "<" in the data is written as \\u003c so the JSON never closes its tag.
Standard library only.
"""
import argparse
import html
import json
import os
import re
import sys


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", help="graph data: one object with the fields of both parts of view/DATA.md (as make-fixture.py writes it), JSON")
    ap.add_argument("--assets", default=os.path.join(here, "..", "..", "assets"))
    ap.add_argument("-o", "--output", default="-")
    args = ap.parse_args()

    def read(name):
        with open(os.path.join(args.assets, name), encoding="utf-8") as f:
            return f.read()

    page, css, js = read("page.html"), read("viewer.css"), read("viewer.js")
    with open(args.data, encoding="utf-8") as f:
        data = json.load(f)
    # the page's two parts (view/DATA.md): what the first frame needs, the rest
    nodes, edges = data.get("nodes") or [], data.get("edges") or []
    paint = {k: data.get(k) for k in ("version", "title", "note", "total")}
    paint["version"] = 2
    paint["nodes"] = [{k: n.get(k) for k in ("id", "label", "x", "y", "size", "community", "meetings", "shown")} for n in nodes]
    paint["edges"] = [[e["s"], e["t"], e["w"]] for e in edges]
    details = {
        "nodes": [{k: n.get(k) for k in ("aliases", "offices", "cables", "first", "last")} for n in nodes],
        "edges": [{k: e.get(k) for k in ("first", "last", "m")} for e in edges],
        "meetings": data.get("meetings") or [],
        "cables": data.get("cables") or [],
    }

    def blob(v):
        b = json.dumps(v, ensure_ascii=False, separators=(",", ":"))
        return b.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")

    values = {
        "{{TITLE}}": html.escape(data.get("title") or "cablegraph"),
        "/*{{CSS}}*/": css,
        "{{DATA}}": blob(paint),
        "{{DETAILS}}": blob(details),
        "/*{{JS}}*/": js,
    }
    for k in values:
        if page.count(k) != 1:
            sys.exit(f"fill.py: page.html has {page.count(k)} of {k}, want 1")
    out = re.sub("|".join(re.escape(k) for k in sorted(values, key=len, reverse=True)), lambda m: values[m.group(0)], page)
    if args.output == "-":
        sys.stdout.write(out)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(out)


if __name__ == "__main__":
    main()
