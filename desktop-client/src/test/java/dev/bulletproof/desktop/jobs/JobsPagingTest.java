package dev.bulletproof.desktop.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.desktop.testing.DaemonProcess;
import dev.bulletproof.desktop.testing.TestClips;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jobs list is loaded a page at a time from a real daemon, in the daemon's order, none twice. */
class JobsPagingTest {

    private static final int JOBS = JobsViewModel.PAGE_SIZE + 30;

    @TempDir
    static Path root;

    private static DaemonProcess daemon;
    private static BulletproofClient rest;
    private final BackgroundCalls calls = new BackgroundCalls(Runnable::run);

    @BeforeAll
    static void start() throws Exception {
        // A paused queue keeps the jobs queued, so nothing is transcoded.
        daemon = new DaemonProcess(root, List.of("--paused"));
        rest = daemon.client();
        Path clip = TestClips.small(daemon.staging, "loop.mov", 0.5);
        for (int i = 0; i < JOBS; i++) {
            // One distinct file per job: the daemon keeps one job per file. The queue stays paused, so the
            // padding after the clip's data is never transcoded. The oldest jobs get the first names, so
            // sorting by name brings jobs to the top that the newest-first first page does not hold.
            Path copy = Files.copy(clip, daemon.staging.resolve("loop-%03d.mov".formatted(i)));
            Files.write(copy, new byte[i + 1], StandardOpenOption.APPEND);
            rest.enqueue(copy.toString(), "live-qlab");
        }
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @AfterEach
    void closeCalls() {
        calls.close();
    }

    @Test
    void theFirstPageHoldsTheNewestJobsAndLoadingMoreAddsTheRestOnce() {
        JobsViewModel model = new JobsViewModel(() -> rest, calls);

        model.refresh();
        awaitFirstPage(model);
        assertThat(model.totalProperty().get()).isEqualTo(JOBS);
        assertThat(model.hasMore()).isTrue();

        model.loadMore();
        Await.until(
                "the second page", Duration.ofSeconds(30), () -> model.jobs().size() == JOBS);

        List<Long> ids =
                model.jobs().stream().map(JobModel::id).map(Long::valueOf).toList();
        assertThat(new HashSet<>(ids)).hasSize(JOBS);
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(model.hasMore()).isFalse();
    }

    @Test
    void aSortByNameOrdersEveryPageNotOnlyTheRowsAlreadyLoaded() {
        JobsViewModel model = new JobsViewModel(() -> rest, calls);
        model.refresh();
        awaitFirstPage(model);
        assertThat(model.jobs()).extracting(JobModel::filename).doesNotContain("loop-000.mov");

        model.sortProperty().set(new JobsSort(JobsSort.Key.FILENAME, false));
        Await.until(
                "the first page by name",
                Duration.ofSeconds(30),
                () -> !model.loadingProperty().get()
                        && model.jobs().size() == JobsViewModel.PAGE_SIZE
                        && model.jobs().getFirst().filename().equals("loop-000.mov"));
        assertThat(model.jobs()).hasSize(JobsViewModel.PAGE_SIZE);
        model.loadMore();
        Await.until(
                "every page by name", Duration.ofSeconds(30), () -> model.jobs().size() == JOBS);
        List<String> names = model.jobs().stream().map(JobModel::filename).toList();
        assertThat(new HashSet<>(names)).hasSize(JOBS);
        assertThat(names).isSortedAccordingTo(Comparator.naturalOrder());

        model.sortProperty().set(new JobsSort(JobsSort.Key.FILENAME, true));
        Await.until(
                "the first page by name, backwards",
                Duration.ofSeconds(30),
                () -> !model.loadingProperty().get()
                        && model.jobs().size() == JobsViewModel.PAGE_SIZE
                        && model.jobs().getFirst().filename().equals("loop-%03d.mov".formatted(JOBS - 1)));
        model.loadMore();
        Await.until(
                "every page backwards",
                Duration.ofSeconds(30),
                () -> model.jobs().size() == JOBS);
        assertThat(model.jobs().getLast().filename()).isEqualTo("loop-000.mov");
    }

    private static void awaitFirstPage(JobsViewModel model) {
        Await.until(
                "the first page",
                Duration.ofSeconds(30),
                () -> !model.loadingProperty().get() && model.jobs().size() == JobsViewModel.PAGE_SIZE);
    }
}
