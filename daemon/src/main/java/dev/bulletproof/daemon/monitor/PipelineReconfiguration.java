package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.config.ConfigChanges;
import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.config.LiveConfigFile;
import dev.bulletproof.daemon.jobs.WorkerPool;
import dev.bulletproof.daemon.watch.FolderWatcher;
import dev.bulletproof.daemon.watch.StabilityTracker;
import java.util.Set;

/**
 * Hands a configuration applied live to the parts that run with it; only what changed is touched, so an
 * unrelated change does not rescan the folder or restart the stability clock of settling files.
 */
public final class PipelineReconfiguration implements LiveConfigFile.RunningParts {

    private final FolderWatcher watcher;
    private final StabilityTracker stability;
    private final WorkerPool pool;
    private final FileIntake intake;

    public PipelineReconfiguration(
            FolderWatcher watcher, StabilityTracker stability, WorkerPool pool, FileIntake intake) {
        this.watcher = watcher;
        this.stability = stability;
        this.pool = pool;
        this.intake = intake;
    }

    @Override
    public void reconfigure(DaemonConfig applied, ConfigChanges changes) {
        if (changes.watchChanged()) {
            watcher.rewatch(
                    applied.monitorFolder(),
                    applied.recursive(),
                    applied.scanInterval(),
                    Set.of(applied.outputFolder(), applied.processedFolder()));
        }
        if (changes.stabilityChanged()) {
            stability.setStableTime(applied.stableTime());
        }
        if (applied.maxWorkers() != pool.configuredMaxWorkers()) {
            pool.setMaxWorkers(applied.maxWorkers());
        }
        if (changes.rulesChanged()) {
            intake.rulesChanged();
        }
    }
}
