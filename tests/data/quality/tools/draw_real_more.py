#!/usr/bin/env python3
"""Draws a further real development batch: N answers from real_topical.csv
at random (SEED), none of those already in the given splits of QUALITY_DIR/real.
Usage: draw_real_more.py REAL_TOPICAL.csv QUALITY_DIR SEED N SPLIT... > batch.csv  (id,text)
  dev2: draw_real_more.py … 1617 200 dev test
  dev3: draw_real_more.py … 1618 200 dev test dev2
  dev4: draw_real_more.py … 1619 200 dev test dev2 dev3
  dev5: draw_real_more.py … 1620 200 dev test dev2 dev3 dev4
  dev6: draw_real_more.py … 1621 200 dev test dev2 dev3 dev4 dev5"""
import csv, random, sys
path, quality, seed, n, splits = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:]
with open(path, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
used = set()
for split in splits:
    with open(f"{quality}/real/{split}.csv", newline="", encoding="utf-8") as f:
        used.update(r["id"] for r in csv.DictReader(f))
pool = [r for r in rows if r["id"] not in used]
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["id", "text"])
for r in random.Random(seed).sample(pool, n):
    w.writerow([r["id"], r["text"]])
