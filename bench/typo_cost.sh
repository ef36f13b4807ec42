#!/usr/bin/env bash
# What typo tolerance and aliases cost (issue 16), measured in one run:
#   bench/typo_cost.sh [OLD_VERBATIM]
# - the shipped codebook with its typo tolerance on, against the same
#   codebook with `typos: false`, on the same binary;
# - with OLD_VERBATIM (a Release build of an earlier commit), that binary
#   against this one on a codebook without typos or aliases (bench/work/cb60.yaml),
#   which is what the engine change costs codebooks that use neither.
# Corpora: bench/work/real20.csv and dense20.csv (bench/prepare.py
# corpus-real / corpus-dense, 20 MB). 1 thread, CPU time (user + sys),
# the runs of the compared sides alternate, median of BENCH_RUNS (5).
# Prints a Markdown table on stdout.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/bench/work"
runs="${BENCH_RUNS:-5}"
new="$root/build-rel/verbatim"
old="${1:-}"
for f in "$new" "$work/real20.csv" "$work/dense20.csv"; do
  [[ -e "$f" ]] || { echo "missing $f (see the header of $0)" >&2; exit 1; }
done
sed 's/^  enabled: true$/  enabled: false/' "$root/codebooks/optam_changes.yaml" > "$work/shipped-notypos.yaml"
grep -q '^  enabled: false$' "$work/shipped-notypos.yaml" || { echo "cannot turn typos off" >&2; exit 1; }
cp "$root/codebooks/optam_changes.yaml" "$work/shipped.yaml"

cpu() {  # binary codebook corpus -> CPU seconds
  local out; out=$(mktemp -d)
  /usr/bin/time -f '%U %S' -o "$out/t" "$1" code "$3" --codebook "$2" --column text \
    --out "$out/o" -q --threads 1 > /dev/null 2>&1 || true
  awk '{print $1 + $2}' "$out/t"; rm -rf "$out"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
compare() {  # label binaryA cbA binaryB cbB corpus
  local a=() b=()
  for ((i = 0; i < runs; i++)); do
    a+=("$(cpu "$2" "$3" "$6")"); b+=("$(cpu "$4" "$5" "$6")")
  done
  local ma mb mbytes
  ma=$(printf '%s\n' "${a[@]}" | median); mb=$(printf '%s\n' "${b[@]}" | median)
  mbytes=$(stat -c %s "$6")
  awk -v l="$1" -v a="$ma" -v b="$mb" -v s="$mbytes" 'BEGIN {
    printf "| %s | %.2f s (%.1f MB/s) | %.2f s (%.1f MB/s) | %+.1f %% |\n", l, a, s/1e6/a, b, s/1e6/b, (b/a-1)*100 }'
}
echo "| compared (1 thread, CPU time, median of $runs) | before | after | cost |"
echo "|---|---:|---:|---:|"
for corpus in real20 dense20; do
  compare "shipped codebook, typos off -> on, $corpus" "$new" "$work/shipped-notypos.yaml" \
    "$new" "$work/shipped.yaml" "$work/$corpus.csv"
done
if [[ -n "$old" ]]; then
  for corpus in real20 dense20; do
    compare "cb60 (no typos, no aliases), old -> new binary, $corpus" "$old" "$work/cb60.yaml" \
      "$new" "$work/cb60.yaml" "$work/$corpus.csv"
  done
fi
