#!/usr/bin/env bash
# API latency under load: p50/p99 and requests per second of GET /api/jobs?limit=50 and GET /api/stats
# against the real daemon with a large job history in SQLite.
# Usage: daemon/bench/api-latency.sh [jobs (100000)] [client threads (8)] [requests per thread (250)]
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
mvn -B -q -pl daemon -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -cp "daemon/target/test-classes:daemon/target/classes:$(cat daemon/target/bench.classpath)" \
    dev.bulletproof.daemon.bench.ApiLatencyBench "$@"
