#!/usr/bin/env bash
# Segmented encoding: the work redone after the daemon is killed with SIGKILL at about 80 % of a ProRes job
# (media seconds encoded after the restart that had been started before the kill, over the duration; target
# <= 0.25) and the processing time of the segmented job over the same job as one piece (target <= 1.05).
# Each run is a real daemon as a child process on a source made at the start.
# Usage: daemon/bench/segmented.sh [seconds (360)] [size (192x108)]
set -euo pipefail
exec "$(dirname "$0")/run-bench.sh" dev.bulletproof.daemon.monitor.SegmentedEncodingBench "$@"
