#!/usr/bin/env bash
# Measures the SQLite job store: enqueue->claim->complete cycles per second with synchronous=FULL and
# NORMAL, and the time to register 100,000 files. Usage: daemon/bench/queue-throughput.sh [cycles] [files] [folder]
# Give a folder on the disk the daemon will use: fsync cost, and so the FULL figure, depends on it.
set -euo pipefail
exec "$(dirname "$0")/run-bench.sh" QueueThroughputBench "$@"
