package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.config.PipelineSettings;
import dev.bulletproof.daemon.db.DatabaseException;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.db.SqliteDatabaseFixture;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.model.JobStatus;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake on a real SQLite store, with the database made to fail chosen calls (a restart, a fail-over):
 * a file the watcher reported once is never lost and never left waiting.
 */
class FileIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path root;

    private SqlDatabase database;
    private JdbcJobRepository store;
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private PipelineSettings settings;
    private Path folder;
    private FileIntake intake;

    @BeforeEach
    void open() throws Exception {
        database = SqliteDatabaseFixture.in(root).open();
        store = new JdbcJobRepository(database, Clock.systemUTC());
        DaemonConfig config = DaemonConfig.defaults(root);
        settings = PipelineSettings.of(config, Clock.systemUTC());
        folder = config.folders().getFirst().path();
        Files.createDirectories(folder);
        intake = new FileIntake(flaky(store), folder, () -> settings, new EventBus(), () -> {});
    }

    @AfterEach
    void close() {
        intake.close();
        database.close();
    }

    @Test
    void a_file_that_settled_is_queued_once_when_marking_it_ready_fails_for_a_while() throws Exception {
        Path clip = clip("settled then ready.mov");
        intake.start();
        intake.settling(clip, Files.size(clip), Duration.ZERO, "settling");
        awaitJobs(1, JobStatus.WAITING);

        failuresLeft.put("markReady", new AtomicInteger(2));
        intake.stable(clip, Files.size(clip), Files.getLastModifiedTime(clip));

        Job job = awaitJobs(1, JobStatus.QUEUED).getFirst();
        assertThat(job.inputPath()).isEqualTo(clip.toString());
        assertThat(failuresLeft.get("markReady").get())
                .as("both failures were hit")
                .isZero();
    }

    @Test
    void a_file_is_registered_when_the_database_comes_back() throws Exception {
        Path clip = clip("while the database restarts.mov");
        failuresLeft.put("registerFiles", new AtomicInteger(3));
        intake.start();
        intake.stable(clip, Files.size(clip), Files.getLastModifiedTime(clip));

        awaitJobs(1, JobStatus.QUEUED);
        assertThat(failuresLeft.get("registerFiles").get()).isZero();
    }

    @Test
    void a_waiting_job_this_intake_never_saw_is_queued_when_its_file_is_complete() throws Exception {
        Path clip = clip("found by another node.mov");
        FileTime mtime = Files.getLastModifiedTime(clip);
        // Another node watching the same share registered it while it settled, then died.
        store.registerFile(NewFile.settling(clip.toString(), Files.size(clip), mtime.toMillis(), "settling")
                .in(folder.toString()));
        intake.start();
        intake.stable(clip, Files.size(clip), mtime);

        Job job = awaitJobs(1, JobStatus.QUEUED).getFirst();
        assertThat(job.outputPath()).isNotBlank();
    }

    @Test
    void a_vanished_file_fails_its_waiting_job_even_when_the_first_try_fails() throws Exception {
        Path clip = clip("deleted mid-copy.mov");
        intake.start();
        intake.settling(clip, Files.size(clip), Duration.ZERO, "settling");
        awaitJobs(1, JobStatus.WAITING);

        failuresLeft.put("markFailed", new AtomicInteger(1));
        Files.delete(clip);
        intake.vanished(clip);

        awaitJobs(1, JobStatus.FAILED);
    }

    private Path clip(String name) throws Exception {
        return Files.write(folder.resolve(name), new byte[4096]);
    }

    private List<Job> awaitJobs(int count, JobStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Job> jobs = store.list(JobFilter.all());
        while (System.nanoTime() < deadline) {
            jobs = store.list(JobFilter.all());
            if (jobs.size() == count && jobs.stream().allMatch(job -> job.status() == status)) {
                return jobs;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("expected " + count + " job(s) " + status + ", found " + jobs);
    }

    /** The store, with the next calls of a named method failing as an unreachable database does. */
    private JobRepository flaky(JobRepository real) {
        InvocationHandler handler = (proxy, method, args) -> {
            AtomicInteger left = failuresLeft.get(method.getName());
            if (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new DatabaseException("cannot reach database (injected)", null);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (JobRepository) Proxy.newProxyInstance(
                JobRepository.class.getClassLoader(), new Class<?>[] {JobRepository.class}, handler);
    }
}
