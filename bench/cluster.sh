#!/usr/bin/env bash
# Three clustered JVMs on this machine (source; parser; analyzer + web with the embedded store)
# against one JVM (`livelog run`, every role) on the same file in the same run, doing the same
# work: the README's five plot groups over combined fields (bench/combined-groups.yaml), every
# line stored. Both are timed from the first line the source read to the last event stored
# (a cluster's join is not the pipeline's speed, nor is a JVM's start), and both have their
# lost and duplicated events counted from the store after they stopped.
# Each clustered JVM is sized as a one-CPU process (-XX:ActiveProcessorCount=1: serial GC,
# one parser instance, small pools), which is what three JVMs sharing two cores each get; with
# the default ergonomics every JVM sizes itself for both cores and their GC and compiler threads
# fight (measured: about 136k lines/s instead of about 170k). Override with JAVA_OPTS.
# usage: bench/cluster.sh [LINES] [ROUNDS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/combined-input.sh" "${1:-1000000}"
rounds=${2:-2}
(cd "$root" && mvn -B -q -DskipTests package -pl bench -am) >&2
"$root/livelog" --version >/dev/null
jar="$root/app/target/livelog.jar"
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do timeout 15 tail --pid="$p" -f /dev/null 2>/dev/null || kill -9 "$p" 2>/dev/null || true; done
  pids=()
}
trap 'cleanup; rm -rf "$work"' EXIT
source "$root/bench/live-run.sh"

config() { # FILE [extra line]: the same pipeline for both sides
  { cat "$root/bench/combined-groups.yaml"
    echo "sources: [{id: bench, path: \"$log\", format: combined, from: start}]"
    echo "storage: {data_dir: \"$work/data\", retention: 3650d}"
    echo "pipeline: {in_flight: ${INFLIGHT:-8}, batch_lines: ${BATCH:-1000}}"
    [ $# -gt 1 ] && echo "$2"; } > "$1"
}

single_once() {
  rm -rf "$work/data"
  config "$work/single.yaml" "web: {port: 18180}"
  run_livelog single "$work/single.yaml" 18180
  store_counts "$work/data"
  echo "  one JVM: $rate lines/s (lost $lost, duplicated $dup)" >&2
}

launch() { # name roles port
  { cat "$work/shared.yaml"; echo "web: {port: $3}"; } > "$work/$1.yaml"
  # PROFILE=DIR records each JVM with JFR into DIR/<name>.jfr
  java -Xmx512m ${JAVA_OPTS--XX:ActiveProcessorCount=1} ${PROFILE:+-XX:StartFlightRecording=filename=$PROFILE/$1.jfr,settings=profile} \
    -jar "$jar" run -c "$work/$1.yaml" --cluster --roles "$2" > "$work/$1.log" 2>&1 &
  pids+=($!)
}
up() { # name port: wait until it answers
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$2/health/live" >/dev/null 2>&1 && return 0; sleep 0.2
  done
  echo "$1 did not start:"; cat "$work/$1.log"; exit 1
}

cluster_once() {
  rm -rf "$work/data"
  local hz=$((30000 + RANDOM % 1000 * 10)) started ended stored=0
  config "$work/shared.yaml" "cluster: {name: bench-$hz, port: $hz, members: [\"127.0.0.1:$hz\", \"127.0.0.1:$((hz+1))\", \"127.0.0.1:$((hz+2))\"]}"
  launch analyzer analyzer,web 18181; up analyzer 18181
  launch parser parser 18182; up parser 18182
  launch source source 18183
  until [ "$(metric_sum 18183 livelog_source_lines_read_total)" -gt 0 ]; do sleep 0.02; done
  started=$(date +%s.%N)
  while [ "${stored:-0}" -lt "$lines" ]; do
    sleep 0.1
    stored=$(metric_sum 18181 livelog_events_stored_total)
  done
  ended=$(date +%s.%N)
  cleanup
  crate=$(awk -v n="$lines" -v a="$started" -v b="$ended" 'BEGIN { printf "%.0f", n / (b - a) }')
  store_counts "$work/data"
  echo "  clustered: $crate lines/s (lost $lost, duplicated $dup)" >&2
}

echo "input: $log ($lines lines), $(nproc) cores"
best_c=0; best_s=0
for r in $(seq 1 "$rounds"); do
  echo "round $r:" >&2
  cluster_once; c_lost=$lost c_dup=$dup; [ "$crate" -gt "$best_c" ] && best_c=$crate
  single_once; [ "$rate" -gt "$best_s" ] && best_s=$rate
done
echo "clustered, 3 JVMs (source | parser | analyzer+web): $best_c lines/s (best of $rounds; last run lost $c_lost, duplicated $c_dup, from the store)"
echo "one JVM (livelog run): $best_s lines/s (best of $rounds; last run lost $lost, duplicated $dup, from the store)"
awk -v c="$best_c" -v s="$best_s" 'BEGIN { printf "ratio: clustered runs at %.2fx one JVM\n", c / s }'
