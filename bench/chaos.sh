#!/usr/bin/env bash
# The chaos run: writers append numbered lines at a steady rate to two local logs and to two
# logs on an OpenSSH sshd started on 127.0.0.1 (its own host key, user key and port), while
# faults are injected at random: livelog killed (SIGKILL) or stopped (SIGTERM) and restarted,
# logs rotated by rename while livelog runs and while it is stopped (with and without gzip),
# copytruncate, sshd killed and restarted, the store unreachable for 10 s. livelog runs as an
# operator runs it (java -jar app/target/livelog.jar run -c CONFIG) and stores into a MongoDB
# wire-protocol server (mongo-java-server; no real mongod is installable here), stopped and
# started on the same port for the store outage. At the end the store is read and a table
# says, per fault: lines written, distinct sequence numbers stored, rows stored, lost,
# duplicated. Exit status 0 only with nothing lost or duplicated.
# usage: bench/chaos.sh [MINUTES] [FAULTS]   (default 10 minutes, 50 faults)
#   CHAOS_SEED=N repeats a run's faults; CHAOS_RATE=N lines/s per log (default 20);
#   CHAOS_FAULTS=copytruncate,rotate only those kinds of fault
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
minutes="${1:-10}"
faults="${2:-50}"
[ -x /usr/sbin/sshd ] || { echo "chaos: needs OpenSSH's sshd (apt-get install openssh-server)" >&2; exit 2; }
command -v gzip >/dev/null || { echo "chaos: needs gzip" >&2; exit 2; }
work="$root/bench/out/chaos"
rm -rf "$work"; mkdir -p "$work"
(cd "$root" && mvn -B -q -DskipTests package -pl bench -am) >&2
echo "chaos: $minutes min, $faults faults, files and logs in $work"
exec java ${CHAOS_SEED:+-Dchaos.seed=$CHAOS_SEED} ${CHAOS_RATE:+-Dchaos.rate=$CHAOS_RATE} \
  ${CHAOS_FAULTS:+-Dchaos.faults=$CHAOS_FAULTS} \
  -cp "$root/bench/target/benchmarks.jar" dev.livelog.bench.chaos.ChaosRun "$minutes" "$faults" "$work" \
  java ${LIVELOG_JAVA_OPTS:-} -jar "$root/app/target/livelog.jar"
