#!/usr/bin/env bash
# Benchmark: lines/s from a log file into the parsers through SSH sessions on loopback
# (SshTailSource: the remote tail program over sshj), with 1 and 10 sessions, compared in the
# same run with the local file source through the same pipeline, and with plain
# `ssh host cat FILE` (OpenSSH's client) as the raw transport's figure.
# The server is OpenSSH's sshd when installed (apt-get install openssh-server), else the
# tests' MINA SSHD server in its own JVM. A stand-in store acknowledges at once.
# usage: bench/ssh-throughput.sh [LINES] [SESSIONS...]   (default 1000000 lines, 1 and 10)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lines="${1:-1000000}"; shift || true
sessions=("${@:-1}"); [ $# -gt 0 ] || sessions=(1 10)
out="$root/bench/out"; work="$out/ssh"
mkdir -p "$out"; rm -rf "$work"; mkdir -p "$work"
log="$out/access-$lines.log"
[ -f "$log" ] || { echo "generating $lines combined lines into $log" >&2; awk -v n="$lines" -f "$root/bench/gen-combined.awk" > "$log"; }
jar="$root/bench/target/benchmarks.jar"
(cd "$root" && mvn -B -q -DskipTests package -pl bench -am) >&2

server_pid=""
cleanup() { [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)); }

if [ -x /usr/sbin/sshd ] && command -v ssh-keygen >/dev/null; then
  server="OpenSSH $(/usr/sbin/sshd -V 2>&1 | head -1 || true)"
  port=$(free_port)
  ssh-keygen -q -t ed25519 -N '' -f "$work/host_key"
  ssh-keygen -q -t ed25519 -N '' -f "$work/id_bench"
  cp "$work/id_bench.pub" "$work/authorized_keys"
  cat > "$work/sshd_config" <<CFG
ListenAddress 127.0.0.1
Port $port
HostKey $work/host_key
AuthorizedKeysFile $work/authorized_keys
PidFile $work/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
PermitRootLogin prohibit-password
CFG
  [ "$(id -u)" -ne 0 ] || mkdir -p /run/sshd
  /usr/sbin/sshd -f "$work/sshd_config" -D -e 2>"$work/sshd.log" & server_pid=$!
  echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$work/host_key.pub")" > "$work/known_hosts"
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
else
  server="MINA SSHD (openssh-server not installed)"
  java -cp "$jar" dev.livelog.bench.LoopbackSshd "$work" >/dev/null 2>"$work/sshd.log" & server_pid=$!
  for _ in $(seq 100); do [ -f "$work/port" ] && break; sleep 0.1; done
  port=$(cat "$work/port")
fi

size=$(du -h "$log" | cut -f1)
echo "input: $log ($lines lines, $size), $(nproc) cores, server: $server on 127.0.0.1:$port"

if command -v ssh >/dev/null; then
  ssh_opts=(-p "$port" -i "$work/id_bench" -o "UserKnownHostsFile=$work/known_hosts" -o StrictHostKeyChecking=yes -o BatchMode=yes)
  for n in "${sessions[@]}"; do
    start=$(date +%s.%N)
    for _ in $(seq "$n"); do ssh "${ssh_opts[@]}" 127.0.0.1 cat "$log" > /dev/null & done
    wait $(jobs -p | grep -v "^$server_pid$") 2>/dev/null || true
    end=$(date +%s.%N)
    awk -v l="$lines" -v n="$n" -v s="$start" -v e="$end" 'BEGIN { t = e - s;
      printf "peer: ssh host cat FILE (OpenSSH client, no parsing), %d session(s): %.2f s, %.0f lines/s total, %.0f each\n", n, t, l*n/t, l/t }'
  done
else
  echo "peer: ssh client not installed - no raw transport figure"
fi
echo
java -cp "$jar" dev.livelog.bench.SshThroughput "$log" "$lines" "$port" "$work/id_bench" "$work/known_hosts" "${sessions[@]}"
