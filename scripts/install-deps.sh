#!/usr/bin/env bash
# Installs the Debian 12 packages verbatim needs, and nothing when they are
# all present. Usage: scripts/install-deps.sh [--test] [--bench]
#   --test  also the packages the test suite uses (python3 for the gold-tally
#           check).
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
)
for flag in "$@"; do
  case "$flag" in
    --test) packages+=(python3) ;;
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
