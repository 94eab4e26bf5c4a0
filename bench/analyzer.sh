#!/usr/bin/env bash
# Analyzer throughput on one core (JMH): events/s through the live engine with the example
# config's plot groups, against a hand-written loop computing the same groups (the peer).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && mvn -B -q -DskipTests package -pl bench -am) >&2
java -jar "$root/bench/target/benchmarks.jar" AnalyzerBench -wi 3 -i 5 -w 2 -r 2 -f 1 2>/dev/null \
  | grep -E "^Benchmark|^AnalyzerBench" | tee /dev/stderr \
  | awk '/AnalyzerBench.engine/ {e=$4} /AnalyzerBench.handWritten/ {h=$4}
         END { if (e && h) printf "ratio: the engine runs at %.2fx the hand-written loop (%.1fM events/s on one core)\n", e/h, e/1e6 }'
