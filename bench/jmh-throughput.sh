# Sourced by the JMH throughput scripts (formats.sh, json.sh): builds the benchmarks, runs one
# with JMH's JSON results in bench/out/NAME.json (the log in NAME.log), and prints the machine
# line every figure is read against. Sets $root, $out and $json.
# usage: jmh_throughput NAME BENCHMARK [JMH options]
jmh_throughput() {
  local name="$1" benchmark="$2"
  shift 2
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  out="$root/bench/out"
  json="$out/$name.json"
  mkdir -p "$out"
  command -v jq >/dev/null || { echo "bench/$name.sh needs jq" >&2; exit 1; }
  (cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
  java -jar "$root/bench/target/benchmarks.jar" "$benchmark" -rf json -rff "$json" "$@" \
    >"$out/$name.log"
  echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
}
