#!/usr/bin/env bash
# The main job: install what is missing, build, code the shipped sample with
# the shipped codebook, print the counts. Outputs go to out/sample/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DVERBATIM_BUILD_TESTS=OFF > /dev/null
cmake --build build -j"$(nproc)" --target verbatim
./build/verbatim code samples/optam_changes.csv \
  --codebook codebooks/optam_changes.yaml --out out/sample
