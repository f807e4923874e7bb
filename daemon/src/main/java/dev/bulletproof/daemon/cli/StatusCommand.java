package dev.bulletproof.daemon.cli;

import dev.bulletproof.client.JobQuery;
import dev.bulletproof.format.Formats;
import dev.bulletproof.format.ScheduleText;
import dev.bulletproof.model.HealthModel;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.QueueModel;
import dev.bulletproof.model.StatsModel;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show whether the daemon runs, its queue, its job counts and the jobs running now (with their"
                + " speed and estimated time left).")
final class StatusCommand implements Callable<Integer> {

    private static final int MAX_RUNNING_SHOWN = 50;

    @Spec
    CommandSpec spec;

    @Mixin
    RemoteOptions remote;

    @Option(
            names = "--json",
            description = "print one JSON object {url, health, queue, stats, running} with the API's shapes")
    boolean json;

    /** What {@code --json} prints: each part exactly as the API returns it. */
    record Snapshot(String url, HealthModel health, QueueModel queue, StatsModel stats, List<JobModel> running) {}

    @Override
    public Integer call() {
        Snapshot snapshot = remote.call(client -> new Snapshot(
                client.baseUrl().toString(),
                client.health(),
                client.queue(),
                client.stats(),
                client.listJobs(JobQuery.all()
                                .withStatuses(Set.of(JobStatus.PROCESSING, JobStatus.PAUSED))
                                .withLimit(MAX_RUNNING_SHOWN))
                        .items()));
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), snapshot);
        } else {
            print(spec.commandLine().getOut(), snapshot);
        }
        return snapshot.health().isOk() ? 0 : 1;
    }

    private void print(PrintWriter out, Snapshot snapshot) {
        HealthModel health = snapshot.health();
        QueueModel queue = snapshot.queue();
        StatsModel stats = snapshot.stats();
        out.println("daemon   " + remote.url() + "  " + health.status()
                + (health.version() == null ? "" : ", version " + health.version())
                + (health.uptimeSeconds() == null ? "" : ", up " + uptime(health.uptimeSeconds())));
        health.problems().forEach(problem -> out.println("problem  " + problem));
        if (Boolean.FALSE.equals(health.watchFolderAvailable())) {
            out.println("warning  the watch folder is not available");
        }
        out.println("queue    " + queueState(queue) + ", " + queue.running() + " of " + queue.maxWorkers()
                + " workers busy");
        String schedule = ScheduleText.line(queue.schedule(), Instant.now(), ZoneId.systemDefault());
        if (schedule != null) {
            out.println("schedule " + schedule);
        }
        if (queue.schedule() != null) {
            // One line per folder with a schedule of its own, after the global one it replaces for that folder.
            boolean overridden = queue.schedule().override() != null;
            queue.schedule()
                    .folders()
                    .forEach(folder -> out.println("schedule " + folder.folder() + ": "
                            + ScheduleText.folderLine(folder, overridden, Instant.now(), ZoneId.systemDefault())));
        }
        out.println("eta      " + queueEta(queue, Instant.now()));
        out.println("jobs     " + stats.totalJobs() + " in all: " + stats.queued() + " queued, " + stats.inProgress()
                + " in progress, " + stats.successful() + " completed, " + stats.failed() + " failed, "
                + stats.cancelled() + " cancelled");
        out.println("recent   " + stats.last24h() + " finished in the last 24 h; "
                + (stats.successful() == 0
                        ? "no average processing time yet"
                        : Figures.duration(stats.avgDuration()) + " average processing time"));
        if (snapshot.running().isEmpty()) {
            out.println("running  nothing");
            return;
        }
        out.println("running");
        JobTable.renderRunning(snapshot.running()).forEach(line -> out.println("  " + line));
    }

    static String queueState(QueueModel queue) {
        return switch (queue.state()) {
            case "draining" -> "draining (running jobs finish, then it pauses)";
            case "paused" -> "paused (no new job starts)";
            default -> "running";
        };
    }

    /** The whole queue's estimate, as a time left and a clock time in this machine's time zone. */
    static String queueEta(QueueModel queue, Instant now) {
        if (queue.estimatedFinish() == null) {
            return "nothing queued";
        }
        Duration left = Duration.between(now, queue.estimatedFinish());
        String in = left.isNegative() ? "any moment" : "in about " + uptime(left.toSeconds());
        return "queue done " + in + " (" + queue.estimates().size() + " queued job(s), estimated "
                + Formats.dateTime(queue.estimatedFinish(), ZoneId.systemDefault())
                + (queue.paused() ? ", if the queue resumes now)" : ")");
    }

    static String uptime(long seconds) {
        return Figures.duration((double) seconds);
    }
}
