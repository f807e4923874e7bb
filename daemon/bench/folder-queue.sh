#!/usr/bin/env bash
# Daemon start -> every file of a pre-filled watch folder queued (default 100,000 files). Args: [files]
exec "$(dirname "$0")/run-bench.sh" FolderQueueBench "$@"
