#!/usr/bin/env bash
# The benchmark of issue 7, in one command (see bench/README.md):
#   bench/run.sh            # 100 MB real corpus, 100 MB dense, 3 runs each
#   BENCH_MB=10 BENCH_RUNS=5 bench/run.sh
# Builds Release, prepares corpora and codebooks under bench/work/ (not in
# git), times in the same run verbatim, a Python `re` baseline, ripgrep and
# cat/wc, and writes bench/results/<date>.md. Needs: python3, ripgrep,
# /usr/bin/time (scripts/install-deps.sh --bench).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/bench/work"
build="$root/build-rel"
runs="${BENCH_RUNS:-3}"
real_mb="${BENCH_MB:-100}"
dense_mb="${BENCH_DENSE_MB:-100}"
py_mb="${BENCH_PY_MB:-1}"        # Python baseline slice (MB/s is what is compared)
py_mb_large="${BENCH_PY_MB_LARGE:-1}"  # ... at 1,000 patterns, where it is slowest
threads="${BENCH_THREADS:-$(nproc)}"
# shellcheck source=bench/source.sh
source "$root/bench/source.sh"
mkdir -p "$work" "$root/bench/results"

for tool in python3 rg /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool: scripts/install-deps.sh --bench" >&2; exit 1; }
done

echo "== build (Release)" >&2
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DVERBATIM_BUILD_TESTS=OFF \
  -DVERBATIM_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j2 --target verbatim coder_bench >/dev/null
verbatim="$build/verbatim"

echo "== corpora and codebooks in $work" >&2
prep() { python3 "$root/bench/prepare.py" "$@" >&2; }
"$verbatim" check "$root/codebooks/optam_changes.yaml" --dump-regexes > "$work/cb370.jsonl"
cp "$root/codebooks/optam_changes.yaml" "$work/cb370.yaml"
[[ -s "$work/real.csv" && $(stat -c %s "$work/real.csv") -ge $((real_mb * 990000)) ]] ||
  { need_source && prep corpus-real "$source_gz" "$work/real.csv" "$real_mb"; }
[[ -s "$work/dense.csv" && $(stat -c %s "$work/dense.csv") -ge $((dense_mb * 990000)) ]] ||
  prep corpus-dense "$work/cb370.jsonl" "$work/dense.csv" "$dense_mb"
[[ -s "$work/cb60.yaml" ]] || prep codebook-subset "$work/cb370.jsonl" "$work/cb60.yaml" 60
[[ -s "$work/cb1000.yaml" ]] || prep codebook-large "$work/real.csv" "$work/cb1000.yaml" 1000
for corpus in real dense; do
  for mb in "$py_mb" "$py_mb_large"; do
    [[ -s "$work/$corpus-$mb.csv" ]] || prep slice "$work/$corpus.csv" "$work/$corpus-$mb.csv" "$mb"
  done
done
for cb in cb60 cb1000; do
  "$verbatim" check "$work/$cb.yaml" --dump-regexes > "$work/$cb.jsonl"
done
# ripgrep gets each term, phrase and near item as words (a stem as word\w*,
# words joined by \W+) and each user regex as it is: the generated RE2
# sources, with their explicit Unicode classes and function-word gaps, send
# its regex engine to slow paths and it would be no floor; for the same
# reason it runs with --no-unicode (ASCII \w, \b and case folding; a
# non-ASCII letter is matched as its UTF-8 bytes): an approximate floor.
for cb in cb60 cb370 cb1000; do
  python3 "$root/bench/prepare.py" rg-patterns "$work/$cb.jsonl" > "$work/$cb.rg"
done

# run_once NAME CMD...: runs CMD once; appends its wall and CPU seconds
# (user+sys) and peak RSS (KB) to the arrays walls, cpus and rsss.
run_once() {
  local name="$1"; shift
  # Each run starts from an empty output folder (code reads an existing
  # review file to protect its decisions: that is not the job measured).
  [[ -n "${CLEAN:-}" ]] && rm -rf "$CLEAN"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
    echo "$name failed:" >&2; cat "$work/stderr.txt" >&2; return 1; }
  local wall user sys rss
  read -r wall user sys rss < <(tail -1 "$work/time.txt")
  walls+=("$wall"); cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')"); rsss+=("$rss")
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# time_runs NAME CMD...: runs CMD $runs times; prints "wall cpu rss" medians
# (seconds, seconds of user+sys, KB of peak RSS).
time_runs() {
  local walls=() cpus=() rsss=()
  for ((i = 0; i < runs; i++)); do run_once "$@" || return 1; done
  echo "$(median "${walls[@]}") $(median "${cpus[@]}") $(median "${rsss[@]}")"
}

size_of() { stat -c %s "$1"; }
rows_of() { python3 -c 'import csv,sys; csv.field_size_limit(1<<30); print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))-1)' "$1"; }


