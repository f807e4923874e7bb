#!/usr/bin/env bash
# API latency under load: p50/p99 and requests per second of GET /api/jobs?limit=50 and GET /api/stats
# against the real daemon with a large job history in SQLite, or with --postgres in an embedded PostgreSQL.
# Usage: daemon/bench/api-latency.sh [--postgres] [jobs (100000)] [client threads (8)] [requests per thread per round (1000)]
set -euo pipefail
exec "$(dirname "$0")/run-bench.sh" ApiLatencyBench "$@"
