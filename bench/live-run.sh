# Sourced by the live benchmarks: run_livelog NAME CONFIG PORT runs `livelog run` (the CLI, as a
# user starts it) until every line of $log is stored, timed from the first line the source read
# to the last event stored (the JVM's start and the config check are not the pipeline's speed;
# the peers are timed the same way, from their first output). Sets $rate (lines/s) and $lost,
# $dup, $dead counted from the store after livelog stopped. Needs $root, $log, $lines, $work.
metric_sum() { # PORT METRIC: the sum of a counter's series on /metrics
  { curl -s "http://127.0.0.1:$1/metrics" || true; } | awk -v m="$2" 'index($0, m "{") == 1 || index($0, m " ") == 1 { s += $NF } END { printf "%d", s }'
}

store_counts() { # DATA_DIR -> sets lost, dup, dead from the store's file
  local counts rows distinct
  counts=$(java -Djava.util.logging.config.file=/dev/null -cp "$root/bench/target/benchmarks.jar" \
    dev.livelog.bench.StoredEvents "$1" 2>/dev/null)
  rows=$(echo "$counts" | sed -n 's/.*rows=\([0-9]*\).*/\1/p')
  distinct=$(echo "$counts" | sed -n 's/.*distinct=\([0-9]*\).*/\1/p')
  dead=$(echo "$counts" | sed -n 's/.*deadletters=\([0-9]*\).*/\1/p')
  lost=$((lines - distinct)); dup=$((rows - distinct))
}

run_livelog() { # NAME CONFIG PORT [java options...]
  local name=$1 config=$2 port=$3; shift 3
  local pid first stored started ended
  LIVELOG_JAVA_OPTS="${*:-}" "$root/livelog" run -c "$config" > "$work/$name.log" 2>&1 &
  pid=$!
  first=0
  for _ in $(seq 1 3000); do
    first=$(metric_sum "$port" livelog_source_lines_read_total)
    [ "${first:-0}" -gt 0 ] && break
    kill -0 "$pid" 2>/dev/null || { echo "livelog ($name) stopped:"; tail -20 "$work/$name.log"; exit 1; }
    sleep 0.02
  done
  started=$(date +%s.%N)
  stored=0
  while [ "${stored:-0}" -lt "$lines" ]; do
    sleep 0.1
    stored=$(metric_sum "$port" livelog_events_stored_total)
    kill -0 "$pid" 2>/dev/null || { echo "livelog ($name) stopped:"; tail -20 "$work/$name.log"; exit 1; }
  done
  ended=$(date +%s.%N)
  kill -TERM "$pid"; wait "$pid" || true
  rate=$(awk -v n="$lines" -v a="$started" -v b="$ended" 'BEGIN { printf "%.0f", n / (b - a) }')
}
