#!/usr/bin/env bash
# Maps a long list of ids as N shards in parallel on this machine, then merges the shards'
# outputs back into one file in input order: the file one `crosswalk map` run of the whole list
# writes, but for the flags a run computes over its own ids (docs/pipelines.md, "What differs
# from one run").
#
#   examples/shard/shard.sh LIST N OUT [crosswalk map flags…]
#   examples/shard/shard.sh ids.txt 4 mapped.tsv --from uniprot --to ensembl_gene
#
# LIST may be gzip-compressed; N processes run at once. CROSSWALK is the command (default
# `npx crosswalk`), split into words at spaces: CROSSWALK="node --import tsx node/cli/main.ts"
# runs the source. OUT is TSV, or CSV with --format csv: what `crosswalk merge` reads.
set -euo pipefail

if [[ $# -lt 3 ]]; then
  echo "usage: $0 LIST N OUT [crosswalk map flags…]" >&2
  exit 2
fi
list=$1
shards=$2
out=$3
shift 3
read -r -a crosswalk <<<"${CROSSWALK:-npx crosswalk}"
here=$(dirname -- "${BASH_SOURCE[0]}")

work=$(mktemp -d "${TMPDIR:-/tmp}/crosswalk-shard.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
bash "$here/scatter.sh" "$list" "$shards" "$work"

# --split lines: on `auto` a shard of one id would be split into words, and a line with spaces
# would become several ids, shifting every later input_index (the whole list, of two lines or
# more, is read by lines on `auto` too). Each shard's messages go to its log, shown if it fails.
pids=()
for ((k = 0; k < shards; k++)); do
  "${crosswalk[@]}" map --split lines "$@" --index-offset "$(<"$work/shard-$k.offset")" \
    --out "$work/shard-$k.out" "$work/shard-$k.ids" 2>"$work/shard-$k.log" &
  pids+=($!)
done

# Wait for every shard, so none is left running; fail with the first failing shard's exit code.
status=0
for ((k = 0; k < shards; k++)); do
  wait "${pids[$k]}" && continue
  code=$?
  echo "$0: shard $k failed (exit code $code):" >&2
  cat "$work/shard-$k.log" >&2
  if [[ $status -eq 0 ]]; then status=$code; fi
done
if [[ $status -ne 0 ]]; then exit "$status"; fi

# merge orders the shards by their first input_index and checks that each follows on from the
# one before, so a wrong offset fails here instead of numbering rows wrongly.
outputs=()
for ((k = 0; k < shards; k++)); do outputs+=("$work/shard-$k.out"); done
"${crosswalk[@]}" merge --out "$out" "${outputs[@]}"
