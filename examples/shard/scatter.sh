#!/usr/bin/env bash
# Splits a list of ids into N shards for `crosswalk map --split lines --index-offset`: writes
# DIR/shard-K.ids (K = 0…N-1, nearly equal numbers of ids, in list order) and DIR/shard-K.offset
# (the number of ids before shard K: its --index-offset). shard.sh, the Snakefile and the
# Nextflow workflow in docs/pipelines.md all scatter with it.
#
#   examples/shard/scatter.sh LIST N DIR      (LIST may be gzip-compressed)
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 LIST N DIR" >&2
  exit 2
fi
list=$1
shards=$2
dir=$3
if ! [[ $shards =~ ^[1-9][0-9]*$ ]]; then
  echo "$0: N must be a whole number of shards, 1 or more (not \"$shards\")" >&2
  exit 2
fi
if [[ ! -r $list || -d $list ]]; then
  # As crosswalk does: a file that cannot be read is exit code 4.
  echo "$0: cannot read \"$list\"" >&2
  exit 4
fi
mkdir -p "$dir"

# `map --split lines` ends a line at CR, VT and FF as well as LF, and skips lines of only spaces
# and tabs. With those breaks made LFs, awk sees the lines map sees, and the lines holding
# anything but blanks are the ids (the rows' input_index) — so the offsets count what map counts.
# `gzip -cdf` passes a plain file through as it is.
# (Each of the three breaks to its own LF: POSIX leaves a shorter second set unspecified.)
# shellcheck disable=SC2020
gzip -cdf -- "$list" | tr '\r\v\f' '\n\n\n' >"$dir/list"
ids=$(LC_ALL=C grep -c '[^[:blank:]]' "$dir/list" || true)
if [[ $ids -lt $shards ]]; then
  # Every shard holds an id: a run of none fails (there is nothing to map), and a workflow
  # engine expects each shard's output.
  echo "$0: $list holds $ids ids, too few for $shards shards" >&2
  exit 4
fi

# Deal the ids out in N runs of nearly equal count, each blank line going along with the id
# before it (those before the first, with it). One shard's file is open at a time.
LC_ALL=C awk -v n="$shards" -v ids="$ids" -v dir="$dir" '
  function start(k) {
    shard = k
    file = dir "/shard-" k ".ids"
    print seen > (dir "/shard-" k ".offset")
    close(dir "/shard-" k ".offset")
  }
  BEGIN { seen = 0; start(0) }
  /[^[:blank:]]/ {
    k = int(seen * n / ids)
    if (k != shard) { close(file); start(k) }
    seen++
  }
  { print > file }
' "$dir/list"
rm "$dir/list"
