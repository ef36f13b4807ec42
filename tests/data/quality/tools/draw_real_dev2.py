#!/usr/bin/env python3
"""Draws the second real development set (dev2): 200 answers from
real_topical.csv at random (seed 1617), none of the 300 already drawn.
Usage: draw_real_dev2.py REAL_TOPICAL.csv QUALITY_DIR > dev2.csv  (id,text)"""
import csv, random, sys
path, quality = sys.argv[1], sys.argv[2]
with open(path, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
used = set()
for split in ("dev", "test"):
    with open(f"{quality}/real/{split}.csv", newline="", encoding="utf-8") as f:
        used.update(r["id"] for r in csv.DictReader(f))
pool = [r for r in rows if r["id"] not in used]
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["id", "text"])
for r in random.Random(1617).sample(pool, 200):
    w.writerow([r["id"], r["text"]])
