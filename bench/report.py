#!/usr/bin/env python3
"""Turns bench/run.sh's results.tsv into the Markdown of bench/results/.

  report.py RESULTS.tsv RUNS THREADS POOL_OUTPUT LOAD_COMPILE_LINE
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
    path, runs, threads, pool, load_compile = sys.argv[1:6]
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
               "runs on a slice (5 MB, 2 MB at 1,000 patterns): MB/s is what is compared.\n")
    out.append("| corpus | codebook | what | MB | answers | wall s | MB/s (wall) | MB/s (CPU) "
               "| answers/s (CPU) | peak RSS MB |")
    out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        cpu_s = max(r["cpu"], 0.005)
        out.append(f"| {r['corpus']} | {r['cb']} | {r['what']} | {r['mb']:.1f} | {r['answers']} | "
                   f"{r['wall']:.2f} | {r['mb'] / max(r['wall'], 0.005):.1f} | {r['mb'] / cpu_s:.1f} | "
                   f"{r['answers'] / cpu_s:,.0f} | {r['rss'] / 1024:.0f} |")
    out.append("\n## Ratios (CPU time)\n")
    out.append("| corpus | codebook | verbatim MB/s | x Python `re` | / rg -c -f | / cat |")
    out.append("|---|---|---:|---:|---:|---:|")
    for corpus in ("real", "dense"):
        floor = find(corpus, "-", "cat")
        for cb in ("cb60", "cb370", "cb1000"):
            v, py, rg = find(corpus, cb, "verbatim"), find(corpus, cb, "python"), find(corpus, cb, "rg")
            if not v:
                continue
            speed = lambda r: r["mb"] / max(r["cpu"], 0.005)
            out.append(f"| {corpus} | {cb} | {speed(v):.1f} | {speed(v) / speed(py):.0f}x | "
                       f"{speed(v) / speed(rg):.2f} | {speed(v) / speed(floor):.3f} |")
    out.append(f"\n## Threads (in process, `coder_bench --threads {threads}`, wall time)\n")
    out.append("```\n" + pool.strip() + "\n```\n")
    out.append("## Load + compile, 1,000 patterns\n")
    out.append("```\n" + load_compile.strip() + "\n```")
    print("\n".join(out))


if __name__ == "__main__":
    main()
