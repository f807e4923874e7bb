#!/usr/bin/env bash
# Pipeline overhead: K clips through the daemon (max_workers=P) vs the identical ffmpeg commands run
# directly P at a time; prints the ratio of wall times. Args: [clips=6] [workers=2] [rounds=3] [profile] [seconds] [size]
exec "$(dirname "$0")/run-bench.sh" PipelineBench "$@"
