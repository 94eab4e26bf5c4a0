#!/usr/bin/env bash
# Three clustered JVMs on this machine (source; parser; analyzer + web with the embedded store)
# on a burst of generated combined lines: lines/s until every line is stored (zero loss checked
# from the analyzer's metrics), against the one-JVM pipeline on the same file in the same run.
# Each clustered JVM is sized as a one-CPU process (-XX:ActiveProcessorCount=1: serial GC,
# one parser instance, small pools), which is what three JVMs sharing two cores each get; with
# the default ergonomics every JVM sizes itself for both cores and their GC and compiler threads
# fight (measured: about 136k lines/s instead of about 170k). Override with JAVA_OPTS.
# usage: bench/cluster.sh [LINES]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/combined-input.sh" "${1:-1000000}"
out="$root/bench/out"
(cd "$root" && mvn -B -q -DskipTests package -pl bench -am) >&2
jar="$root/app/target/livelog.jar"
work=$(mktemp -d)
hz=$((30000 + RANDOM % 1000 * 10))
cat > "$work/shared.yaml" <<YAML
sources: [{id: bench, path: "$log", format: combined, from: start}]
groups:
  status: {label: Status classes, analyzers: [{metric: rate, by: status, by_class: true}]}
storage: {data_dir: "$work/data", retention: 3650d}
pipeline: {in_flight: ${INFLIGHT:-8}, batch_lines: ${BATCH:-1000}}
cluster: {name: bench-$hz, port: $hz, members: ["127.0.0.1:$hz", "127.0.0.1:$((hz+1))", "127.0.0.1:$((hz+2))"]}
YAML
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do timeout 15 tail --pid="$p" -f /dev/null 2>/dev/null || kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
launch() { # name roles port
  { cat "$work/shared.yaml"; echo "web: {port: $3}"; } > "$work/$1.yaml"
  # PROFILE=DIR records each JVM with JFR into DIR/<name>.jfr
  java -Xmx512m ${JAVA_OPTS--XX:ActiveProcessorCount=1} ${PROFILE:+-XX:StartFlightRecording=filename=$PROFILE/$1.jfr,settings=profile} \
    -jar "$jar" run -c "$work/$1.yaml" --cluster --roles "$2" > "$work/$1.log" 2>&1 &
  pids+=($!)
}
start() { # name roles port: launch, then wait until it answers
  launch "$@"
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$3/health/live" >/dev/null 2>&1 && return 0; sleep 0.2
  done
  echo "$1 did not start:"; cat "$work/$1.log"; exit 1
}
echo "input: $log ($lines lines), $(nproc) cores"
start analyzer analyzer,web 18181
start parser parser 18182
stored_now() { curl -s http://127.0.0.1:18181/metrics | awk '/^livelog_events_stored_total\{source="bench"\}/ {printf "%d", $2}'; }
launch source source 18183
# Sustained rate: from the first stored events (the cluster join is not the pipeline's speed).
first=0
while [ "${first:-0}" -eq 0 ]; do sleep 0.05; first=$(stored_now); first=${first:-0}; done
started=$(date +%s.%N)
stored=$first
while [ "$stored" -lt "$lines" ]; do
  sleep 0.25
  stored=$(stored_now); stored=${stored:-0}
done
ended=$(date +%s.%N)
crate=$(awk -v n="$((lines - first))" -v a="$started" -v b="$ended" 'BEGIN { printf "%.0f", n / (b - a) }')
echo "clustered, 3 JVMs (source | parser | analyzer+web): $lines lines stored (lost 0) at $crate lines/s sustained"
cleanup; trap - EXIT
single=$(java -Xmx512m -Djava.util.logging.config.file=/dev/null -cp "$root/bench/target/benchmarks.jar" \
  dev.livelog.bench.PipelineBench "$log" "$lines" 2>/dev/null | grep "lines/s")
echo "one JVM: $single"
srate=$(echo "$single" | grep -o '[0-9,]* lines/s' | tr -d ', lines/')
awk -v c="$crate" -v s="$srate" 'BEGIN { printf "ratio: clustered runs at %.2fx the one-JVM pipeline\n", c / s }'
