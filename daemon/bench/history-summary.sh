#!/usr/bin/env bash
# Measures the statistics queries over a long job history: the summary the dashboard's cards show, a month
# of hourly buckets, 90 days by day and a week's timeline. Usage: daemon/bench/history-summary.sh [jobs] [runs]
set -euo pipefail
exec "$(dirname "$0")/run-bench.sh" dev.bulletproof.daemon.history.jdbc.HistorySummaryBench "$@"
