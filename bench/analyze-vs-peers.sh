#!/usr/bin/env bash
# One-shot analysis of a combined log (default 1M lines): `livelog analyze` against Debian's
# GoAccess and lnav doing the same work on the same file, each cold-started from the shell
# every run (start-up counts, for all three), best of ROUNDS (default 3) alternating runs, wall
# time and peak RSS each. The work: requests per status class, bytes sent, top 10 paths
# (without the query string) and top 10 clients.
# - livelog: `livelog analyze --json` (the launcher, with its start-up archive built beforehand
#   and outside the timing, as a user's second run has it); both cores. Its top lists hold at
#   most 65,536 keys (bounded memory): whether they came out exact is printed with the figures.
# - GoAccess 1.7: --log-format=COMBINED, the panels for the other summaries left out
#   (--ignore-panel), no query strings (-q), a JSON report; one thread (1.7 has no other).
# - lnav 0.11: headless, SQL over its access_log table, one query per summary.
# Each side's line count is checked against the file, so a run that reads less is not a fast one.
# usage: bench/analyze-vs-peers.sh [LINES] [ROUNDS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/combined-input.sh" "${1:-1000000}"
rounds=${2:-3}
out="$root/bench/out"
"$root/livelog" --version >/dev/null  # build and prepare the start-up archive, outside the timing
for tool in goaccess lnav; do
  command -v "$tool" >/dev/null || { echo "$tool is needed: apt-get install goaccess lnav" >&2; exit 1; }
done

livelog_cmd=("$root/livelog" analyze --json --format combined "$log")
goaccess_cmd=(goaccess "$log" --log-format=COMBINED -q -o "$out/goaccess.json"
  --ignore-panel=VISITORS --ignore-panel=REQUESTS_STATIC --ignore-panel=NOT_FOUND
  --ignore-panel=OS --ignore-panel=BROWSERS --ignore-panel=VISIT_TIMES --ignore-panel=VIRTUAL_HOSTS
  --ignore-panel=REFERRERS --ignore-panel=REFERRING_SITES --ignore-panel=KEYPHRASES
  --ignore-panel=GEO_LOCATION --ignore-panel=REMOTE_USER --ignore-panel=CACHE_STATUS
  --ignore-panel=MIME_TYPE --ignore-panel=TLS_TYPE)
csv=(-c ':write-csv-to -')
lnav_cmd=(lnav -n
  -c ';SELECT sc_status / 100 AS class, count(*) AS requests FROM access_log GROUP BY class ORDER BY class' "${csv[@]}"
  -c ';SELECT count(*) AS lines, sum(sc_bytes) AS bytes FROM access_log' "${csv[@]}"
  -c ';SELECT cs_uri_stem AS path, count(*) AS n FROM access_log GROUP BY path ORDER BY n DESC LIMIT 10' "${csv[@]}"
  -c ';SELECT c_ip AS client, count(*) AS n FROM access_log GROUP BY client ORDER BY n DESC LIMIT 10' "${csv[@]}"
  "$log")

timed() { # NAME command... -> "seconds kib" of one run; its output in $out/NAME.out
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@" > "$out/$name.out" 2> "$out/$name.err" || {
    echo "$name failed:" >&2; tail -5 "$out/$name.err" >&2; exit 1; }
  cat "$out/$name.time"
}

echo "input: $log ($lines lines, $(du -h "$log" | cut -f1)), $(nproc) cores"
declare -A best_t best_m
for r in $(seq 1 "$rounds"); do
  for side in livelog goaccess lnav; do
    declare -n cmd="${side}_cmd"
    read -r t m < <(timed "$side" "${cmd[@]}")
    echo "  round $r: $side ${t} s, peak RSS $((m / 1024)) MiB" >&2
    if [ -z "${best_t[$side]:-}" ] || awk -v a="$t" -v b="${best_t[$side]}" 'BEGIN { exit !(a < b) }'; then
      best_t[$side]=$t; best_m[$side]=$m
    fi
  done
done
# every side read every line
parsed=$(grep -o '"parsed" *: *[0-9]*' "$out/livelog.out" | grep -o '[0-9]*$')
[ "$parsed" = "$lines" ] || { echo "livelog analyze parsed ${parsed:-nothing} of $lines lines" >&2; exit 1; }
ga=$(grep -o '"total_requests": *[0-9]*' "$out/goaccess.json" | head -1 | grep -o '[0-9]*$')
[ "$ga" = "$lines" ] || { echo "goaccess counted ${ga:-nothing} of $lines requests" >&2; exit 1; }
ln=$(awk -F, '$1 == "lines" { getline; print $1; exit }' "$out/lnav.out")
[ "$ln" = "$lines" ] || { echo "lnav counted ${ln:-nothing} of $lines lines" >&2; exit 1; }

for side in livelog goaccess lnav; do
  printf '%-9s %6.2f s  %10.0f lines/s  peak RSS %4d MiB  (best of %d)\n' "$side:" "${best_t[$side]}" \
    "$(awk -v n="$lines" -v t="${best_t[$side]}" 'BEGIN { print n / t }')" "$((best_m[$side] / 1024))" "$rounds"
done
# livelog keeps at most 65,536 keys per top list (bounded memory, counts exact or within a
# stated error); GoAccess and lnav keep every key: say which livelog's were
accuracy=$(grep -o '"\(exact\|max_error\)" *: *[a-z0-9]*' "$out/livelog.out" | grep -o '[a-z0-9]*$' | paste -sd' ')
read -r paths_exact paths_error clients_exact clients_error <<< "$accuracy"
describe() { [ "$1" = true ] && echo exact || echo "counts within $2"; }
echo "livelog's top 10: paths $(describe "$paths_exact" "$paths_error"), clients $(describe "$clients_exact" "$clients_error") (GoAccess and lnav: exact)"
peer=goaccess
awk -v a="${best_t[lnav]}" -v b="${best_t[goaccess]}" 'BEGIN { exit !(a < b) }' && peer=lnav
awk -v l="${best_t[livelog]}" -v p="${best_t[$peer]}" -v name="$peer" \
  'BEGIN { printf "ratio: livelog analyze is %.1fx the faster peer (%s)\n", p / l, name }'
