#!/usr/bin/env bash
# The row of issue 22 for what users run: the shipped codebook on the
# 148k-answer Grand Débat sample as it is stored (.csv.gz), default threads,
# against the Python `re` baseline doing the same job with the same
# codebook's regexes, in the same run:
#   bench/stored_sample.sh [VERBATIM]        # default build-rel/verbatim
#   BENCH_RUNS=7 BENCH_PY_MB=2 bench/stored_sample.sh
# verbatim codes the whole file, writing all its outputs. The baseline
# (bench/baseline.py) would take many minutes over the whole file, so it runs
# on the first BENCH_PY_MB (1) MB of the same answers, decompressed. It
# reports the seconds it spent compiling the codebook's regexes (most of a
# run on a slice) and coding the answers; the ratio is judged on its coding
# rate alone, what it would approach on the whole file (the comparison least
# favourable to verbatim, whose time includes its start-up). MB/s are on the
# decompressed CSV's bytes for both. The two take turns, run after run, so
# that a slow spell of the shared machine falls on both sides of the ratio.
# Prints a Markdown report on stdout: medians of BENCH_RUNS (5) runs and each
# run's times.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/bench/work"
runs="${BENCH_RUNS:-5}"
py_mb="${BENCH_PY_MB:-1}"
verbatim="${1:-$root/build-rel/verbatim}"
codebook="$root/codebooks/optam_changes.yaml"
# shellcheck source=bench/source.sh
source "$root/bench/source.sh"
need_source
for tool in python3 /usr/bin/time "$verbatim"; do
  command -v "$tool" >/dev/null || { echo "missing $tool (scripts/install-deps.sh --bench; a Release build in build-rel/)" >&2; exit 1; }
done
mkdir -p "$work"

dump="$work/stored-shipped.jsonl"
slice="$work/stored-$py_mb.csv"
"$verbatim" check "$codebook" --dump-regexes > "$dump"
python3 "$root/bench/prepare.py" slice "$source_gz" "$slice" "$py_mb" >&2

# The decompressed size and the answers, counted once.
read -r plain_bytes answers < <(python3 - "$source_gz" <<'EOF'
import csv, gzip, io, sys
csv.field_size_limit(1 << 30)
with gzip.open(sys.argv[1], "rb") as f:
    data = f.read()
rows = sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8"), newline=""))) - 1
print(len(data), rows)
EOF
)
stored_bytes=$(stat -c %s "$source_gz")
slice_bytes=$(stat -c %s "$slice")

time_once() {  # CMD... -> "wall cpu" (cpu = user + sys); CMD's stderr in $work/stderr.txt
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" > /dev/null 2> "$work/stderr.txt" || {
    echo "failed: $*" >&2; cat "$work/stderr.txt" >&2; exit 1; }
  awk '{print $1, $2 + $3}' "$work/time.txt"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

out="$work/stored-out"
v_walls=() v_cpus=() p_walls=() p_cpus=() p_codings=() p_compiles=()
for ((i = 0; i < runs; i++)); do
  rm -rf "$out"  # code keeps an existing review file's decisions: not the job timed
  read -r w c < <(time_once "$verbatim" code "$source_gz" -c "$codebook" --column text -o "$out" -q)
  v_walls+=("$w"); v_cpus+=("$c")
  read -r w c < <(time_once python3 "$root/bench/baseline.py" "$dump" "$slice")
  p_walls+=("$w"); p_cpus+=("$c")
  read -r _ compile _ coding < <(grep '^compile_seconds' "$work/stderr.txt")
  p_compiles+=("$compile"); p_codings+=("$coding")
  echo "run $((i + 1))/$runs: verbatim ${v_walls[-1]} s, python ${p_walls[-1]} s (coding ${p_codings[-1]} s) wall" >&2
done
v_wall=$(median "${v_walls[@]}"); v_cpu=$(median "${v_cpus[@]}")
p_wall=$(median "${p_walls[@]}"); p_cpu=$(median "${p_cpus[@]}")
p_coding=$(median "${p_codings[@]}"); p_compile=$(median "${p_compiles[@]}")
patterns=$(grep -c '"role":"include"' "$dump" || true)

awk -v vw="$v_wall" -v vc="$v_cpu" -v pw="$p_wall" -v pc="$p_cpu" -v pcode="$p_coding" \
  -v pcomp="$p_compile" -v plain="$plain_bytes" -v stored="$stored_bytes" -v sl="$slice_bytes" \
  -v n="$answers" -v runs="$runs" -v threads="$(nproc)" -v patterns="$patterns" \
  -v vws="${v_walls[*]}" -v pws="${p_walls[*]}" -v pcs="${p_codings[*]}" '
BEGIN {
  v = plain / 1e6 / vw; p = sl / 1e6 / pw; rate = sl / 1e6 / pcode
  printf "Shipped codebook (%d include patterns) on %s answers as stored: %.1f MB gzip, %.1f MB of CSV.\n", patterns, n, stored / 1e6, plain / 1e6
  printf "Medians of %d runs; verbatim at its default threads (%d here); the baseline on the first %.2f MB.\n\n", runs, threads, sl / 1e6
  print "| what | wall | CPU (user + sys) | MB/s, wall | answers/s, wall | target |"
  print "|---|---:|---:|---:|---:|---|"
  printf "| verbatim code, whole file | %.2f s | %.2f s | %.1f | %.0f | >= 100 MB/s: %s |\n", vw, vc, v, n / vw, (v >= 100 ? "met" : sprintf("missed (%.0f %% of it)", v))
  printf "| python re baseline, %.2f MB slice (compiling %.2f s, coding %.2f s) | %.2f s | %.2f s | %.3f | | |\n", sl / 1e6, pcomp, pcode, pw, pc, p
  printf "| python, coding alone | | | %.3f | | |\n", rate
  printf "| verbatim / python coding alone (MB/s, wall) | | | %.0f x | | >= 100 x: %s |\n", v / rate, (v / rate >= 100 ? "met" : "missed")
  printf "| verbatim / python on the slice, compiling included | | | %.0f x | | |\n\n", v / p
  printf "Each run (s, wall): verbatim %s; python %s, of which coding %s.\n", vws, pws, pcs
}'
