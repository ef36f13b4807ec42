#!/usr/bin/env python3
"""Check that the hand coding in optam_changes.gold.csv reproduces the report's
table of "changements attendus" (Jeunes Médecins OPTAM survey, Nov 2025).

Usage: python3 check_gold_tallies.py [gold.csv] [answers.csv]
Exits 0 when every tally matches, 1 otherwise. Stdlib only.
"""
import csv
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "optam_changes.gold.csv")
ANSWERS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "optam_changes.csv")

N_ANSWERS = 129
EXPECTED = {
    "revalorisation": 89,
    "revalorisation.ccam": 42,
    "revalorisation.inflation": 19,
    "revalorisation.consultations": 11,
    "revalorisation.actes_intellectuels": 7,
    "revalorisation.actes_opposables": 5,
    "revalorisation.forfaits_techniques": 3,
    "liberte_tarifaire": 62,
    "liberte_tarifaire.complements": 24,
    "liberte_tarifaire.secteur2": 17,
    "liberte_tarifaire.fin_optam": 12,
    "liberte_tarifaire.plafonds": 6,
    "liberte_tarifaire.limitations": 3,
    "gouvernance": 37,
    "gouvernance.negociation": 14,
    "gouvernance.convention_equilibree": 10,
    "gouvernance.stabilite": 5,
    "gouvernance.participation_locale": 5,
    "gouvernance.sortie_optam": 3,
    "mutuelles": 28,
    "mutuelles.prise_en_charge": 12,
    "mutuelles.regulation": 8,
    "mutuelles.partage_secu": 5,
    "mutuelles.remboursements_homogenes": 3,
}
THEMES = [k for k in EXPECTED if "." not in k]
EXPECTED_THEME_MENTIONS = 216

errors = []

# --- answers file shape
with open(ANSWERS, encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
header, data = rows[0], rows[1:]
if len(header) != 3:
    errors.append(f"answers header has {len(header)} columns, expected 3")
if len(data) != N_ANSWERS:
    errors.append(f"answers file has {len(data)} data rows, expected {N_ANSWERS}")
for i, r in enumerate(data, 1):
    if len(r) != 3:
        errors.append(f"answers row {i} has {len(r)} columns")

# --- gold file
with open(GOLD, encoding="utf-8", newline="") as f:
    reader = csv.DictReader(f)
    if reader.fieldnames != ["id", "codes"]:
        errors.append(f"gold header is {reader.fieldnames}, expected ['id', 'codes']")
    gold = list(reader)
ids = [int(r["id"]) for r in gold]
if ids != list(range(1, N_ANSWERS + 1)):
    errors.append("gold ids are not exactly 1..%d in order" % N_ANSWERS)

code_count = Counter()
theme_count = Counter()
uncoded = 0
themes_per_answer = Counter()
for r in gold:
    codes = [c.strip() for c in r["codes"].split(";") if c.strip()]
    if len(set(codes)) != len(codes):
        errors.append(f"answer {r['id']}: duplicate code")
    for c in codes:
        if c not in EXPECTED:
            errors.append(f"answer {r['id']}: unknown code {c!r}")
    themes = set()
    subs_per_theme = Counter()
    for c in codes:
        t = c.split(".")[0]
        themes.add(t)
        if "." in c:
            subs_per_theme[t] += 1
            code_count[c] += 1
        elif any(x.startswith(t + ".") for x in codes):
            errors.append(f"answer {r['id']}: theme {t} coded alone and with a subtheme")
    for t, n in subs_per_theme.items():
        if n > 1:
            errors.append(f"answer {r['id']}: {n} subthemes of {t} (at most one expected)")
    for t in themes:
        theme_count[t] += 1
    themes_per_answer[len(themes)] += 1
    if not codes:
        uncoded += 1

print(f"{'code':40} {'gold':>5} {'report':>6}")
for code, exp in EXPECTED.items():
    got = theme_count[code] if code in THEMES else code_count[code]
    flag = "" if got == exp else "   <-- MISMATCH"
    indent = "" if code in THEMES else "  "
    print(f"{indent + code:40} {got:5d} {exp:6d}{flag}")
    if got != exp:
        errors.append(f"{code}: gold {got}, report {exp}")
    if code in THEMES:
        alone = theme_count[code] - sum(code_count[k] for k in EXPECTED if k.startswith(code + "."))
        print(f"  {'(' + code + ' without subtheme)':38} {alone:5d}")

mentions = sum(theme_count.values())
print(f"\ntheme mentions: {mentions} (report {EXPECTED_THEME_MENTIONS})")
if mentions != EXPECTED_THEME_MENTIONS:
    errors.append(f"theme mentions {mentions} != {EXPECTED_THEME_MENTIONS}")
print(f"answers without code: {uncoded}")
print("themes per answer: " + ", ".join(f"{k}: {themes_per_answer[k]}" for k in sorted(themes_per_answer)))

if errors:
    print("\nFAIL")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("\nOK: gold tallies reproduce the report's table")
