#!/usr/bin/env bash
# Benchmark: lines/s from text to typed events per format (JMH, bench/FormatThroughput), on one
# thread and on two, then the ratios measured in this same run:
#   combined / seed_cache      the combined log_format scanner against the seed's regex (scanner)
#   combined / combined_regex  the combined scanner against a plain java.util.regex peer
# Each figure is shown as JMH's mean over its iterations and as its best iteration: on a shared
# machine, other processes only ever slow an iteration down, so the best one is the least
# disturbed measure, and ratios are given for both.
# usage: bench/formats.sh [extra JMH options, e.g. -i 20]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/jmh-throughput.sh"
jmh_throughput formats 'FormatThroughput' "$@"
jq -r '
  def fmt: floor | tostring;
  [ .[] | {format: .params.format, threads: .threads, mean: .primaryMetric.score,
           best: ([.primaryMetric.rawData[][]] | max)} ] as $rows
  | ($rows | map(.format) | unique) as $formats
  | def pick(f; t): $rows | map(select(.format == f and .threads == t)) | first;
  "format            1 thread: mean        best   2 threads: mean        best (lines/s)",
  ( [ "combined", "main", "common", "json", "seed_cache", "combined_regex" ][]
    | select(. as $f | $formats | index($f))
    | . as $f | pick($f; 1) as $a | pick($f; 2) as $b
    | "\($f | .[0:16] | . + " " * (16 - length)) \($a.mean | fmt | " " * (13 - length) + .) \($a.best | fmt | " " * (11 - length) + .) \($b.mean | fmt | " " * (16 - length) + .) \($b.best | fmt | " " * (11 - length) + .)"),
  ( [1, 2][] as $t
    | pick("combined"; $t) as $c | pick("seed_cache"; $t) as $s | pick("combined_regex"; $t) as $r
    | "\($t) thread(s): combined / seed_cache = \($c.mean / $s.mean * 100 | round / 100) (mean), \($c.best / $s.best * 100 | round / 100) (best); target <= 1.5",
      "\($t) thread(s): combined / combined_regex (java.util.regex peer) = \($c.mean / $r.mean * 100 | round / 100) (mean), \($c.best / $r.best * 100 | round / 100) (best)")
' "$json"
