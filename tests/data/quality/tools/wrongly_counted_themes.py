#!/usr/bin/env python3
"""Answers with a wrongly counted theme (issue 16's "answers with a wrongly
counted theme ≤ 2 %"): answers whose counted codes (coded.csv's `codes`
column: disputed answers count nothing) name a theme the gold does not have,
out of all answers.
Usage: wrongly_counted_themes.py CODED.csv GOLD.csv"""
import csv, sys

coded, gold = sys.argv[1:3]
with open(gold, newline='', encoding='utf-8') as f:
    themes = {r['id']: {c.split('.')[0] for c in r['codes'].split(';') if c} for r in csv.DictReader(f)}
answers = wrong = 0
with open(coded, newline='', encoding='utf-8') as f:
    for row in csv.DictReader(f):
        answers += 1
        counted = {c.split('.')[0] for c in row['codes'].split(';') if c}
        if counted - themes[row['id']]:
            wrong += 1
print(f"{wrong} of {answers} answers ({100 * wrong / answers:.1f} %) with a wrongly counted theme")
