#!/usr/bin/env bash
# The whole test suite: install what is missing, build with warnings as
# errors, run every test (unit, end-to-end, the shipped codebook's examples),
# then again under AddressSanitizer and UndefinedBehaviorSanitizer, then a
# short run of every fuzz target when clang's libFuzzer is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
jobs=$(nproc)
# Each phase prints its start time and the seconds since the script began,
# so that a CI log shows where the time goes.
phase() { echo "== $1 ($(date -u +%H:%M:%S), ${SECONDS} s in)"; }
# Line tables only (-g1): sanitizer reports and gdb backtraces keep their
# file:line, and the two builds compile and link much less debug info.
debug_info=(-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_CXX_FLAGS_DEBUG="-g1")

phase "build (warnings are errors)"
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVERBATIM_WERROR=ON "${debug_info[@]}" > /dev/null
cmake --build build-test -j"$jobs"
phase "tests"
ctest --test-dir build-test --output-on-failure -j"$jobs"

# The sanitizer build: with clang when its libFuzzer is installed (clang and
# libclang-rt-14-dev come with install-deps.sh --test), so that the same tree
# also holds the fuzz targets (one sanitizer build instead of two; clang also
# compiles it faster than GCC); with GCC otherwise.
if command -v clang++ > /dev/null &&
    [[ -f "$(clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a)" ]]; then
  sanitizer_build=build-asan-clang
  compiler=clang++
  fuzz=(-DVERBATIM_FUZZ=ON)
else
  sanitizer_build=build-asan
  compiler=g++
  fuzz=()
fi
phase "build with AddressSanitizer + UndefinedBehaviorSanitizer ($compiler)"
# -O1, as AddressSanitizer's documentation advises: it keeps every check and
# stack traces usable, and runs the suite about twice as fast as -O0.
CXX=$compiler cmake -S . -B "$sanitizer_build" -DCMAKE_BUILD_TYPE=Debug -DVERBATIM_WERROR=ON \
  -DVERBATIM_SANITIZE=ON "${fuzz[@]}" "${debug_info[@]}" -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" > /dev/null
cmake --build "$sanitizer_build" -j"$jobs"
phase "tests under sanitizers"
# A 64 MB quarantine instead of 256: freed memory is still held back long
# enough to catch a use after free in these short runs, and each of the
# thousand runs of the binary maps far fewer fresh pages (about a third
# less time per run).
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:quarantine_size_mb=64 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$sanitizer_build" --output-on-failure -j"$jobs" -E "LibreOffice|ReportBrowser"

if [[ ${#fuzz[@]} -gt 0 ]]; then
  # 20 s per target: a smoke test that every target builds and runs; the
  # long runs are for scripts/fuzz-smoke.sh by hand (docs in README).
  phase "fuzz smoke test (20 s per target)"
  scripts/fuzz-smoke.sh 20 "$sanitizer_build"
else
  echo "== fuzz smoke test skipped: clang++ with libFuzzer (libclang-rt-14-dev) not found"
fi
phase "done"
