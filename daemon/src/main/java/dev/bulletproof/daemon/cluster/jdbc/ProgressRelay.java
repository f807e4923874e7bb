package dev.bulletproof.daemon.cluster.jdbc;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.jobs.JobQueries;
import dev.bulletproof.daemon.jobs.LiveProgress;
import dev.bulletproof.daemon.jobs.LiveProgressBoard;
import dev.bulletproof.model.JobStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Live progress across the cluster: every node's dashboard shows the percentage, fps, speed and ETA of
 * jobs running on other nodes, as it does for its own.
 *
 * <p>Progress is ephemeral, so it travels by PostgreSQL NOTIFY on the {@value #CHANNEL} channel and is
 * never written to a table: each node sends the latest tick of each of its runs at most every
 * {@link #SEND_INTERVAL}, in one notification, and every node LISTENs on a connection of its own. A node
 * records what it receives on its progress board and publishes it as a progress event, so the job lists,
 * the job detail and the WebSocket feed show it. A tick is only taken for a job that is processing under
 * the same lease on the same node as the database says: a node that lost its lease (frozen, partitioned)
 * cannot make another node's dashboard show its stale run. A lost notification costs one tick; a dead
 * node's ticks fade after {@link LiveProgressBoard#REMOTE_TICK_LIFETIME}.
 *
 * <p>The payload is plain text, one tick per line: {@code node job lease fraction fps speed eta elapsed},
 * with {@code -} for an unknown figure; anything else in a notification is ignored.
 */
public final class ProgressRelay implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ProgressRelay.class.getName());
    static final String CHANNEL = "bulletproof_progress";
    static final Duration SEND_INTERVAL = Duration.ofMillis(500);
    /** PostgreSQL refuses payloads of 8,000 bytes or more; ticks are split over several notifications. */
    static final int MAX_PAYLOAD = 7_000;

    private static final Duration LISTEN_WAIT = Duration.ofSeconds(1);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(2);
    /** A remote job's snapshot is read again after this long, so a status change shows up in its events. */
    private static final Duration SNAPSHOT_LIFETIME = Duration.ofSeconds(5);

    /** One tick as it travels between nodes. */
    record Tick(String nodeId, long lease, LiveProgress progress) {}

    private record Snapshot(Job job, long readNanos) {}

    private final ListenSession listen;
    private final SqlDatabase database;
    private final String nodeId;
    private final JobQueries jobs;
    private final LiveProgressBoard board;
    private final EventBus bus;
    /** The latest unsent tick of each of this node's runs. */
    private final Map<Long, Tick> unsent = new ConcurrentHashMap<>();
    /** Only touched by the listening thread. */
    private final Map<Long, Snapshot> remoteJobs = new LinkedHashMap<>();

    private AutoCloseable subscription;
    private BackgroundLoop sending;
    private BackgroundLoop listening;

    public ProgressRelay(
            Supplier<Connection> connections,
            SqlDatabase database,
            String nodeId,
            JobQueries jobs,
            LiveProgressBoard board,
            EventBus bus) {
        this.listen = new ListenSession(connections, CHANNEL);
        this.database = database;
        this.nodeId = Objects.requireNonNull(nodeId);
        this.jobs = jobs;
        this.board = board;
        this.bus = bus;
    }

    public void start() {
        // Progress events come from the encoders' threads: only note the latest tick here.
        subscription = bus.subscribe(JobEvent.Progress.class, event -> {
            Job job = event.job();
            if (job != null && nodeId.equals(job.nodeId())) { // this node's run, not a relayed tick
                unsent.put(job.id(), new Tick(nodeId, job.lease(), event.progress()));
            }
        });
        sending = BackgroundLoop.start("bulletproof-progress-send", () -> {
            TimeUnit.MILLISECONDS.sleep(SEND_INTERVAL.toMillis());
            sendUnsent();
        });
        listening = BackgroundLoop.start("bulletproof-progress-listen", this::listenOnce);
    }

    private void sendUnsent() {
        if (unsent.isEmpty()) {
            return;
        }
        List<Tick> ticks = new ArrayList<>();
        for (Long id : List.copyOf(unsent.keySet())) {
            Tick tick = unsent.remove(id);
            if (tick != null) {
                ticks.add(tick);
            }
        }
        for (String payload : payloads(ticks)) {
            database.queryOne("SELECT pg_notify(?, ?)", row -> true, CHANNEL, payload);
        }
    }

    private void listenOnce() throws InterruptedException {
        try {
            for (String payload : listen.await(LISTEN_WAIT)) {
                parse(payload).forEach(this::received);
            }
            forgetOldSnapshots();
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "progress relay: " + e.getMessage());
            TimeUnit.MILLISECONDS.sleep(RECONNECT_PAUSE.toMillis());
        }
    }

    private void received(Tick tick) {
        if (tick.nodeId().equals(nodeId)) {
            return; // our own notification, echoed back
        }
        Optional<Job> job = snapshotOf(tick);
        if (job.isEmpty()) {
            return;
        }
        board.recordRemote(tick.progress());
        bus.publish(new JobEvent.Progress(job.get(), tick.progress()));
    }

    /** The job as the database has it, if it is processing on the tick's node under the tick's lease. */
    private Optional<Job> snapshotOf(Tick tick) {
        long id = tick.progress().jobId();
        Snapshot known = remoteJobs.get(id);
        if (known == null
                || known.job().lease() != tick.lease()
                || System.nanoTime() - known.readNanos() > SNAPSHOT_LIFETIME.toNanos()) {
            try {
                known = new Snapshot(jobs.get(id), System.nanoTime());
            } catch (BulletproofException e) {
                remoteJobs.remove(id); // deleted meanwhile
                return Optional.empty();
            }
            remoteJobs.put(id, known);
        }
        Job job = known.job();
        boolean current = job.status() == JobStatus.PROCESSING
                && job.lease() == tick.lease()
                && tick.nodeId().equals(job.nodeId());
        return current ? Optional.of(job) : Optional.empty();
    }

    private void forgetOldSnapshots() {
        long now = System.nanoTime();
        remoteJobs.values().removeIf(s -> now - s.readNanos() > 6 * SNAPSHOT_LIFETIME.toNanos());
    }

    /** The ticks as notification payloads, each under {@link #MAX_PAYLOAD} bytes. */
    static List<String> payloads(List<Tick> ticks) {
        List<String> payloads = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Tick tick : ticks) {
            String line = line(tick);
            if (!current.isEmpty() && current.length() + line.length() + 1 > MAX_PAYLOAD) {
                payloads.add(current.toString());
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append('\n');
            }
            current.append(line);
        }
        if (!current.isEmpty()) {
            payloads.add(current.toString());
        }
        return payloads;
    }

    private static String line(Tick tick) {
        LiveProgress p = tick.progress();
        return String.join(
                " ",
                tick.nodeId(),
                Long.toString(p.jobId()),
                Long.toString(tick.lease()),
                figure(p.fraction()),
                figure(p.fps()),
                figure(p.speed()),
                figure(p.etaSeconds()),
                figure(p.elapsedSeconds()));
    }

    private static String figure(Double value) {
        return value == null || !Double.isFinite(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** The ticks in a payload; a line that is not one is skipped. */
    static List<Tick> parse(String payload) {
        List<Tick> ticks = new ArrayList<>();
        if (payload == null) {
            return ticks;
        }
        for (String line : payload.split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length != 8 || f[0].isEmpty()) {
                continue;
            }
            try {
                Double fraction = number(f[3]);
                Double elapsed = number(f[7]);
                ticks.add(new Tick(
                        f[0],
                        Long.parseLong(f[2]),
                        new LiveProgress(
                                Long.parseLong(f[1]),
                                fraction == null ? 0 : Math.clamp(fraction, 0.0, 1.0),
                                number(f[4]),
                                number(f[5]),
                                number(f[6]),
                                elapsed == null ? 0 : elapsed)));
            } catch (NumberFormatException e) {
                // not a tick of ours; ignored
            }
        }
        return ticks;
    }

    private static Double number(String text) {
        if (text.equals("-")) {
            return null;
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? value : null;
    }

    @Override
    public void close() {
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception ignored) {
            // the bus is closing too
        }
        if (sending != null) {
            sending.close();
        }
        if (listening != null) {
            listening.close();
        }
        listen.close();
    }
}
