#!/usr/bin/env python3
"""Prepares bench/work/: corpora and codebooks for bench/run.sh.

  prepare.py corpus-real SRC.csv.gz OUT.csv MB      real answers repeated to MB
  prepare.py slice IN.csv OUT.csv MB                the first MB of whole records
  prepare.py corpus-dense DUMP.jsonl OUT.csv MB     synthetic, match-dense
  prepare.py codebook-subset DUMP.jsonl OUT.yaml N  the first codes of the
                                                    shipped codebook, >= N patterns
  prepare.py codebook-large CORPUS.csv OUT.yaml N   N patterns generated from the
                                                    corpus's French vocabulary
  prepare.py rg-patterns DUMP.jsonl                 ripgrep patterns, to stdout

DUMP.jsonl is `verbatim check CODEBOOK --dump-regexes`. Codebooks are written
as JSON, which is YAML. Everything is deterministic (fixed seeds), so two runs
of the benchmark code the same bytes.
"""
import csv
import gzip
import io
import json
import random
import re
import sys
from collections import Counter

csv.field_size_limit(1 << 30)


def read_rows(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        return header, list(reader)


def write_rows(path, header, rows_iter, limit_bytes):
    """Writes CSV rows until limit_bytes; returns rows written."""
    written = 0
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        buffer = io.StringIO()
        bw = csv.writer(buffer, lineterminator="\r\n")
        bw.writerow(header)
        f.write(buffer.getvalue())
        written += len(buffer.getvalue().encode("utf-8"))
        for row in rows_iter:
            buffer.seek(0)
            buffer.truncate()
            bw.writerow(row)
            text = buffer.getvalue()
            size = len(text.encode("utf-8"))
            if written + size > limit_bytes:
                break
            f.write(text)
            written += size
            count += 1
    return count


def cycle(rows):
    while True:
        for row in rows:
            yield row


def corpus_real(src, out, mb):
    header, rows = read_rows(src)
    n = write_rows(out, header, cycle(rows), int(float(mb) * 1e6))
    print(f"{out}: {n} answers")


def slice_(src, out, mb):
    header, rows = read_rows(src)
    n = write_rows(out, header, iter(rows), int(float(mb) * 1e6))
    print(f"{out}: {n} answers")


def load_dump(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


STEM_ENDINGS = ["", "e", "es", "ation", "er", "ement", "s"]
FILLER = ("je pense que il faut vraiment pour les medecins et aussi le systeme "
          "nous avons besoin de plus enfin surtout tres clairement donc avec "
          "la situation actuelle").split()
CUES = ["pas de", "sans", "je ne veux pas de"]


def words_of(item, rng):
    out = []
    for w in item.split():
        if w.endswith("*"):
            w = w[:-1] + rng.choice(STEM_ENDINGS)
        out.append(w)
    return " ".join(out)


def corpus_dense(dump, out, mb):
    rng = random.Random(7)
    items = []
    for p in load_dump(dump):
        if p["kind"] in ("term", "phrase"):
            items.append([p["source"]])
        elif p["kind"] == "near":
            items.append([rng.choice(g) for g in p["groups"]])
    rows = []

    def gen():
        i = 0
        while True:
            i += 1
            parts = []
            for _ in range(rng.randint(2, 4)):
                if rng.random() < 0.1:
                    parts.append(rng.choice(CUES))
                for piece in rng.choice(items):
                    parts.append(words_of(piece, rng))
                    parts.append(" ".join(rng.choice(FILLER) for _ in range(rng.randint(0, 2))))
                parts.append(rng.choice([",", ".", "", ""]))
            text = " ".join(p for p in parts if p).replace(" ,", ",").replace(" .", ".")
            yield [str(i), text[0].upper() + text[1:]]

    n = write_rows(out, ["id", "text"], gen(), int(float(mb) * 1e6))
    print(f"{out}: {n} answers")


def pattern_yaml(p):
    weight = {} if p["weight"] == 1 else {"weight": p["weight"]}
    if p["kind"] == "term":
        return {"term": p["source"], **weight}
    if p["kind"] == "phrase":
        return {"phrase": p["source"], **weight}
    if p["kind"] == "regex":
        return {"regex": p["source"], **weight}
    return {"near": p["groups"], "within": p["within"], **weight}


def write_codebook(out, cid, codes):
    """codes: ordered {code id: {"patterns": [...], "exclude": [...]}}."""
    themes = []
    for code, body in codes.items():
        entry = {"id": code, "label": code}
        if body["patterns"]:
            entry["patterns"] = body["patterns"]
        if body["exclude"]:
            entry["exclude"] = body["exclude"]
        if "." not in code:
            entry["subthemes"] = []
            themes.append(entry)
        else:
            themes[-1]["subthemes"].append(entry)
    for t in themes:
        if not t["subthemes"]:
            del t["subthemes"]
    book = {
        "codebook": {"id": cid, "version": "1", "language": "fr", "question": "bench"},
        "themes": themes,
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(book, f, ensure_ascii=False, indent=1)


def codebook_subset(dump, out, n):
    codes = {}
    count = 0
    current_theme = None
    for p in load_dump(dump):
        code = p["code"]
        theme = code.split(".")[0]
        if code not in codes:
            if count >= int(n):
                break
            if "." in code and theme not in codes:
                codes[theme] = {"patterns": [], "exclude": []}
            codes[code] = {"patterns": [], "exclude": []}
            current_theme = theme
        codes[code]["patterns" if p["role"] == "include" else "exclude"].append(pattern_yaml(p))
        count += 1
    write_codebook(out, "bench_subset", codes)
    print(f"{out}: {count} patterns, {len(codes)} codes")


WORD = re.compile(r"[a-zàâäçéèêëîïôöùûüÿœæ]{4,}")
# Frequent French function words and fillers: never patterns on their own.
STOP = set("""avec dans pour sont elle elles nous vous leur leurs mais plus cette
ceux celle tout tous toute toutes fait faire etre avoir sans sous entre comme
aussi donc alors ainsi encore bien tres peut doit faut chaque autre autres meme
quand dont leurs etre était etait sera seront""".split())


def codebook_large(corpus, out, n):
    rng = random.Random(11)
    _, rows = read_rows(corpus)
    words = Counter()
    bigrams = Counter()
    for row in rows[:60000]:
        tokens = WORD.findall(row[-1].lower())
        words.update(t for t in tokens if t not in STOP)
        bigrams.update((a, b) for a, b in zip(tokens, tokens[1:])
                       if a not in STOP and b not in STOP)
    vocab = [w for w, _ in words.most_common(6000)[100:]]
    pairs = [f"{a} {b}" for (a, b), _ in bigrams.most_common(3000)[50:]]
    n = int(n)
    n_codes = max(10, n // 10)
    codes = {}
    for t in range(max(1, n_codes // 10)):
        codes[f"t{t}"] = {"patterns": [], "exclude": []}
        for s in range(9):
            codes[f"t{t}.s{s}"] = {"patterns": [], "exclude": []}
    ids = list(codes)
    for i in range(n):
        r = rng.random()
        if r < 0.40:
            p = {"term": rng.choice(vocab)}
        elif r < 0.60:
            w = rng.choice(vocab)
            p = {"term": w[: max(4, len(w) - rng.randint(1, 4))] + "*"}
        elif r < 0.85:
            p = {"phrase": rng.choice(pairs)}
        elif r < 0.95:
            p = {"near": [rng.sample(vocab, 3), rng.sample(vocab, 3)], "within": 6}
        else:
            a, b = rng.choice(vocab), rng.choice(vocab)
            p = {"regex": f"{a[:5]}\\w*\\s(des |les |de la )?{b[:5]}"}
        code = ids[i % len(ids)]
        codes[code]["exclude" if rng.random() < 0.05 else "patterns"].append(p)
    for code in ids:  # every code keeps at least one include pattern
        if not codes[code]["patterns"]:
            codes[code]["patterns"].append({"term": rng.choice(vocab)})
    write_codebook(out, "bench_large", codes)
    print(f"{out}: {n} patterns, {len(codes)} codes")


def rg_patterns(dump):
    """One ripgrep pattern per term, phrase, near item or regex (to match
    case-insensitively on the raw text: `rg -i`)."""
    seen = set()

    def words_regex(item):
        words = re.findall(r"[^\W_]+\*?", item)
        # Boundaries as classes, not \b: ripgrep's fast engines have no
        # Unicode word boundary.
        body = r"\W+".join(w[:-1] + r"\w*" if w.endswith("*") else w for w in words)
        tail = "" if words and words[-1].endswith("*") else r"(?:\W|$)"
        return r"(?:^|\W)" + body + tail

    for p in load_dump(dump):
        if p["kind"] == "regex":
            items = [p["source"].replace("\\b", "(?-u:\\b)")]
        elif p["kind"] == "near":
            items = [words_regex(i) for g in p["groups"] for i in g]
        else:
            items = [words_regex(p["source"])]
        for item in items:
            # ripgrep runs with --no-unicode (its fast engines lack Unicode
            # word boundaries): a non-ASCII character is its UTF-8 bytes.
            item = "".join(c if ord(c) < 0x80 else "(?:[\\x80-\\xFF]{%d})" % len(c.encode())
                           for c in item)
            if item and item not in seen:
                seen.add(item)
                print(item)


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    {
        "corpus-real": corpus_real,
        "slice": slice_,
        "corpus-dense": corpus_dense,
        "codebook-subset": codebook_subset,
        "codebook-large": codebook_large,
        "rg-patterns": rg_patterns,
    }[cmd](*args)


if __name__ == "__main__":
    main()
