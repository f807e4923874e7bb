#!/usr/bin/env bash
# WebSocket fan-out: delivery latency from a progress event on the bus to each of many clients, and CPU.
# Progress events are published by the bench at a realistic rate; no real encodes are needed for the figure.
# Usage: daemon/bench/api-ws-fanout.sh [clients (200)] [jobs (8)] [seconds (20)] [ticks per second per job (4)]
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
mvn -B -q -pl daemon -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -cp "daemon/target/test-classes:daemon/target/classes:$(cat daemon/target/bench.classpath)" \
    dev.bulletproof.daemon.bench.ApiWsFanoutBench "$@"
