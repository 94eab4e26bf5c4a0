# Sourced by the benchmarks: sets $root and $log, a generated combined log of $1 lines
# (default 1M) under bench/out/, made once and kept for later runs.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lines="${1:-1000000}"
mkdir -p "$root/bench/out"
log="$root/bench/out/access-$lines.log"
if [ ! -f "$log" ]; then
  echo "generating $lines combined lines into $log" >&2
  awk -v n="$lines" -f "$root/bench/gen-combined.awk" > "$log.part" && mv "$log.part" "$log"
fi
