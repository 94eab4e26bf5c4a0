#!/usr/bin/env bash
# Benchmark: lines/s from text to typed events per format (JMH, bench/FormatThroughput), on one
# thread and on two, then the ratios measured in this same run:
#   seed_cache / combined    the seed's regex (scanner) against the combined log_format scanner
#   combined / combined_regex  the combined scanner against a plain java.util.regex peer
# usage: bench/formats.sh [extra JMH options, e.g. -f 2 -i 10]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out"
mkdir -p "$out"
(cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
csv="$out/formats.csv"
java -jar "$root/bench/target/benchmarks.jar" 'FormatThroughput' -rf csv -rff "$csv" "$@" >"$out/formats.log"
echo "$(nproc) cores, $(java -version 2>&1 | head -1)"
awk -F, '
  NR == 1 { next }
  {
    gsub(/"/, "")
    method = $1; sub(/.*\./, "", method)
    key = $8 "/" method
    score[key] = $5; error[key] = $6
    if (!(($8) in seen)) { seen[$8] = 1; order[++n] = $8 }
  }
  END {
    printf "%-16s %18s %18s\n", "format", "1 thread lines/s", "2 threads lines/s"
    for (i = 1; i <= n; i++) {
      f = order[i]
      printf "%-16s %10.0f ±%6.0f %10.0f ±%6.0f\n", f, score[f "/oneThread"], error[f "/oneThread"],
        score[f "/twoThreads"], error[f "/twoThreads"]
    }
    for (t = 1; t <= 2; t++) {
      m = t == 1 ? "oneThread" : "twoThreads"
      c = score["combined/" m]; s = score["seed_cache/" m]; r = score["combined_regex/" m]
      if (c > 0 && s > 0) printf "%s: combined is %.2fx the seed regex (target: at most 1.50x)\n", m, c / s
      if (c > 0 && r > 0) printf "%s: combined scanner is %.2fx the java.util.regex combined peer\n", m, c / r
    }
  }' "$csv"
