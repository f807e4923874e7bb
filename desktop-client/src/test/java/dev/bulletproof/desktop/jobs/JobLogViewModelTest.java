package dev.bulletproof.desktop.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.desktop.BackgroundCalls;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Searching the log, without a daemon and without a stage. */
class JobLogViewModelTest {

    private final BackgroundCalls calls = new BackgroundCalls(Runnable::run);
    private final JobLogViewModel log = new JobLogViewModel(() -> null, calls);

    @AfterEach
    void close() {
        calls.close();
    }

    @Test
    void matchesIgnoreCaseAndAreCountedAsTheSearchIsTyped() {
        log.lines().setAll(List.of("Input #0, mov", "  Stream #0:0: Video: h264", "  Stream #0:1: Audio: aac", "done"));

        log.searchProperty().set(" stream # ");

        assertThat(log.matchesProperty().get()).isEqualTo(2);
        assertThat(log.matches("  STREAM #0:0")).isTrue();
        assertThat(log.shown())
                .as("every line stays listed until asked otherwise")
                .hasSize(4);
    }

    @Test
    void onlyMatchingLinesAreListedWhenAskedAndAllOfThemWithoutASearch() {
        log.lines().setAll(List.of("a", "frame=1 error", "b", "frame=2 Error"));
        log.onlyMatchingProperty().set(true);

        assertThat(log.shown()).as("no search: nothing to narrow by").hasSize(4);
        log.searchProperty().set("error");
        assertThat(log.shown()).containsExactly("frame=1 error", "frame=2 Error");
    }

    @Test
    void theNextMatchWrapsAroundAndIsNoneWithoutAMatch() {
        log.lines().setAll(List.of("x", "hit", "y", "hit again"));
        log.searchProperty().set("hit");

        assertThat(log.nextMatch(-1)).isEqualTo(1);
        assertThat(log.nextMatch(1)).isEqualTo(3);
        assertThat(log.nextMatch(3)).isEqualTo(1);
        log.searchProperty().set("nowhere");
        assertThat(log.nextMatch(0)).isEqualTo(-1);
    }

    @Test
    void aSavedLogIsNamedAsTheDaemonNamesADownload() {
        assertThat(log.suggestedFileName()).isEqualTo("bulletproof-job-log.log");
    }
}
