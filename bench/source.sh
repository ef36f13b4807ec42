# Sourced by the benchmark scripts: finds the real answers they are built
# from. Sets corpus_name and source_gz (BENCH_SOURCE, else the shared corpora
# next to the repository: ../shared from its root, as the tests look;
# ../../shared from a worktree one folder deeper; empty when neither has it)
# and defines need_source, which stops with a message naming the paths tried
# when the corpus is needed and missing. Needs $root.
corpus_name=corpora/granddebat_questionnaires_sample.csv.gz
source_gz="${BENCH_SOURCE:-}"
if [[ -z "$source_gz" ]]; then
  for shared in "$root/../shared" "$root/../../shared"; do
    [[ -f "$shared/$corpus_name" ]] && { source_gz="$shared/$corpus_name"; break; }
  done
fi
need_source() {
  [[ -n "$source_gz" && -f "$source_gz" ]] && return 0
  echo "$(basename "$0"): the real answers are missing: ${source_gz:-neither $root/../shared/$corpus_name nor $root/../../shared/$corpus_name exists}" >&2
  echo "  set BENCH_SOURCE to granddebat_questionnaires_sample.csv.gz, or put the shared corpora in $root/../shared" >&2
  exit 1
}
