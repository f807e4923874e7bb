#!/usr/bin/env bash
# Detection latency at default settings: last write of a file -> its job starts. Args: [trials=5]
exec "$(dirname "$0")/run-bench.sh" DetectionLatencyBench "$@"
