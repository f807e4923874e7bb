#!/usr/bin/env bash
# Start-up and idle memory of `bulletproof daemon` as a child process: the time from launching the JVM to
# the first healthy GET /api/health, then the resident memory (VmRSS) after it has idled IDLE seconds.
# Runs RUNS times with an empty watch folder and a fresh data folder each time.
# Usage: daemon/bench/api-startup.sh   (settings: RUNS (5), IDLE (10), SKIP_BUILD (0))
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
RUNS=${RUNS:-5}
IDLE=${IDLE:-10}
JAR=daemon/target/bulletproof-daemon.jar
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  mvn -B -q -pl daemon -am -DskipTests package
fi

work=$(mktemp -d)
pid=
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }

for run in $(seq 1 "$RUNS"); do
  dir=$work/run-$run
  mkdir -p "$dir/in" "$dir/out"
  port=$(free_port)
  printf 'monitor_folder: ./in\noutput_folder: ./out\nserver: { host: 127.0.0.1, port: %s, auth: token }\n' "$port" > "$dir/bulletproof.yaml"
  start=$(now)
  "$JAVA_HOME/bin/java" -jar "$JAR" daemon --config "$dir/bulletproof.yaml" --data-dir "$dir/data" > "$dir/daemon.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/api/health" > /dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the daemon exited; its log:" >&2; cat "$dir/daemon.log" >&2; exit 1
    fi
    sleep 0.02
  done
  healthy=$(now)
  sleep "$IDLE"
  rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  awk -v a="$start" -v b="$healthy" -v r="$rss" -v n="$run" -v i="$IDLE" \
    'BEGIN { printf "run %d: healthy after %.2f s; RSS after %d s idle: %.0f MiB\n", n, b - a, i, r / 1024 }'
done
