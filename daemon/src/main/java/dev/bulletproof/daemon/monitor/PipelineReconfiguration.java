package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.config.ConfigChanges;
import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.config.LiveConfigFile;
import dev.bulletproof.daemon.jobs.WorkerPool;

/**
 * Hands a configuration applied live to the parts that run with it; only what changed is touched, so an
 * unrelated change does not rescan the folder or restart the stability clock of settling files.
 */
public final class PipelineReconfiguration implements LiveConfigFile.RunningParts {

    private final WatchFolders folders;
    private final WorkerPool pool;

    public PipelineReconfiguration(WatchFolders folders, WorkerPool pool) {
        this.folders = folders;
        this.pool = pool;
    }

    @Override
    public void reconfigure(DaemonConfig applied, ConfigChanges changes) {
        if (changes.watchChanged() || changes.stabilityChanged() || changes.rulesChanged()) {
            folders.reconfigure(applied, changes.rulesChanged());
        }
        if (applied.maxWorkers() != pool.configuredMaxWorkers()) {
            pool.setMaxWorkers(applied.maxWorkers());
        }
    }
}
