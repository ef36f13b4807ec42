#!/usr/bin/env python3
"""Draws the real-answer quality set from real_topical.csv at random (issue 16).
Usage: draw_real.py REAL_TOPICAL.csv N SEED > drawn.csv  (id,text)"""
import csv, random, sys
path, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
drawn = random.Random(seed).sample(rows, n)
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["id", "text"])
for r in drawn:
    w.writerow([r["id"], r["text"]])
