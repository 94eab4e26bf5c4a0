# Sourced by the live benchmarks: run_livelog NAME CONFIG PORT runs `livelog run` (the CLI, as a
# user starts it) until every line of $log is stored, timed from the first line the source read
# to the last event stored (the JVM's start and the config check are not the pipeline's speed;
# the peers are timed the same way, from their first output), then stops it. Sets $rate
# (lines/s); store_counts then sets $lost, $dup, $dead counted from the store. Needs $root,
# $log, $lines, $work; each livelog's output is in $work/logs/NAME.log. A script's EXIT trap
# calls stop_started, so nothing it started outlives it.
metric_sum() { # PORT METRIC: the sum of a counter's series on /metrics
  { curl -s "http://127.0.0.1:$1/metrics" || true; } | awk -v m="$2" 'index($0, m "{") == 1 || index($0, m " ") == 1 { s += $NF } END { printf "%d", s }'
}

store_counts() { # DATA_DIR -> sets lost, dup, dead from the store's file
  local counts rows distinct
  counts=$(java -Djava.util.logging.config.file=/dev/null -cp "$root/bench/target/benchmarks.jar" \
    dev.livelog.bench.StoredEvents "$1" 2>/dev/null) || { echo "cannot read the store in $1" >&2; exit 1; }
  rows=$(echo "$counts" | sed -n 's/.*rows=\([0-9]*\).*/\1/p')
  distinct=$(echo "$counts" | sed -n 's/.*distinct=\([0-9]*\).*/\1/p')
  dead=$(echo "$counts" | sed -n 's/.*deadletters=\([0-9]*\).*/\1/p')
  lost=$((lines - distinct)); dup=$((rows - distinct))
}

pids=()  # the processes a benchmark started; stop_started ends them (the scripts' EXIT trap too)
stop_started() { # SIGTERM to each, then up to 15 s for it to exit before SIGKILL
  local p
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    timeout 15 tail --pid="$p" -f /dev/null 2>/dev/null || kill -9 "$p" 2>/dev/null || true
  done
  pids=()
}

running() { # PID...: stops the benchmark, with the processes' output, when one has exited
  local p
  for p in "$@"; do
    kill -0 "$p" 2>/dev/null && continue
    echo "a livelog process stopped:" >&2; tail -n 20 "$work"/logs/*.log >&2; exit 1
  done
}

timed_pipeline() { # READ_PORT STORED_PORT PID...: sets $rate, from the first line read (on
  # READ_PORT's /metrics) to the last event stored (STORED_PORT's). Waiting ends when every
  # line is stored, or after 60 s without one more (then the rate is over what was stored, and
  # the store's counts show what was lost).
  local read_port=$1 stored_port=$2 started ended stored=0 now last_stored=0
  shift 2
  until [ "$(metric_sum "$read_port" livelog_source_lines_read_total)" -gt 0 ]; do
    running "$@"; sleep 0.02
  done
  started=$(date +%s.%N); ended=$started
  while [ "$stored" -lt "$lines" ]; do
    sleep 0.1; running "$@"
    stored=$(metric_sum "$stored_port" livelog_events_stored_total)
    now=$(date +%s.%N)
    if [ "$stored" -gt "$last_stored" ]; then
      last_stored=$stored; ended=$now
    elif awk -v a="$ended" -v b="$now" 'BEGIN { exit !(b - a > 60) }'; then
      echo "  no event stored for 60 s: $stored of $lines" >&2; break
    fi
  done
  rate=$(awk -v s="$last_stored" -v l="$lines" -v a="$started" -v b="$ended" \
    'BEGIN { n = s < l ? s : l; printf "%.0f", (b > a ? n / (b - a) : 0) }')
}

run_livelog() { # NAME CONFIG PORT [java options...]
  local name=$1 config=$2 port=$3; shift 3
  launch_livelog "$name" "$*" run -c "$config"
  timed_pipeline "$port" "$port" "${pids[@]}"
  stop_started
}

launch_livelog() { # NAME JAVA_OPTIONS ARGS...: `livelog ARGS` in the background, added to pids
  local name=$1 options=$2; shift 2
  mkdir -p "$work/logs"
  LIVELOG_JAVA_OPTS="$options" "$root/livelog" "$@" > "$work/logs/$name.log" 2>&1 &
  pids+=($!)
}
