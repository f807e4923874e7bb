package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.config.LiveConfig;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.history.History;
import dev.bulletproof.daemon.jobs.JobCommands;
import dev.bulletproof.daemon.jobs.JobQueries;
import dev.bulletproof.daemon.jobs.JobSegment;
import dev.bulletproof.daemon.jobs.QueueControl;
import dev.bulletproof.daemon.media.MediaTools;
import dev.bulletproof.daemon.metrics.DaemonMetrics;
import dev.bulletproof.daemon.schedule.ScheduleControl;
import dev.bulletproof.daemon.webhooks.WebhookHistory;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * What the API reaches of the running daemon, each part through a narrow interface, so the routes can be
 * served by the real engine or, in handler tests, by small stand-ins.
 *
 * @param bus the events the WebSocket feed and the job counts follow
 * @param dataFolder where the API token and the address file for local clients live
 * @param jobLog the ffmpeg log file of a job (it may not exist yet)
 * @param webhooks the webhook delivery history and the test event; null where the daemon has none (stand-ins:
 *     the webhook routes then answer an empty history)
 * @param schedule the daemon's schedule and its override
 * @param nodes the daemons of the cluster (this one alone on a single machine)
 * @param segments the units of work of segmented jobs (docs/segmented-encoding.md)
 */
public record Engine(
        JobQueries jobs,
        JobCommands jobCommands,
        QueueControl queue,
        LiveConfig config,
        Supplier<History> history,
        MediaTools tools,
        DaemonMetrics metrics,
        EventBus bus,
        Path dataFolder,
        LongFunction<Path> jobLog,
        WebhookHistory webhooks,
        ScheduleControl schedule,
        ClusterNodes nodes,
        LongFunction<List<JobSegment>> segments) {

    /** An engine whose jobs all run as one piece (handler tests that need no segments). */
    public Engine(
            JobQueries jobs,
            JobCommands jobCommands,
            QueueControl queue,
            LiveConfig config,
            Supplier<History> history,
            MediaTools tools,
            DaemonMetrics metrics,
            EventBus bus,
            Path dataFolder,
            LongFunction<Path> jobLog,
            WebhookHistory webhooks,
            ScheduleControl schedule,
            ClusterNodes nodes) {
        this(
                jobs,
                jobCommands,
                queue,
                config,
                history,
                tools,
                metrics,
                bus,
                dataFolder,
                jobLog,
                webhooks,
                schedule,
                nodes,
                id -> List.of());
    }
}
