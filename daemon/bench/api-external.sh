#!/usr/bin/env bash
# API latency from outside: the real daemon as its own process on a data folder seeded with a long job
# history (default 100,000 jobs in SQLite), measured with wrk over real TCP connections. For each endpoint
# and connection count it runs wrk for DURATION seconds and prints one table: req/s, p50, p99 and max.
# Unlike api-latency.sh, the load generator does not share the daemon's JVM, so stalls of the daemon's
# threads (carriers pinned in native code, locks) show up in the tail as a client sees them.
#
# Usage: daemon/bench/api-external.sh [jobs (100000)]
# Settings (environment): CONNECTIONS ("1 8 64"), DURATION (15), WARMUP (10 s per endpoint), ROUNDS (1),
# ENDPOINTS ("/api/jobs?limit=50 /api/stats"), SKIP_BUILD (0: build the jar and the seeder first),
# DAEMON_JAVA_OPTS (extra JVM options for the daemon, e.g. -XX:StartFlightRecording=filename=x.jfr),
# JAR (daemon/target/bulletproof-daemon.jar; another build's jar, with its lib/ beside it, to compare),
# KEEP (0; 1 keeps the work folder with the data folder and the daemon's log), REUSE_SEED (0; 1 reuses
# the history seeded by an earlier run, daemon/target/bench-history-JOBS.db, instead of seeding anew).
# Needs wrk (Debian: apt-get install wrk). wrk runs 2 threads, or 1 for a single connection.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME LC_ALL=C.UTF-8
JOBS=${1:-100000}
CONNECTIONS=${CONNECTIONS:-1 8 64}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10}
ROUNDS=${ROUNDS:-1}
ENDPOINTS=${ENDPOINTS:-/api/jobs?limit=50 /api/stats}
JAR=${JAR:-daemon/target/bulletproof-daemon.jar}

command -v wrk > /dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  # package compiles the test classes too, where the seeder lives.
  mvn -B -q -pl daemon -am -DskipTests package dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi

work=$(mktemp -d)
pid=
cleanup() {
  if [[ -n $pid ]]; then kill "$pid" 2> /dev/null; wait "$pid" 2> /dev/null || true; fi
  if [[ ${KEEP:-0} == 1 ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

mkdir -p "$work/in" "$work/out"
port=$(free_port)
printf 'monitor_folder: ./in\noutput_folder: ./out\nserver: { host: 127.0.0.1, port: %s, auth: token }\n' "$port" \
  > "$work/bulletproof.yaml"
seeded=daemon/target/bench-history-$JOBS.db
if [[ ${REUSE_SEED:-0} != 1 || ! -f $seeded ]]; then
  rm -f "$seeded"
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -cp "daemon/target/test-classes:daemon/target/classes:$(cat daemon/target/bench.classpath)" \
    dev.bulletproof.daemon.bench.JobHistorySeed "$seeded" "$JOBS" 2>&1 | grep -v INFO | grep -v Migrations
fi
mkdir -p "$work/data"
cp "$seeded" "$work/data/bulletproof.db"

# --paused: the seeded history has queued jobs whose inputs do not exist; the queue stays still.
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" ${DAEMON_JAVA_OPTS:-} -jar "$JAR" daemon --paused \
  --config "$work/bulletproof.yaml" --data-dir "$work/data" > "$work/daemon.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/api/health" > /dev/null; do
  if ! kill -0 "$pid" 2> /dev/null; then
    echo "the daemon exited; its log:" >&2; cat "$work/daemon.log" >&2; exit 1
  fi
  sleep 0.1
done
token=$(tr -d '[:space:]' < "$work/data/token")
base="http://127.0.0.1:$port"

# wrk's latencies are like 812.00us, 3.30ms, 1.02s or 1.50m; printed in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1
    if (f < 0) { print "?"; exit }
    printf "%.1f", n * f }'
}

run_wrk() { # connections seconds path
  local threads=2
  (($1 < 2)) && threads=1
  wrk -t"$threads" -c"$1" -d"$2"s --timeout 10s --latency -H "Authorization: Bearer $token" "$base$3"
}

echo "daemon: pid $pid, $JOBS jobs; wrk $(wrk -v 2>&1 | head -n 1 | awk '{ print $2 }'); ${DURATION} s a run"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for path in $ENDPOINTS; do
  run_wrk 8 "$WARMUP" "$path" > /dev/null
done

printf '%-20s %5s %5s %9s %9s %9s %9s  %s\n' endpoint conns round "req/s" "p50 ms" "p99 ms" "max ms" notes
for ((round = 1; round <= ROUNDS; round++)); do
  for path in $ENDPOINTS; do
    for c in $CONNECTIONS; do
      out=$(run_wrk "$c" "$DURATION" "$path")
      rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<< "$out")
      p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<< "$out")")
      p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<< "$out")")
      max=$(to_ms "$(awk '$1 == "Latency" && NF >= 4 { print $4; exit }' <<< "$out")")
      notes=$(grep -E 'Non-2xx|Socket errors' <<< "$out" | tr -s ' ' | paste -sd ';' - || true)
      printf '%-20s %5s %5s %9s %9s %9s %9s  %s\n' "$path" "$c" "$round" "$rps" "$p50" "$p99" "$max" "$notes"
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
