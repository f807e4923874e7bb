package dev.bulletproof.daemon.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Migrations;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishingJobRepositoryTest {

    @TempDir
    Path folder;

    private final EventBus bus = new EventBus();
    private final List<JobEvent> published = new CopyOnWriteArrayList<>();
    private Database database;
    private JobRepository jobs;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("bulletproof.db"));
        Migrations.fromClasspath().apply(database);
        jobs = new PublishingJobRepository(
                new JdbcJobRepository(database, MutableClock.at("2026-03-01T10:00:00Z")), bus);
        bus.subscribe(JobEvent.class, published::add);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aNewJobIsAnnouncedButAFileAlreadyKnownIsNot() {
        Job job = jobs.registerFile(NewFile.settling("/in/a.mov", 1, 1, "settling"))
                .job();
        jobs.registerFile(NewFile.settling("/in/a.mov", 1, 1, "settling"));

        assertThat(published).containsExactly(new JobEvent.Changed(job, JobEvent.Change.CREATED));
    }

    @Test
    void everyStateChangeIsAnnouncedWithTheCommittedJob() {
        long id = jobs.registerFile(NewFile.settling("/in/a.mov", 1, 1, "settling"))
                .job()
                .id();
        jobs.markQueued(id, JobPlan.of("p", "/out/a.mov", 0));
        jobs.cancel(id, "cancelled by user");
        jobs.delete(id);

        assertThat(published).hasSize(4).endsWith(new JobEvent.Deleted(id));
        assertThat(published.subList(0, 3))
                .extracting(event -> ((JobEvent.Changed) event).job().status())
                .containsExactly(JobStatus.WAITING, JobStatus.QUEUED, JobStatus.CANCELLED);
    }

    @Test
    void eachChangeSaysWhyItHappenedAndAQueuedJobNamesItsRule() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        long settling = jobs.registerFile(NewFile.settling("/in/a.mov", 1, 1, "settling"))
                .job()
                .id();
        jobs.markQueued(settling, new JobPlan("p", "/out/a.mov", null, 0, null, null, null, "rule 1 (*.mov)", null));
        jobs.registerFile(NewFile.ready(
                "/in/b.mov", 1, 1, new JobPlan("p", "/out/b.mov", null, 0, null, null, null, "rule 2 (b*)", null)));
        long first = jobs.claimNext(now).orElseThrow().id();
        jobs.scheduleRetry(first, now, "retrying in 0 s after: boom (attempt 1 of 2)", "boom", 1.0);
        jobs.claimNext(now);
        jobs.markFailed(first, "boom again", 1.0);
        jobs.retry(first);

        assertThat(published)
                .map(event -> (JobEvent.Changed) event)
                .extracting(JobEvent.Changed::change, JobEvent.Changed::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(JobEvent.Change.CREATED, null),
                        org.assertj.core.groups.Tuple.tuple(JobEvent.Change.QUEUED, "rule 1 (*.mov)"),
                        org.assertj.core.groups.Tuple.tuple(JobEvent.Change.CREATED, "rule 2 (b*)"),
                        org.assertj.core.groups.Tuple.tuple(JobEvent.Change.STARTED, null),
                        org.assertj.core.groups.Tuple.tuple(JobEvent.Change.RETRY_SCHEDULED, null),
                        org.assertj.core.groups.Tuple.tuple(JobEvent.Change.STARTED, null),
                        org.assertj.core.groups.Tuple.tuple(JobEvent.Change.FAILED, null),
                        org.assertj.core.groups.Tuple.tuple(JobEvent.Change.RETRIED, null));
    }

    @Test
    void aRefusedChangeAnnouncesNothing() {
        long id = jobs.registerFile(NewFile.settling("/in/a.mov", 1, 1, "settling"))
                .job()
                .id();
        published.clear();

        assertThatThrownBy(() -> jobs.pause(id)).isInstanceOf(IllegalTransitionException.class);

        assertThat(published).isEmpty();
    }

    /**
     * The watcher commits "queued"; while that event is being delivered, the dispatcher (woken by it)
     * claims the job on its own thread. A later subscriber must still see "queued" before "processing".
     * The first subscriber gives the claiming thread half a second: without commit ordering it finishes
     * and announces "processing" first; with it, it waits for the delivery to end.
     */
    @Test
    void aChangeCommittedDuringAnotherChangesDeliveryIsAnnouncedAfterIt() throws Exception {
        long id = jobs.registerFile(NewFile.settling("/in/a.mov", 1, 1, "settling"))
                .job()
                .id();
        Thread[] claimer = new Thread[1];
        bus.subscribe(JobEvent.Changed.class, changed -> {
            if (changed.job().status() == JobStatus.QUEUED && claimer[0] == null) {
                claimer[0] = Thread.ofPlatform().start(() -> jobs.claimNext(Instant.parse("2026-03-01T10:00:00Z")));
                try {
                    claimer[0].join(Duration.ofMillis(500));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        List<JobStatus> seenByALaterSubscriber = new CopyOnWriteArrayList<>();
        bus.subscribe(
                JobEvent.Changed.class,
                changed -> seenByALaterSubscriber.add(changed.job().status()));

        jobs.markQueued(id, JobPlan.of("p", "/out/a.mov", 0));
        claimer[0].join();

        assertThat(seenByALaterSubscriber).containsExactly(JobStatus.QUEUED, JobStatus.PROCESSING);
    }
}
