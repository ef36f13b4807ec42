#!/usr/bin/env bash
# A short libFuzzer run of every target of tests/fuzz/ (CI runs it from
# scripts/test.sh, in its clang sanitizer build): builds them with clang
# (-DVERBATIM_FUZZ=ON, in BUILD_DIR) and runs each for SECONDS (default 30)
# from its committed seeds plus the corpus kept in BUILD_DIR/corpus/<target>/.
# A finding fails the script; the input is then in BUILD_DIR/artifacts/<target>/:
# fix the bug and keep the input in tests/fuzz/<target>/crashes/ (the normal
# build replays it in fuzz_replay_test).
# Usage: scripts/fuzz-smoke.sh [SECONDS [BUILD_DIR]]
#   BUILD_DIR: a tree already configured with -DVERBATIM_FUZZ=ON (CI's
#   sanitizer build, scripts/test.sh); by default build-fuzz/, configured here.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
build=${2:-build-fuzz}
targets=(csv_input line_input codebook code_answer xlsx_reader decisions_file qdpx_reader)

if [[ $# -lt 2 ]]; then
  CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVERBATIM_FUZZ=ON \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
    -DVERBATIM_BUILD_TESTS=OFF > /dev/null
elif ! grep -q '^VERBATIM_FUZZ:BOOL=ON' "$build/CMakeCache.txt" 2> /dev/null; then
  echo "$build was not configured with -DVERBATIM_FUZZ=ON" >&2
  exit 2
fi
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

for target in "${targets[@]}"; do
  corpus=$build/corpus/$target
  artifacts=$build/artifacts/$target/
  log=$build/fuzz-$target.log
  mkdir -p "$corpus" "$artifacts"
  echo "== fuzz $target (${seconds} s)"
  if ! "$build"/fuzz/fuzz_"$target" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
      -rss_limit_mb=2560 -print_final_stats=1 -artifact_prefix="$artifacts" \
      "$corpus" tests/fuzz/"$target"/seeds > "$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz_$target found a problem; the input is in $artifacts (full log: $log)" >&2
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$log"
done
