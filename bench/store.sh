#!/usr/bin/env bash
# Store append throughput with idempotence on (alternating rounds, best of each, both warmed
# alike): the embedded DuckDB store against the raw DuckDB
# Appender into the same typed columns (the peer: no idempotence), a replay of stored batches
# (rows twice counted from the store), and the
# MongoDB store over TCP (to an in-process wire-protocol server: a correctness server, not
# MongoDB's speed). usage: bench/store.sh [EVENTS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && mvn -B -q -DskipTests package -pl bench -am) >&2
java -cp "$root/bench/target/benchmarks.jar" -Djava.util.logging.config.file=/dev/null \
  dev.livelog.bench.StoreAppendBench "${1:-1000000}" 2>/dev/null
