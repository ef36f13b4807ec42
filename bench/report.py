#!/usr/bin/env python3
"""Turns bench/run.sh's results.tsv into the Markdown of bench/results/.

  report.py RESULTS.tsv RUNS THREADS LOAD_COMPILE_LINE
"""
import datetime
import os
import subprocess
import sys


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return cpu, nproc, mem_kb / 1024 / 1024, load


def main():
    path, runs, threads, load_compile = sys.argv[1:5]
    rows = []
    with open(path) as f:
        for line in f:
            corpus, cb, what, mb, answers, wall, cpu, rss = line.rstrip("\n").split("\t")
            rows.append(dict(corpus=corpus, cb=cb, what=what, mb=float(mb), answers=int(answers),
                             wall=float(wall), cpu=float(cpu), rss=int(rss)))

    def find(corpus, cb, prefix):
        for r in rows:
            if r["corpus"] == corpus and r["cb"] == cb and r["what"].startswith(prefix):
                return r
        return None

    cpu, nproc, mem, load = machine()
    out = []
    out.append(f"# Benchmark {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC\n")
    out.append(f"Machine: {nproc} cores, {cpu}, {mem:.0f} GiB; load average at the end "
               f"{load} (a shared machine: wall times include waiting for the CPU, so "
               "MB/s are given on CPU time (user+sys) too).\n")
    out.append(f"Medians of {runs} runs. MB/s = input file bytes / time; the Python baseline "
               "runs on a 1 MB slice of the same corpus: MB/s is what is compared.\n")
    out.append("| corpus | codebook | what | MB | answers | wall s | MB/s (wall) | MB/s (CPU) "
               "| answers/s (CPU) | peak RSS MB |")
    out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        cpu_s = max(r["cpu"], 0.005)
        out.append(f"| {r['corpus']} | {r['cb']} | {r['what']} | {r['mb']:.1f} | {r['answers']} | "
                   f"{r['wall']:.2f} | {r['mb'] / max(r['wall'], 0.005):.1f} | {r['mb'] / cpu_s:.1f} | "
                   f"{r['answers'] / cpu_s:,.0f} | {r['rss'] / 1024:.0f} |")
    speed = lambda r: r["mb"] / max(r["cpu"], 0.005)
    wall_speed = lambda r: r["mb"] / max(r["wall"], 0.005)
    out.append("\n## Ratios (CPU time, one thread)\n")
    out.append("| corpus | codebook | verbatim MB/s | x Python `re` | / rg -c -f | / cat |")
    out.append("|---|---|---:|---:|---:|---:|")
    for corpus in ("real", "dense"):
        floor = find(corpus, "-", "cat")
        for cb in ("cb60", "cb370", "cb1000"):
            v, py, rg = (find(corpus, cb, "verbatim code, 1 "), find(corpus, cb, "python"),
                         find(corpus, cb, "rg"))
            if not (v and py and rg and floor):
                continue
            out.append(f"| {corpus} | {cb} | {speed(v):.1f} | {speed(v) / speed(py):.0f}x | "
                       f"{speed(v) / speed(rg):.2f} | {speed(v) / speed(floor):.3f} |")

    out.append("\n## Targets of issue 7\n")
    out.append("| target | measured | met |")
    out.append("|---|---|---|")
    def target(name, value, goal, text):
        out.append(f"| {name} | {text} | {'yes' if value >= goal else 'NO'} |")
    for corpus, cb, goal in (("real", "cb60", 100), ("real", "cb1000", 25),
                             ("dense", "cb60", 60), ("dense", "cb1000", 10)):
        v = find(corpus, cb, "verbatim code, 1 ")
        if v:
            target(f"{corpus}, {cb}, 1 thread >= {goal} MB/s", speed(v), goal,
                   f"{speed(v):.1f} MB/s CPU, {wall_speed(v):.1f} MB/s wall")
    for cb in ("cb60", "cb370", "cb1000"):
        v, py = find("real", cb, "verbatim code, 1 "), find("real", cb, "python")
        if v and py:
            target(f"real, {cb}: >= 60x Python re", speed(v) / speed(py), 60,
                   f"{speed(v) / speed(py):.0f}x")
    for corpus in ("real", "dense"):
        for cb in ("cb60", "cb370", "cb1000"):
            one, many = find(corpus, cb, "verbatim code, 1 "), find(corpus, cb, f"verbatim code, {threads} ")
            if one and many and threads != "1":
                ratio = one["wall"] / max(many["wall"], 0.005)
                target(f"{corpus}, {cb}: {threads} threads >= 1.6x one (wall)", ratio, 1.6,
                       f"{ratio:.2f}x")
    # Every run of verbatim on a corpus of the main table: real and dense.
    coded = [r for r in rows if r["what"].startswith("verbatim") and r["corpus"] in ("real", "dense")]
    if coded:
        top = max(coded, key=lambda r: r["rss"])
        target(f"peak RSS < 100 MB on the {top['mb']:.0f} MB inputs", 100 - top["rss"] / 1024, 0,
               f"{top['rss'] / 1024:.0f} MB at most ({top['corpus']}, {top['cb']}, "
               f"{top['what'].split(', ')[1]})")
    scale = sorted((r for r in rows if r["corpus"] == "scale"), key=lambda r: r["mb"])
    if len(scale) >= 2:
        # Linear: the largest input is coded at least 90% as fast (MB/s) as
        # the one before it, in memory that does not grow with it. (The
        # smallest runs also pay start-up: loading the codebook, building
        # the normalizer's tables.)
        speeds = [speed(r) for r in scale]
        linear = speeds[-1] >= 0.9 * speeds[-2] and scale[-1]["rss"] <= 1.5 * scale[-2]["rss"]
        target("linear growth (largest input >= 90% of the MB/s of the one before, flat RSS)",
               1 if linear else 0, 1,
               ", ".join(f"{r['mb']:.0f} MB: {speed(r):.1f} MB/s, {r['rss'] / 1024:.0f} MB RSS"
                         for r in scale))
    import re
    found = re.search(r"median ([0-9.]+) ms", load_compile)
    if found:
        ms = float(found.group(1))
        target("load + compile of 1,000 patterns < 50 ms", 50 - ms, 0.001, f"{ms:.1f} ms")
    out.append(f"\n{load_compile.strip()}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
