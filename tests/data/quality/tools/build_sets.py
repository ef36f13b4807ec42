#!/usr/bin/env python3
"""Builds the gold of a quality set from two independent codings and a third
reading of their disagreements, and splits it at random into dev and test."""
import csv, random, sys, os
def read(path, key='codes'):
    with open(path, newline='', encoding='utf-8') as f:
        return {r['id']: ';'.join(sorted(c for c in (r.get(key) or '').split(';') if c)) for r in csv.DictReader(f)}
def main(answers, coder1_files, coder2_files, decided, out_dir, seed, test_n):
    with open(answers, newline='', encoding='utf-8') as f:
        rows = [(r['id'], r['text']) for r in csv.DictReader(f)]
    c1, c2 = {}, {}
    for p in coder1_files.split(','): c1.update(read(p))
    for p in coder2_files.split(','): c2.update(read(p))
    third = read(decided)
    gold = {}
    for i, _ in rows:
        gold[i] = c1[i] if c1[i] == c2[i] else third[i]
    ids = [i for i, _ in rows]
    test = set(random.Random(seed).sample(ids, test_n))
    os.makedirs(out_dir, exist_ok=True)
    for split in ('dev', 'test'):
        keep = [(i, t) for i, t in rows if (i in test) == (split == 'test')]
        keep.sort(key=lambda r: r[0])
        def write(name, header, make):
            with open(os.path.join(out_dir, f'{split}{name}'), 'w', newline='', encoding='utf-8') as f:
                w = csv.writer(f, lineterminator='\n'); w.writerow(header)
                for i, t in keep: w.writerow(make(i, t))
        write('.csv', ['id', 'text'], lambda i, t: [i, t])
        write('.gold.csv', ['id', 'codes'], lambda i, t: [i, gold[i]])
        write('.coder1.csv', ['id', 'codes'], lambda i, t: [i, c1[i]])
        write('.coder2.csv', ['id', 'codes'], lambda i, t: [i, c2[i]])
if __name__ == '__main__':
    main(*sys.argv[1:6], int(sys.argv[6]), int(sys.argv[7]))
