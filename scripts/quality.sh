#!/usr/bin/env bash
# How good is the shipped codebook? Codes each quality set with the shipped
# codebook and prints `verbatim agree`'s summary lines for it (README, "How
# good is it?"). Usage: scripts/quality.sh [BINARY] (default build/verbatim).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/verbatim}
shared=../shared
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
measure() {  # name answers gold
  "$bin" code "$2" --codebook codebooks/optam_changes.yaml --out "$out/$1" -q --id-column id \
    --column text > /dev/null 2>&1 || [ -s "$out/$1/coded.csv" ]
  echo "== $1"
  "$bin" agree --gold "$3" --coded "$out/$1/coded.csv" |
    grep -E '^(revalorisation|liberte_tarifaire|gouvernance|mutuelles) |^(all|counted only|after review) +(subthemes|themes) +micro|Review burden|Errors caught'
}
q=tests/data/quality
# The frozen test splits first, then the development batches in the order
# they were made (dev, dev2, dev3, …: every doctors/dev*.gold.csv, by number).
dev_splits=$(ls "$q"/doctors/dev*.gold.csv | sed 's|.*/\(dev[0-9]*\)\.gold\.csv$|\1|' | sort -V)
for split in test $dev_splits; do
  for kind in doctors real; do
    measure "${kind}_$split" "$q/$kind/$split.csv" "$q/$kind/$split.gold.csv"
  done
done
if [ -d "$shared/devsets/doctors_160" ]; then
  measure doctors_160 "$shared/devsets/doctors_160/answers.csv" "$shared/devsets/doctors_160/gold.csv"
fi
echo "== sample"
"$bin" code samples/optam_changes.csv --codebook codebooks/optam_changes.yaml --out "$out/sample" -q > /dev/null 2>&1 || true
"$bin" agree --gold samples/optam_changes.gold.csv --coded "$out/sample/coded.csv" |
  grep -E '^(revalorisation|liberte_tarifaire|gouvernance|mutuelles) |^(all|counted only|after review) +(subthemes|themes) +micro|Review burden|Errors caught'
