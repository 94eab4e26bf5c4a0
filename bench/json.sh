#!/usr/bin/env bash
# Benchmark: JSON lines to typed events with the json format's hand-written reader against its
# peer, Jackson's streaming parser (JMH, bench/JsonReaderPairBench): the same JsonLineParser
# (plans, types, event times) over each reader, on the same lines, both warm, paired in each invocation (same thread, same moment,
# alternating order, so load from other processes falls on both alike), one parser pair per
# thread, on one thread and on two; setup checks that both read the same events. Lines: json
# (nginx escape=json, flat) and json_nested (as Caddy logs: nested objects, header arrays,
# escapes). Prints each reader's lines per CPU second and per elapsed second, and the ratio
#   handwritten / jackson   (the hand-written reader stays only at >= 1.5)
# over all iterations, with the lowest and highest iteration's CPU ratio.
# usage: bench/json.sh [extra JMH options, e.g. -i 20]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/jmh-throughput.sh"
jmh_throughput json 'JsonReaderPairBench' "$@"
jq -r '
  def fmt: floor | tostring;
  def pad(n): . as $s | " " * ([n - ($s | length), 0] | max) + $s;
  def r2: . * 100 | round / 100;
  def raw(m): .secondaryMetrics[m].rawData | flatten;
  def total(m): raw(m) | add;
  "lines per second of CPU time and of elapsed time, each reader, all measured iterations",
  "lines        threads   jackson: CPU   elapsed   hand-written: CPU   elapsed   hand-written / jackson: CPU (iterations)   elapsed",
  ( .[] | (total("lines") * 1e9) as $n
    | ([raw("jacksonCpu"), raw("handWrittenCpu")] | transpose | map(.[0] / .[1])) as $perIteration
    | "\(.params.lines | . + " " * (12 - length)) \(.threads | tostring | pad(7)) \($n / total("jacksonCpu") | fmt | pad(14)) \($n / total("jacksonElapsed") | fmt | pad(9)) \($n / total("handWrittenCpu") | fmt | pad(19)) \($n / total("handWrittenElapsed") | fmt | pad(9)) \(total("jacksonCpu") / total("handWrittenCpu") | r2 | tostring | pad(29)) (\($perIteration | min | r2)-\($perIteration | max | r2)) \(total("jacksonElapsed") / total("handWrittenElapsed") | r2 | tostring | pad(9))")
' "$json"
