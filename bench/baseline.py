#!/usr/bin/env python3
"""The Python `re` baseline: the same job as `verbatim code`, written as an
analyst would. Reads a CSV (text = last column), normalizes each answer
(unicodedata NFD, casefold, marks stripped, apostrophes and dashes unified,
spaces collapsed), searches every pattern compiled from the codebook's
normalized regex sources (`verbatim check --dump-regexes`; a pattern hits
when all its regexes do), and counts answers per code. No negation, no near
window, no outputs but the counts: a floor for what Python would cost.
On standard error, the seconds spent compiling the regexes and coding the
answers (wall clock, each part).

  baseline.py DUMP.jsonl INPUT.csv
"""
import csv
import json
import re
import sys
import time
import unicodedata
from collections import Counter

csv.field_size_limit(1 << 30)

APOSTROPHES = dict.fromkeys(map(ord, "\u2019\u2018\u201b`\u00b4\u2032\u02bc"), "'")
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
SPACES = re.compile(r"\s+")


def normalize(text):
    text = unicodedata.normalize("NFD", text).casefold()
    text = "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn")
    text = text.translate(APOSTROPHES).translate(DASHES).replace("\u0153", "oe").replace("\u00e6", "ae")
    return SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def to_python(source):
    # RE2's \x{HEX} is \UXXXXXXXX in Python.
    return re.sub(r"\\x\{([0-9A-Fa-f]+)\}", lambda m: "\\U%08X" % int(m.group(1), 16), source)


def main():
    dump, path = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    patterns = []
    with open(dump, encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            if p["role"] == "include":
                patterns.append((p["code"], [re.compile(to_python(s)) for s in p["regexes"]]))
    compiled = time.perf_counter()
    counts = Counter()
    rows = 0
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            rows += 1
            text = normalize(row[-1])
            codes = {code for code, regexes in patterns if all(r.search(text) for r in regexes)}
            counts.update(codes)
    done = time.perf_counter()
    print(f"compile_seconds {compiled - started:.3f} coding_seconds {done - compiled:.3f}", file=sys.stderr)
    print(f"rows {rows}")
    for code, n in sorted(counts.items()):
        print(f"{code} {n}")


if __name__ == "__main__":
    main()
