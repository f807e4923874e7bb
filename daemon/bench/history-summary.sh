#!/usr/bin/env bash
# Measures the statistics queries over a long job history: the summary the dashboard's cards show, a month
# of hourly buckets, 90 days by day and a week's timeline. Usage: daemon/bench/history-summary.sh [jobs] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
mvn -B -q -pl daemon -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -cp "daemon/target/test-classes:daemon/target/classes:$(cat daemon/target/bench.classpath)" \
    dev.bulletproof.daemon.history.jdbc.HistorySummaryBench "$@"
