package dev.bulletproof.desktop.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.desktop.testing.DaemonProcess;
import dev.bulletproof.desktop.testing.TestClips;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jobs list is loaded a page at a time from a real daemon, older jobs after newer, none twice. */
class JobsPagingTest {

    private static final int JOBS = JobsViewModel.PAGE_SIZE + 30;

    @TempDir
    Path root;

    @Test
    void theFirstPageHoldsTheNewestJobsAndLoadingMoreAddsTheRestOnce() throws Exception {
        // A paused queue keeps the jobs queued, so nothing is transcoded.
        try (DaemonProcess daemon = new DaemonProcess(root, List.of("--paused"));
                BackgroundCalls calls = new BackgroundCalls(Runnable::run)) {
            BulletproofClient rest = daemon.client();
            Path clip = TestClips.small(daemon.staging, "loop.mov", 0.5);
            for (int i = 0; i < JOBS; i++) {
                // One distinct file per job: the daemon keeps one job per file. The queue stays paused, so
                // the padding after the clip's data is never transcoded.
                Path copy = java.nio.file.Files.copy(clip, daemon.staging.resolve("loop-" + i + ".mov"));
                java.nio.file.Files.write(copy, new byte[i + 1], java.nio.file.StandardOpenOption.APPEND);
                rest.enqueue(copy.toString(), "live-qlab");
            }
            JobsViewModel model = new JobsViewModel(() -> rest, calls);

            model.refresh();
            Await.until(
                    "the first page",
                    Duration.ofSeconds(30),
                    () -> !model.loadingProperty().get() && model.jobs().size() == JobsViewModel.PAGE_SIZE);
            assertThat(model.totalProperty().get()).isEqualTo(JOBS);
            assertThat(model.hasMore()).isTrue();

            model.loadMore();
            Await.until(
                    "the second page",
                    Duration.ofSeconds(30),
                    () -> model.jobs().size() == JOBS);

            List<Long> ids =
                    model.jobs().stream().map(JobModel::id).map(Long::valueOf).toList();
            assertThat(new HashSet<>(ids)).hasSize(JOBS);
            assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(model.hasMore()).isFalse();
        }
    }
}
