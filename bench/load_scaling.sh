#!/usr/bin/env bash
# Codebook load time against its number of patterns (issue 19, item 5):
#   bench/load_scaling.sh VERBATIM [PATTERNS...]     (default: 13000 26000 52000 104000)
# For each size, bench/make_large_codebook.py writes a generated codebook
# (cycling term, stem, phrase and near) and 10 answers under
# bench/work/load/<size>/; `VERBATIM code` then loads, checks, compiles it
# and codes the 10 answers at 1 thread, so its time is the codebook's set-up.
# Prints a Markdown row per size: median wall and CPU (user + sys) time of
# BENCH_RUNS (default 5) runs, and the peak RSS. BENCH_TIMEOUT (default 300 s)
# stops a run that is too slow to wait for; its row then says "> timeout".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/bench/work/load"
runs="${BENCH_RUNS:-5}"
limit="${BENCH_TIMEOUT:-300}"
binary=$1
shift
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(13000 26000 52000 104000)
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "| patterns | codebook | wall, median | CPU (user + sys), median | peak RSS | runs (wall) |"
echo "|---:|---:|---:|---:|---:|---|"
for size in "${sizes[@]}"; do
  dir="$work/$size"
  [[ -s "$dir/codebook.yaml" ]] || python3 "$root/bench/make_large_codebook.py" "$dir" "$size" 10 > /dev/null
  walls=() cpus=() rss=0 slow=0
  for ((i = 0; i < runs; i++)); do
    out=$(mktemp -d)
    if ! timeout "$limit" /usr/bin/time -f '%e %U %S %M' -o "$out/t" "$binary" code "$dir/answers.csv" \
        --codebook "$dir/codebook.yaml" --out "$out/o" -q --threads 1 > /dev/null 2>&1; then
      slow=1; rm -rf "$out"; break
    fi
    read -r wall user sys kb < "$out/t"
    walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)"); ((kb > rss)) && rss=$kb
    rm -rf "$out"
  done
  kb=$(du -k "$dir/codebook.yaml" | cut -f1)
  if ((slow)); then
    echo "| $size | ${kb} KB | > ${limit} s | | | ${walls[*]:-} |"
  else
    echo "| $size | ${kb} KB | $(printf '%s\n' "${walls[@]}" | median) s | $(printf '%s\n' "${cpus[@]}" | median) s | $((rss / 1024)) MB | ${walls[*]} |"
  fi
done
