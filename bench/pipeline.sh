#!/usr/bin/env bash
# The live pipeline in one JVM on a burst of generated combined lines (default 1M; the issue's
# heap check uses 10M): lines/s with zero loss and peak heap, under -Xmx512m; then
# `livelog analyze` on the same file as the peer (one pass, no store, no bus) and the ratio.
# usage: bench/pipeline.sh [LINES]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/combined-input.sh" "${1:-1000000}"
out="$root/bench/out"
(cd "$root" && mvn -B -q -DskipTests package -pl bench -am) >&2
echo "input: $log ($lines lines), $(nproc) cores"
result=$(java -Xmx512m -Djava.util.logging.config.file=/dev/null -cp "$root/bench/target/benchmarks.jar" \
  dev.livelog.bench.PipelineBench "$log" "$lines" 2>/dev/null)
echo "$result"
prate=$(echo "$result" | grep -o '[0-9,]* lines/s' | tr -d ', lines/')
start=$(date +%s.%N)
java -jar "$root/app/target/livelog.jar" analyze --json --format combined "$log" >/dev/null 2>&1
end=$(date +%s.%N)
arate=$(awk -v n="$lines" -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", n / (b - a) }')
echo "peer: livelog analyze (one pass, no store): $arate lines/s"
awk -v p="$prate" -v a="$arate" 'BEGIN { printf "ratio: the live pipeline runs at %.2fx the one-pass analysis\n", p / a }'
