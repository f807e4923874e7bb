package dev.bulletproof.daemon.jobs.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.Registration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two daemons on one PostgreSQL database, each with its own connection pool, writing at the same moment.
 * SQLite serialises every writer with its one write lock; on PostgreSQL the claim's row locks and the
 * registration's lock on the file's path must give the same outcome.
 */
class PostgresConcurrentWritersTest {

    private static final int JOBS = 60;

    private final Clock clock = Clock.systemUTC();
    private final List<SqlDatabase> opened = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private JdbcJobRepository first;
    private JdbcJobRepository second;

    @BeforeEach
    void openTwoDaemons() {
        PostgresDatabaseFixture fixture = PostgresDatabaseFixture.create();
        first = new JdbcJobRepository(opened(fixture.open()), clock);
        second = new JdbcJobRepository(opened(fixture.open()), clock);
    }

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        opened.forEach(SqlDatabase::close);
    }

    private SqlDatabase opened(SqlDatabase database) {
        opened.add(database);
        return database;
    }

    @Test
    void two_claimers_never_get_the_same_job() throws Exception {
        for (int i = 0; i < JOBS; i++) {
            first.registerFile(ready("/watch/clip-" + i + ".mov"));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        Future<List<Long>> byFirst = threads.submit(claimAll(first, start));
        Future<List<Long>> bySecond = threads.submit(claimAll(second, start));

        List<Long> claimedByFirst = byFirst.get(60, TimeUnit.SECONDS);
        List<Long> claimedBySecond = bySecond.get(60, TimeUnit.SECONDS);

        assertThat(claimedByFirst).doesNotContainAnyElementsOf(claimedBySecond);
        List<Long> all = new ArrayList<>(claimedByFirst);
        all.addAll(claimedBySecond);
        assertThat(all).doesNotHaveDuplicates().hasSize(JOBS);
        assertThat(claimedByFirst).as("both claimers took part").isNotEmpty();
        assertThat(claimedBySecond).as("both claimers took part").isNotEmpty();
    }

    @Test
    void two_daemons_finding_the_same_files_at_once_register_each_once() throws Exception {
        List<NewFile> files = IntStream.range(0, JOBS)
                .mapToObj(i -> ready("/watch/shared-" + i + ".mov"))
                .toList();
        CyclicBarrier start = new CyclicBarrier(2);
        Future<List<Registration>> byFirst = threads.submit(registerOneByOne(first, files, start));
        Future<List<Registration>> bySecond = threads.submit(registerOneByOne(second, files, start));

        List<Registration> registeredByFirst = byFirst.get(60, TimeUnit.SECONDS);
        List<Registration> registeredBySecond = bySecond.get(60, TimeUnit.SECONDS);

        for (int i = 0; i < JOBS; i++) {
            Registration one = registeredByFirst.get(i);
            Registration other = registeredBySecond.get(i);
            assertThat(one.job().id())
                    .as("file %d is one job", i)
                    .isEqualTo(other.job().id());
            assertThat(one.created() ^ other.created())
                    .as("exactly one daemon created the job of file %d", i)
                    .isTrue();
        }
        assertThat(first.count(JobFilter.all())).isEqualTo(JOBS);
    }

    @Test
    void two_daemons_registering_the_same_batch_in_opposite_orders_do_not_deadlock() throws Exception {
        // Each registration locks its file's path until the batch commits: two nodes that found one share's
        // files in different orders must still take those locks in one order.
        for (int round = 0; round < 5; round++) {
            String folder = "/watch/batch-" + round + "/";
            List<NewFile> files = IntStream.range(0, JOBS)
                    .mapToObj(i -> ready(folder + "clip-" + i + ".mov"))
                    .toList();
            List<NewFile> reversed = files.reversed();
            CyclicBarrier start = new CyclicBarrier(2);
            Future<List<Registration>> byFirst = threads.submit(() -> {
                start.await();
                return first.registerFiles(files);
            });
            Future<List<Registration>> bySecond = threads.submit(() -> {
                start.await();
                return second.registerFiles(reversed);
            });

            List<Registration> registeredByFirst = byFirst.get(60, TimeUnit.SECONDS);
            List<Registration> registeredBySecond = bySecond.get(60, TimeUnit.SECONDS);
            for (int i = 0; i < JOBS; i++) {
                assertThat(registeredByFirst.get(i).job().inputPath())
                        .as("registrations come back in the order of the files given")
                        .isEqualTo(files.get(i).inputPath());
                assertThat(registeredBySecond.get(JOBS - 1 - i).job().id())
                        .isEqualTo(registeredByFirst.get(i).job().id());
            }
        }
        assertThat(first.count(JobFilter.all())).isEqualTo(5L * JOBS);
    }

    private static Callable<List<Long>> claimAll(JdbcJobRepository jobs, CyclicBarrier start) {
        return () -> {
            start.await();
            List<Long> claimed = new ArrayList<>();
            Optional<Job> next;
            while ((next = jobs.claimNext(Instant.now())).isPresent()) {
                claimed.add(next.get().id());
            }
            return claimed;
        };
    }

    private static Callable<List<Registration>> registerOneByOne(
            JdbcJobRepository jobs, List<NewFile> files, CyclicBarrier start) {
        return () -> {
            start.await();
            return files.stream().map(jobs::registerFile).toList();
        };
    }

    private static NewFile ready(String path) {
        return NewFile.ready(path, 1000, 42, JobPlan.of("live-qlab", path + ".out.mov", 0));
    }
}
