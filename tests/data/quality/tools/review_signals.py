#!/usr/bin/env python3
"""Review signals on a coded table against gold: errors caught vs burden.
Usage: review_signals.py CODED.csv GOLD.csv ANSWERS.csv"""
import csv, sys, re
coded_path, gold_path, answers_path = sys.argv[1:4]
gold = {r['id']: set(c for c in r['codes'].split(';') if c) for r in csv.DictReader(open(gold_path, newline='', encoding='utf-8'))}
texts = {r['id']: r['text'] for r in csv.DictReader(open(answers_path, newline='', encoding='utf-8'))}
rows = list(csv.DictReader(open(coded_path, newline='', encoding='utf-8')))
def expand(cs):
    out=set(cs)
    for c in cs: out.add(c.split('.')[0])
    return out
def norm(cs):  # compare as agree does: subthemes + themes present
    return expand(cs)
n=len(rows); errs=0; base_flag=0; base_caught=0
sig = {}
words = lambda t: len(re.findall(r"\w+", t))
DOMAIN = re.compile(r"\b(mutuel|complementair|depass|dépass|honorair|optam|secteur|s2\b|s1\b|tarif|convention|cnam|cpam|caisse|ccam|ngap|acte|consult|rembours|sécu|secu\b|sécurité sociale|securite sociale|assurance maladie|revalo|cotisation|syndicat|négoc|negoc|medecin|médecin)", re.I)
for r in rows:
    prop = set(c for c in r['proposed'].split(';') if c)
    g = gold[r['id']]
    err = norm(prop) != norm(g)
    errs += err
    t = texts[r['id']]
    flags = {
      'current': r['status']=='disputed',
      'no_code>=8w': r['status']!='error' and not prop and words(t)>=8,
      'no_code+domain': not prop and bool(DOMAIN.search(t)) and words(t)>=4,
      'no_code+domain>=8w': not prop and bool(DOMAIN.search(t)) and words(t)>=8,
      'neg/excl/weak/conflict': bool(set(r['reasons'].split(';')) & {'negated','excluded','weak','conflict'}),
      'theme_alone': any('.' not in c for c in prop),
      'long>=40w&1code': len([c for c in prop if '.' in c])==1 and words(t)>=40,
      'long>=25w&<=1code': len([c for c in prop if '.' in c])<=1 and words(t)>=25,
      'typo': '(typo)' in (r.get('evidence') or ''),
      'question_mark': '?' in t and bool(prop),
    }
    for k,v in flags.items():
        s=sig.setdefault(k,[0,0]); s[0]+=v; s[1]+= v and err
print(f"answers {n}, machine errors (proposed != gold) {errs}")
for k,(f,c) in sig.items():
    print(f"{k:28s} burden {f:4d} ({f/n:5.1%})  errors caught {c:4d} ({c/max(errs,1):5.1%})  precision {c/max(f,1):5.1%}")
