#!/usr/bin/env bash
# Benchmark: `livelog analyze` on a generated combined log (default 1M lines), best of 3 runs,
# and GoAccess (--log-format=COMBINED -o json) on the same file in the same run when it is
# installed, printing lines/s of each and the ratio.
# usage: bench/analyze-vs-goaccess.sh [LINES]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/combined-input.sh" "${1:-1000000}"
out="$root/bench/out"
"$root/livelog" --version >/dev/null  # build first, outside the timing

calc() { awk "BEGIN { print $1 }"; }

best() { # command... -> best wall time in seconds of 3 runs
  local best_t=""
  for _ in 1 2 3; do
    local start end t
    start=$(date +%s.%N)
    if ! "$@" >/dev/null 2>"$out/bench-stderr.log"; then
      echo "failed: $* (exit $?):" >&2; tail -5 "$out/bench-stderr.log" >&2; return 1
    fi
    end=$(date +%s.%N)
    t=$(calc "$end - $start")
    if [ -z "$best_t" ] || [ "$(calc "$t < $best_t")" = 1 ]; then best_t=$t; fi
  done
  echo "$best_t"
}

size=$(du -h "$log" | cut -f1)
echo "input: $log ($lines lines, $size), $(nproc) cores"
# A run that reads fewer lines than the file holds must not count as a fast one.
parsed=$("$root/livelog" analyze --json --format combined "$log" 2>/dev/null | grep -o '"parsed" *: *[0-9]*' | grep -o '[0-9]*$')
[ "$parsed" = "$lines" ] || { echo "livelog analyze parsed ${parsed:-nothing} of $lines lines" >&2; exit 1; }
lt=$(best "$root/livelog" analyze --json --format combined "$log") || exit 1
lrate=$(calc "$lines / $lt")
printf 'livelog analyze:  %6.2f s  %12.0f lines/s  (best of 3, JVM start included)\n' "$lt" "$lrate"
if command -v goaccess >/dev/null; then
  gt=$(best goaccess "$log" --log-format=COMBINED -o "$out/goaccess.json") || exit 1
  grate=$(calc "$lines / $gt")
  printf 'goaccess:         %6.2f s  %12.0f lines/s  (best of 3)\n' "$gt" "$grate"
  printf 'ratio:            livelog is %.1fx GoAccess\n' "$(calc "$lrate / $grate")"
else
  echo "goaccess: not installed (apt-get install goaccess) - no peer figure"
fi
