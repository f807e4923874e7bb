#!/usr/bin/env bash
# Measures the SQLite job store: enqueue->claim->complete cycles per second with synchronous=FULL and
# NORMAL, and the time to register 100,000 files. Usage: daemon/bench/queue-throughput.sh [cycles] [files] [folder]
# Give a folder on the disk the daemon will use: fsync cost, and so the FULL figure, depends on it.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
mvn -B -q -pl daemon -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -cp "daemon/target/test-classes:daemon/target/classes:$(cat daemon/target/bench.classpath)" \
    dev.bulletproof.daemon.bench.QueueThroughputBench "$@"
