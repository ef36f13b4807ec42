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
measure doctors_test "$q/doctors/test.csv" "$q/doctors/test.gold.csv"
measure real_test "$q/real/test.csv" "$q/real/test.gold.csv"
measure doctors_dev "$q/doctors/dev.csv" "$q/doctors/dev.gold.csv"
measure real_dev "$q/real/dev.csv" "$q/real/dev.gold.csv"
measure doctors_dev2 "$q/doctors/dev2.csv" "$q/doctors/dev2.gold.csv"
measure real_dev2 "$q/real/dev2.csv" "$q/real/dev2.gold.csv"
measure doctors_dev3 "$q/doctors/dev3.csv" "$q/doctors/dev3.gold.csv"
measure real_dev3 "$q/real/dev3.csv" "$q/real/dev3.gold.csv"
measure doctors_dev4 "$q/doctors/dev4.csv" "$q/doctors/dev4.gold.csv"
measure real_dev4 "$q/real/dev4.csv" "$q/real/dev4.gold.csv"
measure doctors_dev5 "$q/doctors/dev5.csv" "$q/doctors/dev5.gold.csv"
measure real_dev5 "$q/real/dev5.csv" "$q/real/dev5.gold.csv"
measure doctors_dev6 "$q/doctors/dev6.csv" "$q/doctors/dev6.gold.csv"
measure real_dev6 "$q/real/dev6.csv" "$q/real/dev6.gold.csv"
measure doctors_dev7 "$q/doctors/dev7.csv" "$q/doctors/dev7.gold.csv"
measure real_dev7 "$q/real/dev7.csv" "$q/real/dev7.gold.csv"
measure doctors_dev8 "$q/doctors/dev8.csv" "$q/doctors/dev8.gold.csv"
measure real_dev8 "$q/real/dev8.csv" "$q/real/dev8.gold.csv"
measure doctors_dev9 "$q/doctors/dev9.csv" "$q/doctors/dev9.gold.csv"
measure real_dev9 "$q/real/dev9.csv" "$q/real/dev9.gold.csv"
measure doctors_dev10 "$q/doctors/dev10.csv" "$q/doctors/dev10.gold.csv"
measure real_dev10 "$q/real/dev10.csv" "$q/real/dev10.gold.csv"
measure doctors_dev11 "$q/doctors/dev11.csv" "$q/doctors/dev11.gold.csv"
measure real_dev11 "$q/real/dev11.csv" "$q/real/dev11.gold.csv"
if [ -d "$shared/devsets/doctors_160" ]; then
  measure doctors_160 "$shared/devsets/doctors_160/answers.csv" "$shared/devsets/doctors_160/gold.csv"
fi
echo "== sample"
"$bin" code samples/optam_changes.csv --codebook codebooks/optam_changes.yaml --out "$out/sample" -q > /dev/null 2>&1 || true
"$bin" agree --gold samples/optam_changes.gold.csv --coded "$out/sample/coded.csv" |
  grep -E '^(revalorisation|liberte_tarifaire|gouvernance|mutuelles) |^(all|counted only|after review) +(subthemes|themes) +micro|Review burden|Errors caught'
