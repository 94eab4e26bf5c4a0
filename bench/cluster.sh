#!/usr/bin/env bash
# Three clustered JVMs on this machine (source; parser; analyzer + web with the embedded store)
# against one JVM (`livelog run`, every role) on the same file in the same run, doing the same
# work: the README's five plot groups over combined fields (bench/combined-groups.yaml), every
# line stored. All are started as a user starts them (the launcher, -Xmx512m each) and timed
# from the first line the source read to the last event stored (a cluster's join is not the
# pipeline's speed, nor is a JVM's start); both have their lost and duplicated events counted
# from the store after they stopped.
# Each clustered JVM is sized as a one-CPU process (-XX:ActiveProcessorCount=1: serial GC,
# one parser instance, small pools), which is what three JVMs sharing two cores each get; with
# the default ergonomics every JVM sizes itself for both cores and their GC and compiler threads
# fight (measured: about 136k lines/s instead of about 170k). Override with JAVA_OPTS. The one
# JVM uses every core.
# usage: bench/cluster.sh [LINES] [ROUNDS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/combined-input.sh" "${1:-1000000}"
rounds=${2:-2}
(cd "$root" && mvn -B -q -DskipTests package -pl bench -am) >&2
"$root/livelog" --version >/dev/null
work=$(mktemp -d)
source "$root/bench/live-run.sh"
trap 'stop_started; rm -rf "$work"' EXIT

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
  run_livelog single "$work/single.yaml" 18180 -Xmx512m
  store_counts "$work/data"
  echo "  one JVM: $rate lines/s (lost $lost, duplicated $dup)" >&2
  s_lost=$((s_lost + lost)) s_dup=$((s_dup + dup))
}

launch() { # name roles port
  { cat "$work/shared.yaml"; echo "web: {port: $3}"; } > "$work/$1.yaml"
  # PROFILE=DIR records each JVM with JFR into DIR/<name>.jfr
  launch_livelog "$1" "-Xmx512m ${JAVA_OPTS--XX:ActiveProcessorCount=1} ${PROFILE:+-XX:StartFlightRecording=filename=$PROFILE/$1.jfr,settings=profile}" \
    run -c "$work/$1.yaml" --cluster --roles "$2"
}
up() { # name port: wait until it answers
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$2/health/live" >/dev/null 2>&1 && return 0
    running "${pids[@]}"; sleep 0.2
  done
  echo "$1 did not start:"; cat "$work/logs/$1.log"; exit 1
}

cluster_once() {
  rm -rf "$work/data"
  local hz=$((30000 + RANDOM % 1000 * 10))
  config "$work/shared.yaml" "cluster: {name: bench-$hz, port: $hz, members: [\"127.0.0.1:$hz\", \"127.0.0.1:$((hz+1))\", \"127.0.0.1:$((hz+2))\"]}"
  launch analyzer analyzer,web 18181; up analyzer 18181
  launch parser parser 18182; up parser 18182
  launch source source 18183
  timed_pipeline 18183 18181 "${pids[@]}"
  stop_started
  crate=$rate
  store_counts "$work/data"
  echo "  clustered: $crate lines/s (lost $lost, duplicated $dup)" >&2
  c_lost=$((c_lost + lost)) c_dup=$((c_dup + dup))
}

echo "input: $log ($lines lines), $(nproc) cores"
best_c=0; best_s=0; c_lost=0 c_dup=0 s_lost=0 s_dup=0
for r in $(seq 1 "$rounds"); do
  echo "round $r:" >&2
  cluster_once; [ "$lost" -eq 0 ] && [ "$dup" -eq 0 ] && [ "$crate" -gt "$best_c" ] && best_c=$crate
  single_once; [ "$lost" -eq 0 ] && [ "$dup" -eq 0 ] && [ "$rate" -gt "$best_s" ] && best_s=$rate
done
echo "clustered, 3 JVMs (source | parser | analyzer+web): $best_c lines/s (best of $rounds, runs that lost or doubled nothing; over the $rounds runs lost $c_lost, duplicated $c_dup, counted from the store)"
echo "one JVM (livelog run): $best_s lines/s (best of $rounds, runs that lost or doubled nothing; over the $rounds runs lost $s_lost, duplicated $s_dup, counted from the store)"
[ "$best_c" -gt 0 ] && [ "$best_s" -gt 0 ] || { echo "no loss-free run on one side" >&2; exit 1; }
awk -v c="$best_c" -v s="$best_s" 'BEGIN { printf "ratio: clustered runs at %.2fx one JVM\n", c / s }'
