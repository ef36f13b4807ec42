#!/usr/bin/env bash
# Two builds of verbatim on the same codebooks and corpora, in one run:
#   bench/compare_binaries.sh OLD_VERBATIM NEW_VERBATIM CODEBOOK...
# For each codebook and corpus (bench/work/real20.csv, dense20.csv: see
# bench/typo_cost.sh; BENCH_CORPORA names others of bench/work, such as
# "real100 dense100" for times long enough that /usr/bin/time's 10 ms
# steps weigh under 1 %), `verbatim code` at 1 thread (CPU time, user + sys)
# and at 2 threads (wall time), the two binaries taking turns, median of
# BENCH_RUNS (5). Prints a Markdown table on stdout.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/bench/work"
runs="${BENCH_RUNS:-5}"
read -r -a corpora <<< "${BENCH_CORPORA:-real20 dense20}"
old=$1 new=$2
shift 2
files=("$old" "$new" "$@")
for corpus in "${corpora[@]}"; do files+=("$work/$corpus.csv"); done
for f in "${files[@]}"; do
  [[ -e "$f" ]] || { echo "missing $f (see the header of $0)" >&2; exit 1; }
done

timed() {  # binary codebook corpus threads -> "cpu wall" seconds
  local out; out=$(mktemp -d)
  /usr/bin/time -f '%U %S %e' -o "$out/t" "$1" code "$3" --codebook "$2" --column text \
    --out "$out/o" -q --threads "$4" > /dev/null 2>&1 || true
  awk '{print $1 + $2, $3}' "$out/t"; rm -rf "$out"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "| codebook | corpus | 1 thread, CPU: old | new | change | 2 threads, wall: old | new | change |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for codebook in "$@"; do
  for corpus in "${corpora[@]}"; do
    oc=() nc=() ow=() nw=()
    for ((i = 0; i < runs; i++)); do
      read -r c _ < <(timed "$old" "$codebook" "$work/$corpus.csv" 1); oc+=("$c")
      read -r c _ < <(timed "$new" "$codebook" "$work/$corpus.csv" 1); nc+=("$c")
      read -r _ w < <(timed "$old" "$codebook" "$work/$corpus.csv" 2); ow+=("$w")
      read -r _ w < <(timed "$new" "$codebook" "$work/$corpus.csv" 2); nw+=("$w")
    done
    moc=$(printf '%s\n' "${oc[@]}" | median); mnc=$(printf '%s\n' "${nc[@]}" | median)
    mow=$(printf '%s\n' "${ow[@]}" | median); mnw=$(printf '%s\n' "${nw[@]}" | median)
    awk -v cb="$(basename "$codebook")" -v co="$corpus" -v a="$moc" -v b="$mnc" -v c="$mow" -v d="$mnw" 'BEGIN {
      printf "| %s | %s | %.2f s | %.2f s | %+.1f %% | %.2f s | %.2f s | %+.1f %% |\n", cb, co, a, b, (b/a-1)*100, c, d, (d/c-1)*100 }'
  done
done