results="$work/results.tsv"
: > "$results"
record() {  # corpus codebook what input_file wall cpu rss
  local mb answers
  mb=$(awk -v b="$(size_of "$4")" 'BEGIN {print b / 1e6}')
  answers=$(rows_of "$4")
  printf '%s\t%s\t%s\t%.1f\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$mb" "$answers" "$5" "$6" "$7" >> "$results"
  printf '%-6s %-7s %-26s %7.1f MB  wall %6.2f s  cpu %6.2f s  rss %6d KB\n' "$1" "$2" "$3" "$mb" "$5" "$6" "$7" >&2
}

echo "== timings, median of $runs runs each" >&2
for corpus in real dense; do
  input="$work/$corpus.csv"
  read -r w c r < <(time_runs cat cat "$input"); record "$corpus" - "cat (I/O floor)" "$input" "$w" "$c" "$r"
  read -r w c r < <(time_runs wc wc -l "$input"); record "$corpus" - "wc -l (I/O floor)" "$input" "$w" "$c" "$r"
  for cb in cb60 cb370 cb1000; do
    # One thread and every core take turns, run after run, so that a slow
    # spell of the shared machine falls on both sides of the ratio.
    out_dir="$work/out-$corpus-$cb"
    thread_counts=(1)
    [[ "$threads" != 1 ]] && thread_counts+=("$threads")
    declare -A t_walls=() t_cpus=() t_rsss=()
    for ((i = 0; i < runs; i++)); do
      for t in "${thread_counts[@]}"; do
        walls=() cpus=() rsss=()
        CLEAN="$out_dir" run_once verbatim "$verbatim" code "$input" \
          -c "$work/$cb.yaml" --column text -o "$out_dir" -q --threads "$t"
        t_walls[$t]+="${walls[0]} "; t_cpus[$t]+="${cpus[0]} "; t_rsss[$t]+="${rsss[0]} "
      done
    done
    for t in "${thread_counts[@]}"; do
      # shellcheck disable=SC2086  # the lists are space-separated numbers
      record "$corpus" "$cb" "verbatim code, $t thread(s)" "$input" \
        "$(median ${t_walls[$t]})" "$(median ${t_cpus[$t]})" "$(median ${t_rsss[$t]})"
    done
    unset t_walls t_cpus t_rsss
    read -r w c r < <(time_runs rg rg --no-unicode -i -c --regex-size-limit 2G \
      --dfa-size-limit 2G -f "$work/$cb.rg" "$input")
    record "$corpus" "$cb" "rg -c -f (any pattern)" "$input" "$w" "$c" "$r"
    slice="$work/$corpus-$([[ $cb == cb1000 ]] && echo "$py_mb_large" || echo "$py_mb").csv"
    read -r w c r < <(time_runs python python3 "$root/bench/baseline.py" "$work/$cb.jsonl" "$slice")
    record "$corpus" "$cb" "python re baseline" "$slice" "$w" "$c" "$r"
  done
done

echo "== growth with the input's size (cb60, 1 thread)" >&2
for mb in ${BENCH_SCALE_MB:-10 100 1000}; do
  scaled="$work/real.csv"
  if [[ "$mb" != "$real_mb" ]]; then
    scaled="$work/real-x$mb.csv"
    [[ -s "$scaled" ]] || { need_source && prep corpus-real "$source_gz" "$scaled" "$mb"; }
  fi
  read -r w c r < <(CLEAN="$work/out-scale" time_runs verbatim "$verbatim" code "$scaled" \
    -c "$work/cb60.yaml" --column text -o "$work/out-scale" -q --threads 1)
  record "scale" "cb60" "verbatim code, 1 thread" "$scaled" "$w" "$c" "$r"
done
rm -rf "$work/out-scale"

# Load + compile of the 1,000-pattern codebook: median of 7 processes.
load_ms=()
for ((i = 0; i < 7; i++)); do
  load_ms+=("$("$build/coder_bench" "$work/cb1000.yaml" "$work/real-$py_mb_large.csv" --column text \
    --passes 1 | head -1 | sed -E 's/.*load\+compile ([0-9.]+) ms.*/\1/')")
done
load_compile="1,000 patterns: load + compile median $(printf '%s\n' "${load_ms[@]}" | sort -g |
  awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms over 7 processes (each: ${load_ms[*]} ms)"

date_tag="$(date -u +%Y-%m-%d)"
out="$root/bench/results/$date_tag.md"
# A second run on the same day gets a file of its own: results are a record.
n=2
while [[ -e "$out" ]]; do out="$root/bench/results/$date_tag-$n.md"; n=$((n + 1)); done
python3 "$root/bench/report.py" "$results" "$runs" "$threads" "$load_compile" > "$out"
cat "$out"
echo "wrote $out" >&2
