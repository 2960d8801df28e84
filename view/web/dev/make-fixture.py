#!/usr/bin/env python3
"""Development fixture: turn a cablegraph run's cables.jsonl into graph.html data
(view/DATA.md, version 1), so the page can be tried before the Go writer exists.

Positions and communities are fake, for development only:
  community = hash of the person's first cable (by refid) modulo 8;
  positions: --layout clusters (default; communities on a circle, each a sunflower
  spiral with the busiest people in the middle), circle, or random (seeded).

    python3 make-fixture.py OUT/cables.jsonl > data.json
    python3 make-fixture.py --top 500 OUT/cables.jsonl > top500.json   # shown: false past the top 500

Standard library only.
"""
import argparse
import hashlib
import itertools
import json
import math
import random
import re
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cables", help="cables.jsonl of a cablegraph run")
    ap.add_argument("--layout", choices=["clusters", "circle", "random"], default="clusters")
    ap.add_argument("--top", type=int, default=0, help="draw only the top N people by meetings (others shown: false)")
    ap.add_argument("--title", default="cablegraph: who met whom")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    cables = []
    with open(args.cables, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                cables.append(json.loads(line))
    cables.sort(key=lambda c: c["cable"])

    people = {}  # id -> info
    for c in cables:
        for p in c.get("people") or []:
            q = people.setdefault(p["id"], {"id": p["id"], "label": p.get("name") or p["id"], "aliases": [],
                                            "offices": [], "cables": set(), "dates": []})
            for a in p.get("aliases") or []:
                if a not in q["aliases"]:
                    q["aliases"].append(a)
            for o in p.get("offices") or []:
                if o not in q["offices"]:
                    q["offices"].append(o)
            q["cables"].add(c["cable"])
            if c.get("date"):
                q["dates"].append(c["date"])

    # Meetings with at least two known participants, in cable order.
    raw = []
    for c in cables:
        for m in c.get("meetings") or []:
            ps = sorted({p for p in m.get("participants") or [] if p in people})
            if len(ps) >= 2:
                raw.append((c, m, ps))

    # Node weights: meetings per person (sum of pair weights).
    pairw = {}
    for _, _, ps in raw:
        for a, b in itertools.combinations(ps, 2):
            pairw[(a, b)] = pairw.get((a, b), 0) + 1
    meet = {}
    for (a, b), w in pairw.items():
        meet[a] = meet.get(a, 0) + w
        meet[b] = meet.get(b, 0) + w
    ids = sorted(meet)
    index = {pid: i for i, pid in enumerate(ids)}
    total = {"nodes": len(ids), "edges": len(pairw)}

    shown = set(ids)
    note = ""
    if args.top and args.top < len(ids):
        shown = set(sorted(ids, key=lambda p: (-meet[p], p))[: args.top])
        note = f"showing the top {args.top:,} people by meetings of {len(ids):,}; search finds the rest"

    # Communities: hash of the first cable modulo 8.
    def community(pid):
        first = min(people[pid]["cables"])
        return int(hashlib.sha1(first.encode()).hexdigest(), 16) % 8

    comm = {pid: community(pid) for pid in ids}
    pos = layout(ids, comm, meet, args.layout, args.seed)

    nodes = []
    for pid in ids:
        p = people[pid]
        x, y = pos[pid]
        nodes.append({
            "id": pid, "label": p["label"], "x": round(x, 3), "y": round(y, 3),
            "size": round(2 + 2.2 * math.log1p(meet[pid]), 2), "community": comm[pid],
            "aliases": p["aliases"], "offices": p["offices"], "cables": len(p["cables"]),
            "first": min(p["dates"]) if p["dates"] else "", "last": max(p["dates"]) if p["dates"] else "",
            "meetings": meet[pid], "shown": pid in shown,
        })

    # Edges between shown people, their meetings, the cables behind them.
    cable_ids = []
    cable_index = {}
    meetings = []
    edges = {}
    for c, m, ps in raw:
        pairs = [(a, b) for a, b in itertools.combinations(ps, 2) if a in shown and b in shown]
        if not pairs:
            continue
        if c["cable"] not in cable_index:
            cable_index[c["cable"]] = len(cable_ids)
            cable_ids.append(c)
        mi = len(meetings)
        ev = (m.get("evidence") or {}).get("text") or ""
        meetings.append({
            "cable": cable_index[c["cable"]], "date": m.get("date") or "", "kind": m.get("kind") or "meeting",
            "place": m.get("place") or "", "quote": re.sub(r"\s+", " ", ev).strip(),
            "people": [index[p] for p in ps],
        })
        d = m.get("date") or c.get("date") or ""
        for a, b in pairs:
            e = edges.setdefault((index[a], index[b]), {"s": index[a], "t": index[b], "w": 0, "first": "", "last": "", "m": []})
            e["w"] += 1
            e["m"].append(mi)
            if d:
                e["first"] = min(e["first"] or d, d)
                e["last"] = max(e["last"] or d, d)

    data = {
        "version": 1, "title": args.title, "note": note, "total": total, "nodes": nodes,
        "edges": [edges[k] for k in sorted(edges)], "meetings": meetings,
        "cables": [{"id": c["cable"], "date": c.get("date") or "", "origin": c.get("origin") or "",
                    "subject": c.get("subject") or "", "tags": c.get("tags") or []} for c in cable_ids],
    }
    json.dump(data, sys.stdout, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")
    print(f"{len(nodes)} people ({len(shown)} shown), {len(data['edges'])} edges, {len(meetings)} meetings, "
          f"{len(cable_ids)} cables", file=sys.stderr)


def layout(ids, comm, meet, kind, seed):
    rnd = random.Random(seed)
    n = len(ids)
    if kind == "random":
        return {p: (rnd.uniform(-100, 100), rnd.uniform(-100, 100)) for p in ids}
    if kind == "circle":
        return {p: (100 * math.cos(2 * math.pi * i / n), 100 * math.sin(2 * math.pi * i / n)) for i, p in enumerate(ids)}
    # clusters: each community a sunflower spiral, busiest first (in the middle).
    groups = {}
    for p in ids:
        groups.setdefault(comm[p], []).append(p)
    k = max(groups) + 1 if groups else 1
    golden = math.pi * (3 - math.sqrt(5))
    out = {}
    big = max((len(g) for g in groups.values()), default=1)
    for c, g in groups.items():
        g.sort(key=lambda p: (-meet[p], p))
        cx = 2.6 * math.sqrt(big) * math.cos(2 * math.pi * c / k)
        cy = 2.6 * math.sqrt(big) * math.sin(2 * math.pi * c / k)
        for j, p in enumerate(g):
            r = math.sqrt(j + 0.5) + rnd.uniform(-0.3, 0.3)
            out[p] = (cx + r * math.cos(j * golden), cy + r * math.sin(j * golden))
    return out


if __name__ == "__main__":
    main()
