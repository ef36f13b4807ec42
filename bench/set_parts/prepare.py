#!/usr/bin/env python3
"""Inputs of set_parts.cc (see its header): splits the user regexes of a
codebook dump (`verbatim check CODEBOOK --dump-regexes`) as the prefilter
does (core/prefilter.cc, HasCountedRange: a counted repetition of range 3 or
more, outside classes and escapes, makes a regex "gated") and writes the
answers of a CSV's text column normalized as the Python baseline does
(bench/baseline.py's normalize, close to verbatim's normalizer).

  prepare.py DUMP.jsonl ANSWERS.csv OUT_DIR   -> OUT_DIR/{set,gated,answers}.txt
"""
import csv
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from baseline import normalize  # noqa: E402  (bench/baseline.py)

csv.field_size_limit(1 << 30)


def has_counted_range(source):
    i, in_class = 0, False
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
            i += 1
            continue
        if c == "[":
            in_class = True
            i += 2 if source[i + 1:i + 2] == "^" else 1
            if source[i:i + 1] == "]":
                i += 1
            continue
        m = re.match(r"\{(\d+),(\d*)\}", source[i:]) if c == "{" else None
        if m and (m.group(2) == "" or int(m.group(2)) - int(m.group(1)) >= 3):
            return True
        i += 1
    return False


def main():
    dump, answers, out = sys.argv[1:4]
    sources = []
    with open(dump, encoding="utf-8") as f:
        for line in f:
            pattern = json.loads(line)
            if pattern["kind"] == "regex":
                sources += [s for s in pattern["regexes"] if s not in sources]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "set.txt"), "w", encoding="utf-8") as f:
        f.writelines(s + "\n" for s in sources if not has_counted_range(s))
    with open(os.path.join(out, "gated.txt"), "w", encoding="utf-8") as f:
        f.writelines(s + "\n" for s in sources if has_counted_range(s))
    with open(answers, encoding="utf-8", newline="") as f, \
            open(os.path.join(out, "answers.txt"), "w", encoding="utf-8") as w:
        for row in csv.DictReader(f):
            w.write(normalize(row["text"]) + "\n")


if __name__ == "__main__":
    main()
