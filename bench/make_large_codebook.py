#!/usr/bin/env python3
"""Writes a large generated codebook and answers for timing and hostile tests.

Usage: bench/make_large_codebook.py OUT_DIR [PATTERNS] [ANSWERS]
Writes OUT_DIR/codebook.yaml (100 themes x 10 subthemes; PATTERNS patterns,
default 10000, cycling term, stem, phrase and near) and OUT_DIR/answers.csv
(ANSWERS answers, default 1000, of 30 words drawn from the same syllables:
a worst case, where most words share prefixes with many patterns).
Deterministic: the same arguments give the same files.

Time it with:
  bench/make_large_codebook.py /tmp/large 10000 1000
  /usr/bin/time -v build/verbatim check /tmp/large/codebook.yaml
  build/verbatim code /tmp/large/answers.csv -c /tmp/large/codebook.yaml -o /tmp/large/out -q
  grep -A4 '"seconds"' /tmp/large/out/run.json
"""
import os
import random
import sys

SYLLABLES = ["ra", "ve", "lo", "ri", "sa", "tion", "con", "sul", "ta", "me",
             "de", "cin", "pa", "tient", "ho", "no", "rai", "re", "tu", "rif"]


def unique_word(index, rng):
    # A random start, then the index in base 20: unique, French-looking.
    word = rng.choice(SYLLABLES)
    while True:
        word += SYLLABLES[index % 20]
        index //= 20
        if index == 0:
            return word


def main():
    out_dir = sys.argv[1]
    patterns = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    answers = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    rng = random.Random(7)
    os.makedirs(out_dir, exist_ok=True)
    lines = ['codebook: {id: large, version: "1", language: fr, question: "Q ?"}',
             "themes:"]
    per_code = max(1, patterns // 1000)
    k = 0
    for t in range(100):
        lines += [f"  - id: t{t}", f'    label: "Theme {t}"', "    subthemes:"]
        for s in range(10):
            lines += [f"      - id: t{t}.s{s}", f'        label: "Sub {t}.{s}"',
                      "        patterns:"]
            for _ in range(per_code):
                w = unique_word(k, rng)
                kind = k % 4
                if kind == 0:
                    lines.append(f"          - {w}")
                elif kind == 1:
                    lines.append(f"          - {w}*")
                elif kind == 2:
                    lines.append(f'          - "{w} {unique_word(k + 1, rng)}"')
                else:
                    lines += [f"          - near: [[{w}], [{unique_word(k + 2, rng)}]]",
                              "            within: 3"]
                k += 1
    with open(os.path.join(out_dir, "codebook.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(out_dir, "answers.csv"), "w", encoding="utf-8") as f:
        f.write("id,text\n")
        for i in range(answers):
            words = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
                     for _ in range(30)]
            f.write(f"{i + 1},{' '.join(words)}\n")


if __name__ == "__main__":
    main()
