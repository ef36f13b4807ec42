#!/usr/bin/env python3
"""What other review rules would have done to a coded table, against gold:
burden, errors caught, subtheme micro-F1 of the counted answers and after
review (disputed answers given their gold codes), as `verbatim agree` counts
them. Rules simulated: the table as coded; + a theme proposed alone goes to
review; the same with the no-code rule only from 15 words; no no-code rule
and + theme alone.
Usage: simulate_review_rules.py CODED.csv GOLD.csv ANSWERS.csv"""
import csv, re, sys
coded_path, gold_path, answers_path = sys.argv[1:4]
with open(gold_path, newline='', encoding='utf-8') as f:
    gold = {r['id']: {c for c in r['codes'].split(';') if c} for r in csv.DictReader(f)}
with open(answers_path, newline='', encoding='utf-8') as f:
    texts = {r['id']: r['text'] for r in csv.DictReader(f)}
with open(coded_path, newline='', encoding='utf-8') as f:
    rows = list(csv.DictReader(f))

def subthemes(codes):
    return {c for c in codes if '.' in c}

def with_themes(codes):
    return set(codes) | {c.split('.')[0] for c in codes}

def micro_f1(pairs):
    tp = fp = fn = 0
    for proposed, reference in pairs:
        p, g = subthemes(proposed), subthemes(reference)
        tp += len(p & g); fp += len(p - g); fn += len(g - p)
    return 2 * tp / max(2 * tp + fp + fn, 1)

def words(text):
    return len(re.findall(r"\w+", text))

def reasons(row):
    return {r for r in row['reasons'].split(';') if r}

def theme_alone(proposed):
    return any('.' not in c for c in proposed)

RULES = {
    'as coded': lambda row, proposed, text: row['status'] == 'disputed',
    '+ theme alone': lambda row, proposed, text: row['status'] == 'disputed' or theme_alone(proposed),
    '+ theme alone, no code from 15 words': lambda row, proposed, text: (
        bool(reasons(row) - {'no_code'}) or theme_alone(proposed)
        or ('no_code' in reasons(row) and words(text) >= 15)),
    'no no-code rule, + theme alone': lambda row, proposed, text: (
        bool(reasons(row) - {'no_code'}) or theme_alone(proposed)),
}
for name, disputed in RULES.items():
    burden = caught = errors = 0
    counted, after = [], []
    for row in rows:
        proposed = {c for c in row['proposed'].split(';') if c}
        reference = gold[row['id']]
        error = with_themes(proposed) != with_themes(reference)
        errors += error
        is_disputed = disputed(row, proposed, texts[row['id']])
        burden += is_disputed
        caught += is_disputed and error
        if is_disputed:
            after.append((reference, reference))
        else:
            counted.append((proposed, reference))
            after.append((proposed, reference))
    n = len(rows)
    print(f"{name:40s} burden {burden / n:6.1%}  caught {caught / max(errors, 1):6.1%}  "
          f"counted F1 {micro_f1(counted):.3f}  after review {micro_f1(after):.3f}")
