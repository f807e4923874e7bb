#!/usr/bin/env bash
# Measures how long the folder watcher's initial scan plus rule matching takes for a crowded monitor
# folder. Usage: daemon/bench/folder-scan.sh [file count, default 100000] [parent folder for the files]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# One reactor run, so shared-model resolves to its freshly compiled classes.
mvn -B -q -pl daemon -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -cp "daemon/target/classes:daemon/target/test-classes:$(cat daemon/target/bench.classpath)" \
    dev.bulletproof.daemon.bench.FolderScanBench "$@"
