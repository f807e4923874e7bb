#!/usr/bin/env bash
# Measures how long the folder watcher's initial scan plus rule matching takes for a crowded monitor
# folder. Usage: daemon/bench/folder-scan.sh [file count, default 100000] [parent folder for the files]
set -euo pipefail
exec "$(dirname "$0")/run-bench.sh" FolderScanBench "$@"
