#!/usr/bin/env bash
# WebSocket fan-out: delivery latency from a progress event on the bus to each of many clients, and CPU.
# Progress events are published by the bench at a realistic rate; no real encodes are needed for the figure.
# Usage: daemon/bench/api-ws-fanout.sh [clients (200)] [jobs (8)] [seconds (20)] [ticks per second per job (4)]
set -euo pipefail
exec "$(dirname "$0")/run-bench.sh" ApiWsFanoutBench "$@"
