#!/usr/bin/env bash
# Installs the Debian 12 packages verbatim needs, and nothing when they are
# all present. Usage: scripts/install-deps.sh [--test] [--bench]
#   --test  also the packages the test suite uses (python3 for the gold-tally
#           check; chromium for the report's and the review screen's browser
#           tests, nodejs to drive it; libreoffice-calc for
#           the review workbook's LibreOffice round trip: about 60 packages,
#           ~460 MB, ~2 minutes to install; clang and libFuzzer for the fuzz
#           smoke test).
#   --bench also what bench/run.sh uses besides the build.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libicu-dev        # normalization, case folding, character properties
  libre2-dev        # all pattern matching (RE2::Set)
  libyaml-cpp-dev   # codebook loading
  libcli11-dev      # command line
  libfmt-dev        # formatting, display-width padding
  libexpected-dev   # tl::expected result type
  nlohmann-json3-dev  # run.json, JSON Lines input
  libssl-dev        # SHA-256 of inputs and codebooks (libcrypto)
  libgtest-dev      # tests
  libxlsxwriter-dev # review.xlsx: the review file as a workbook (rich text, drop-down)
  libzip-dev        # reading review.xlsx back (the zip package); REFI-QDA .qdpx projects
  libpugixml-dev    # reading review.xlsx back (its XML parts); REFI-QDA .qdpx/.qdc XML
  zlib1g-dev        # gzip-compressed answer files (answers.csv.gz)
  libcpp-httplib-dev  # review serve: the review screen's HTTP server on 127.0.0.1
)
for flag in "$@"; do
  case "$flag" in
    --test)
      packages+=(
        python3           # the gold-tally check
        chromium          # headless browser tests of report.html and of the review screen
        nodejs            # drives Chromium through the DevTools protocol (tests/e2e/review_browser.mjs)
        libreoffice-calc  # soffice saves a workbook for the review round trip test
        clang libclang-rt-14-dev  # libFuzzer targets of tests/fuzz (scripts/fuzz-smoke.sh)
        parallel          # GNU parallel: the split + merge recipe's test
        python3-distributed  # Dask distributed, for /usr/bin/python3: scripts/code-on-dask.py's test (tests/e2e/code_on_dask_test.cc)
        libxml2-utils     # xmllint: REFI-QDA exports validated against the official schemas (tests/e2e/refi_qda_test.cc)
      ) ;;
    --bench)
      packages+=(
        python3   # the Python `re` baseline and the corpus/codebook generator
        ripgrep   # `rg -c -f`, the "any pattern" floor
        time      # /usr/bin/time: peak RSS and CPU time of each run
      ) ;;
  esac
done

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
echo "Installing: ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
