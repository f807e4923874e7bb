#!/usr/bin/env bash
# Failover time of a cluster: two daemons as child processes on one embedded PostgreSQL and one shared
# folder; for each try a clip is dropped in, the node encoding it is killed with SIGKILL (with its ffmpeg),
# and the time until its job runs on the other node is taken. Prints every try, the median and the max.
# Usage: daemon/bench/cluster-failover.sh [tries (10)] [node_timeout_seconds (20)] [heartbeat_seconds (3)]
set -euo pipefail
exec "$(dirname "$0")/run-bench.sh" dev.bulletproof.daemon.monitor.ClusterFailoverBench "$@"
