#!/usr/bin/env python3
"""Assembles a batch of doctor answers from its writers' folders (each with
personas.csv and answers.csv, `persona,text`): checks every persona got a
non-empty answer, shuffles the answers (SEED) and numbers them PREFIX001…
Writes OUT_DIR/answers.csv (id,text) and OUT_DIR/ids_to_personas.csv.
Usage: assemble_batch.py SEED PREFIX OUT_DIR WRITER_DIR...
  dev3: assemble_batch.py 1607 f dev3 writer1 writer2 writer3"""
import csv, os, random, sys
seed, prefix, out_dir, writers = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
rows = []
for folder in writers:
    with open(os.path.join(folder, 'answers.csv'), newline='', encoding='utf-8') as f:
        got = list(csv.DictReader(f))
    with open(os.path.join(folder, 'personas.csv'), newline='', encoding='utf-8') as f:
        want = [r['persona'] for r in csv.DictReader(f)]
    if [r['persona'] for r in got] != want:
        sys.exit(f"{folder}: the answers' personas differ from personas.csv")
    if not all(r['text'].strip() for r in got):
        sys.exit(f"{folder}: an empty answer")
    rows += got
random.Random(seed).shuffle(rows)
os.makedirs(out_dir, exist_ok=True)
for name, make in (('answers.csv', lambda i, r: [i, r['text']]),
                   ('ids_to_personas.csv', lambda i, r: [i, r['persona']])):
    with open(os.path.join(out_dir, name), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['id', 'text'] if name == 'answers.csv' else ['id', 'persona'])
        for n, r in enumerate(rows, 1):
            w.writerow(make(f"{prefix}{n:03d}", r))
print(f"{len(rows)} answers from {len(writers)} writers")
