#!/usr/bin/env python3
"""Builds the gold of a development batch that is not split (dev2, dev3):
where the two independent codings agree (as sets) the gold is theirs, else
the third reading's. Writes OUT.csv, OUT.gold.csv, OUT.coder1.csv and
OUT.coder2.csv, rows sorted by id, codes sorted.
Usage: build_batch.py ANSWERS.csv CODER1.csv CODER2.csv DECIDED.csv OUT_PREFIX"""
import csv, sys
def read(path):
    with open(path, newline='', encoding='utf-8') as f:
        return {r['id']: ';'.join(sorted(c for c in (r.get('codes') or '').split(';') if c))
                for r in csv.DictReader(f)}
answers, coder1, coder2, decided, out = sys.argv[1:6]
with open(answers, newline='', encoding='utf-8') as f:
    rows = sorted((r['id'], r['text']) for r in csv.DictReader(f))
c1, c2, third = read(coder1), read(coder2), read(decided)
missing = [i for i, _ in rows if c1[i] != c2[i] and i not in third]
if missing:
    sys.exit(f"no third reading for {', '.join(missing)}")
gold = {i: c1[i] if c1[i] == c2[i] else third[i] for i, _ in rows}
def write(suffix, header, make):
    with open(out + suffix, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        for i, t in rows:
            w.writerow(make(i, t))
write('.csv', ['id', 'text'], lambda i, t: [i, t])
write('.gold.csv', ['id', 'codes'], lambda i, t: [i, gold[i]])
write('.coder1.csv', ['id', 'codes'], lambda i, t: [i, c1[i]])
write('.coder2.csv', ['id', 'codes'], lambda i, t: [i, c2[i]])
print(f"{out}: {len(rows)} answers, {sum(1 for i, _ in rows if not gold[i])} with no code, "
      f"{sum(1 for i, _ in rows if c1[i] != c2[i])} settled by the third reading")
