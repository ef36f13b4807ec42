#!/usr/bin/env bash
# Codes a JSON Lines corpus in pieces, several processes at a time, and puts
# the pieces back together: the local form of a cluster's map (code a piece)
# and reduce (merge the counts). See docs/scaling.md.
#
# Usage: scripts/code-in-pieces.sh INPUT.jsonl CODEBOOK OUTDIR [JOBS]
#   INPUT.jsonl  one answer per line: {"id": ..., "text": ...}. Splitting on
#                line ends is safe for JSON Lines only: a CSV field may hold a
#                line end inside quotes, and a piece cut there is garbage.
#                Convert CSV to JSON Lines first.
#   CODEBOOK     the YAML codebook (the same for every piece).
#   OUTDIR       created if needed; must not hold part-* folders already.
#   JOBS         processes at a time. Default: the number of CPU cores.
# Environment:
#   VERBATIM  the binary. Default: `verbatim` on PATH, else build/verbatim.
#   BLOCK     GNU parallel's --block: bytes per piece (e.g. 10M). Default: -1,
#             one piece per job.
#
# Writes OUTDIR/part-N/ (N = 1, 2, … in input order: the `verbatim code`
# outputs of piece N, review file included), OUTDIR/counts.csv (exactly the
# counts of one run over the whole input) and OUTDIR/coded.csv (the pieces'
# coded tables in input order under one header). In coded.csv, `row`
# restarts at 1 in each piece, and a row in error names "<stdin>" and its
# line within the piece: the ids (from the "id" key, required) identify the
# answers.
#
# Exit status: 0; 1 when rows could not be read (they are in coded.csv with
# status error, as with one run) or a piece failed; 2 on wrong usage.
set -euo pipefail

usage() {
  echo "usage: $0 INPUT.jsonl CODEBOOK OUTDIR [JOBS]" >&2
  exit 2
}
[[ $# -eq 3 || $# -eq 4 ]] || usage
input=$1
codebook=$2
outdir=$3
jobs=${4:-$(nproc)}
block=${BLOCK:--1}
[[ -f $input ]] || { echo "$0: no such file: $input" >&2; exit 2; }
[[ -f $codebook ]] || { echo "$0: no such file: $codebook" >&2; exit 2; }
command -v parallel > /dev/null || {
  echo "$0: GNU parallel is not installed (Debian: apt-get install parallel)" >&2
  exit 2
}
if [[ -z ${VERBATIM:-} ]]; then
  if command -v verbatim > /dev/null; then
    VERBATIM=$(command -v verbatim)
  else
    VERBATIM="$(cd "$(dirname "$0")/.." && pwd)/build/verbatim"
  fi
fi
[[ -x $VERBATIM ]] || { echo "$0: cannot run $VERBATIM (set VERBATIM)" >&2; exit 2; }

mkdir -p "$outdir"
if compgen -G "$outdir/part-*" > /dev/null; then
  # A stale part from an earlier run would be added to this one's counts.
  echo "$0: $outdir already holds part-* folders: remove them or choose another OUTDIR" >&2
  exit 2
fi

# --pipepart cuts the file itself at line ends (--recend '\n', the default)
# into blocks, and feeds each block to one `verbatim code -` on its standard
# input; {#} is the block's number, in input order.
export VERBATIM CODEBOOK_PATH=$codebook OUTDIR_PATH=$outdir
failed=0
# shellcheck disable=SC2016  # expanded by the shell parallel starts, from the environment
parallel --pipepart -a "$input" --block "$block" -j "$jobs" \
  '"$VERBATIM" code - --format jsonl --column text --id-column id -c "$CODEBOOK_PATH" -o "$OUTDIR_PATH/part-{#}" -q' \
  || failed=$?

# Every piece must have left its counts, numbered 1..N without a gap.
pieces=$(compgen -G "$outdir/part-*" | wc -l)
for ((n = 1; n <= pieces; n++)); do
  if [[ ! -f $outdir/part-$n/counts.csv || ! -f $outdir/part-$n/coded.csv ]]; then
    echo "$0: piece $n left no counts.csv or coded.csv in $outdir/part-$n" >&2
    exit 1
  fi
done
[[ $pieces -gt 0 ]] || { echo "$0: no piece was coded" >&2; exit 1; }

counts_args=()
for ((n = 1; n <= pieces; n++)); do counts_args+=("$outdir/part-$n/counts.csv"); done
"$VERBATIM" counts merge "${counts_args[@]}" -o "$outdir/counts.csv"

# One header (a header line holds no line end: code ids cannot), then each
# piece's rows in input order.
{
  head -n 1 "$outdir/part-1/coded.csv"
  for ((n = 1; n <= pieces; n++)); do tail -n +2 "$outdir/part-$n/coded.csv"; done
} > "$outdir/coded.csv.tmp"
mv "$outdir/coded.csv.tmp" "$outdir/coded.csv"

if [[ $failed -ne 0 ]]; then
  echo "$0: $failed piece(s) exited with an error: see the messages above and the rows with status error in $outdir/coded.csv" >&2
  exit 1
fi
