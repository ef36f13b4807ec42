#!/usr/bin/env python3
"""Draws the third real development set (dev3): 200 answers from
real_topical.csv at random (seed 1618), none of the 500 already drawn (dev, test, dev2).
Usage: draw_real_dev3.py REAL_TOPICAL.csv QUALITY_DIR > dev3.csv  (id,text)"""
import csv, random, sys
path, quality = sys.argv[1], sys.argv[2]
with open(path, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
used = set()
for split in ("dev", "test", "dev2"):
    with open(f"{quality}/real/{split}.csv", newline="", encoding="utf-8") as f:
        used.update(r["id"] for r in csv.DictReader(f))
pool = [r for r in rows if r["id"] not in used]
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["id", "text"])
for r in random.Random(1618).sample(pool, 200):
    w.writerow([r["id"], r["text"]])
