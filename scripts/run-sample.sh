#!/usr/bin/env bash
# The main job: install what is missing, build, code the shipped sample with
# the shipped codebook, print the counts. Outputs go to out/sample/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# Warnings stay warnings here: GCC 12 at -O3 reports false -Wrestrict in
# std::string (CI builds with -Werror at -O2, scripts/test.sh).
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DVERBATIM_BUILD_TESTS=OFF -DVERBATIM_WERROR=OFF > /dev/null
cmake --build build -j"$(nproc)" --target verbatim
./build/verbatim code samples/optam_changes.csv \
  --codebook codebooks/optam_changes.yaml --out out/sample
