#!/usr/bin/env bash
# The live path against syslog-ng on the same file in the same run.
# livelog: `livelog run` (the CLI, as a user starts it) following a local combined log from its
# start, with the README's five example plot groups over combined fields
# (bench/combined-groups.yaml), the embedded store and the analyzer: lines/s from the first line
# read to the last event stored; lost and duplicated counted from the store afterwards.
# syslog-ng (Debian's syslog-ng-core + syslog-ng-scl): a file source following the same file,
# apache-accesslog-parser() and a file destination writing the parsed fields (parse only: no
# store, no analytics): lines/s from its first output line to its last; lines it did not parse
# counted from its output. syslog-ng is tuned for throughput as its documentation advises
# (log-fetch-limit(1000) and log-iw-size(10000) on the source, flush-lines(1000) on the
# destination): with its defaults (10 messages a fetch, a window of 100) it ran at about half
# the speed here (on its own: 70k lines/s with the defaults, 136-139k tuned), which would
# flatter livelog.
# Both use every core (syslog-ng threaded(yes)); each runs once cold,
# then the runs alternate ROUNDS times (default 3) and the best of each side is compared.
# usage: bench/live-vs-syslog-ng.sh [LINES] [ROUNDS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/combined-input.sh" "${1:-1000000}"
rounds=${2:-3}
command -v syslog-ng >/dev/null || { echo "syslog-ng is needed: apt-get install syslog-ng-core syslog-ng-scl" >&2; exit 1; }
(cd "$root" && mvn -B -q -DskipTests package -pl bench -am) >&2
"$root/livelog" --version >/dev/null
work=$(mktemp -d)
source "$root/bench/live-run.sh"
trap 'stop_started; rm -rf "$work"' EXIT

port=$((18300 + RANDOM % 500))
livelog_once() {
  rm -rf "$work/data"
  { cat "$root/bench/combined-groups.yaml"
    echo "sources: [{id: bench, path: \"$log\", format: combined, from: start}]"
    echo "storage: {data_dir: \"$work/data\", retention: 3650d}"  # the generated log is dated in the past
    echo "web: {port: $port}"; } > "$work/livelog.yaml"
  run_livelog livelog "$work/livelog.yaml" "$port"
  store_counts "$work/data"
  echo "  livelog run: $rate lines/s (lost $lost, duplicated $dup, dead letters $dead)" >&2
  total_lost=$((total_lost + lost)) total_dup=$((total_dup + dup)) total_dead=$((total_dead + dead))
}

syslog_ng_once() {
  rm -f "$work/out.log" "$work/persist"
  cat > "$work/syslog-ng.conf" <<CONF
@version: 3.38
@include "scl.conf"
options { threaded(yes); stats-level(0); };
source s_log { file("$log" flags(no-parse) follow-freq(1) log-fetch-limit(1000) log-iw-size(10000)); };
parser p_apache { apache-accesslog-parser(prefix(".apache.")); };
destination d_parsed { file("$work/out.log" template("\${.apache.clientip} \${.apache.verb} \${.apache.request} \${.apache.response} \${.apache.bytes} \${.apache.timestamp}\n") flush-lines(1000)); };
log { source(s_log); parser(p_apache); destination(d_parsed); };
CONF
  syslog-ng -F -f "$work/syslog-ng.conf" -R "$work/persist" -p "$work/pid" -c "$work/ctl" --no-caps \
    > "$work/syslog-ng.log" 2>&1 &
  pids+=($!)
  local pid=$! started ended written=0 counted=0 size last=0 now
  until [ -s "$work/out.log" ]; do
    syslog_ng_running "$pid"; sleep 0.02
  done
  started=$(date +%s.%N); ended=$started
  # Only the bytes written since the last poll are counted: counting the whole output on every
  # poll would take a growing share of a core from syslog-ng while it runs. As for livelog,
  # waiting ends after 60 s without one more line.
  while [ "$written" -lt "$lines" ]; do
    sleep 0.1; syslog_ng_running "$pid"
    size=$(stat -c %s "$work/out.log")
    # dd reads exactly the new bytes: `tail | head -c` died of SIGPIPE (and, under pipefail,
    # stopped the script) whenever syslog-ng wrote more between stat and tail.
    written=$((written + $(dd if="$work/out.log" iflag=skip_bytes,count_bytes skip="$counted" \
      count=$((size - counted)) bs=1M 2>/dev/null | wc -l)))
    counted=$size
    now=$(date +%s.%N)
    if [ "$written" -gt "$last" ]; then
      last=$written; ended=$now
    elif awk -v a="$ended" -v b="$now" 'BEGIN { exit !(b - a > 60) }'; then
      echo "  syslog-ng wrote no line for 60 s: $written of $lines" >&2; break
    fi
  done
  stop_started
  # a line apache-accesslog-parser() did not parse has no response code in its output
  unparsed=$(awk '$4 !~ /^[0-9][0-9][0-9]$/' "$work/out.log" | wc -l)
  missing=$((written < lines ? lines - written : 0))
  srate=$(awk -v n="$((lines - missing))" -v a="$started" -v b="$ended" 'BEGIN { printf "%.0f", (b > a ? n / (b - a) : 0) }')
  echo "  syslog-ng:   $srate lines/s (not parsed $unparsed, missing $missing)" >&2
  total_unparsed=$((total_unparsed + unparsed)) total_missing=$((total_missing + missing))
}

syslog_ng_running() { # PID
  kill -0 "$1" 2>/dev/null || { echo "syslog-ng stopped:"; cat "$work/syslog-ng.log"; exit 1; }
}

echo "input: $log ($lines lines), $(nproc) cores"
echo "cold runs (not counted):" >&2
total_lost=0 total_dup=0 total_dead=0 total_unparsed=0 total_missing=0
livelog_once; syslog_ng_once
best_l=0; best_s=0
total_lost=0 total_dup=0 total_dead=0 total_unparsed=0 total_missing=0  # over the counted rounds
for r in $(seq 1 "$rounds"); do
  echo "round $r:" >&2
  livelog_once; [ "$lost" -eq 0 ] && [ "$dup" -eq 0 ] && [ "$rate" -gt "$best_l" ] && best_l=$rate
  syslog_ng_once; [ "$missing" -eq 0 ] && [ "$srate" -gt "$best_s" ] && best_s=$srate
done
echo "livelog run (file -> parse -> embedded store + 5 plot groups): $best_l lines/s (best of $rounds, runs that lost or doubled nothing; over the $rounds runs lost $total_lost, duplicated $total_dup, dead letters $total_dead, counted from the store)"
echo "syslog-ng $(syslog-ng --version | sed -n 's/^syslog-ng \([0-9.]*\).*/\1/p;s/^Installer-Version: //p' | tail -1) (file -> apache-accesslog-parser -> file, parse only): $best_s lines/s (best of $rounds, runs that wrote every line; over the $rounds runs not parsed $total_unparsed, missing $total_missing, counted from its output)"
[ "$best_l" -gt 0 ] || { echo "no livelog run stored every line exactly once" >&2; exit 1; }
[ "$best_s" -gt 0 ] || { echo "no syslog-ng run wrote every line" >&2; exit 1; }
awk -v l="$best_l" -v s="$best_s" 'BEGIN { printf "ratio: livelog runs at %.2fx syslog-ng\n", l / s }'
