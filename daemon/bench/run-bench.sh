#!/usr/bin/env bash
# Runs one benchmark main class from the daemon's test sources with the test class path.
# Usage: daemon/bench/run-bench.sh ClassName [args...]   (from anywhere; builds what it needs first)
# ClassName is a class of dev.bulletproof.daemon.bench, or a fully qualified name.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME LC_ALL=C.UTF-8
bench=$1
shift
[[ $bench == *.* ]] || bench="dev.bulletproof.daemon.bench.$bench"
mvn -B -q -pl daemon -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -cp "daemon/target/test-classes:daemon/target/classes:$(cat daemon/target/bench.classpath)" \
    "$bench" "$@"
