#!/usr/bin/env bash
# Claim throughput of the job store with several nodes and no ffmpeg: enqueue -> claim -> complete cycles
# per second on an embedded PostgreSQL (one connection pool per node), and on SQLite for comparison.
# Usage: daemon/bench/cluster-claims.sh [jobs (5000)] [nodes (3)] [workers per node (4)]
set -euo pipefail
exec "$(dirname "$0")/run-bench.sh" ClusterClaimBench "$@"
