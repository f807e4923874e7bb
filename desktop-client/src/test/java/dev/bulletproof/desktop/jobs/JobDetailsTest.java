package dev.bulletproof.desktop.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.desktop.testing.Jobs;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The detail pane's words: the state in plain language, the output only once it exists, the error once. */
class JobDetailsTest {

    private static final String ERROR =
            "ffmpeg exited with 1: /media/in/a-very-long-folder-name/broken.mov: Invalid data";

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            processing | processing, attempt 1                  | Processing – attempt 1
            queued     | queued                                 | Queued
            queued     | queued again: the daemon stopped while it ran | Queued – queued again: the daemon stopped while it ran
            waiting    | null                                   | Waiting
            cancelled  | this exact file was already handled as job 4 | Cancelled – this exact file was already handled as job 4
            """)
    void theStatusLineSaysTheStateOnceInWords(String status, String reason, String expected) {
        assertThat(JobsViewModel.statusLine(job(JobStatus.fromWire(status), null, reason, null)))
                .isEqualTo(expected);
    }

    @Test
    void aFailedJobShowsItsErrorOnceAndNoOutputPath() {
        Map<String, String> rows = rows(job(JobStatus.FAILED, ERROR, ERROR, null));

        assertThat(rows.get("Status")).isEqualTo("Failed");
        assertThat(rows.get("Error")).isEqualTo(ERROR);
        assertThat(rows.values()).filteredOn(ERROR::equals).hasSize(1);
        assertThat(rows.get("Output")).isEqualTo("none: no output was written");
        assertThat(rows.get("Verified")).isEqualTo("no output to check");
    }

    @Test
    void aCompletedJobNamesItsOutputAndWhetherItWasChecked() {
        Map<String, String> rows = rows(job(JobStatus.COMPLETED, null, "completed", true));

        assertThat(rows.get("Output")).isEqualTo("/out/a.mov");
        assertThat(rows.get("Verified")).isEqualTo("yes, output checked");
        assertThat(rows).doesNotContainKey("Error");
    }

    @Test
    void aRunningJobsOutputIsWhereItWillBe() {
        Map<String, String> rows = rows(job(JobStatus.PROCESSING, null, "processing, attempt 2", null));

        assertThat(rows).doesNotContainKey("Output");
        assertThat(rows.get("Output (when done)")).isEqualTo("/out/a.mov");
        assertThat(rows.get("Verified")).isEqualTo("after the output is written");
    }

    @Test
    void theNodeThatRanTheJobIsNamedAndAJobNoNodeStartedSaysSo() {
        JobModel waiting = job(JobStatus.QUEUED, null, "queued", null);
        JobModel ran = onNode(job(JobStatus.COMPLETED, null, "completed", true), "encoder-1");

        assertThat(rows(waiting).get("Node")).isEqualTo("none yet: no node has started it");
        assertThat(rows(ran).get("Node")).isEqualTo("encoder-1");
    }

    private static JobModel onNode(JobModel j, String node) {
        return new JobModel(
                j.id(),
                j.filename(),
                j.status(),
                j.progress(),
                j.startedAt(),
                j.completedAt(),
                j.error(),
                j.profile(),
                j.duration(),
                j.bitrate(),
                j.resolution(),
                j.inputPath(),
                j.outputPath(),
                j.priority(),
                j.attempts(),
                j.createdAt(),
                j.elapsedSeconds(),
                j.fps(),
                j.speed(),
                j.etaSeconds(),
                j.verified(),
                j.statusReason(),
                j.allowedActions(),
                j.inputSize(),
                j.media(),
                j.outputSize(),
                j.compressionRatio(),
                j.thumbnail(),
                node,
                j.watchFolder());
    }

    private static Map<String, String> rows(JobModel job) {
        List<String[]> rows = JobsViewModel.details(job);
        return rows.stream().collect(Collectors.toMap(row -> row[0], row -> row[1], (a, b) -> a + "|" + b));
    }

    private static JobModel job(JobStatus status, String error, String reason, Boolean verified) {
        JobModel base = Jobs.job("5", "a.mov", status, "live-qlab");
        return new JobModel(
                base.id(),
                base.filename(),
                base.status(),
                base.progress(),
                base.startedAt(),
                base.completedAt(),
                error,
                base.profile(),
                base.duration(),
                base.bitrate(),
                base.resolution(),
                base.inputPath(),
                "/out/a.mov",
                base.priority(),
                base.attempts(),
                base.createdAt(),
                base.elapsedSeconds(),
                base.fps(),
                base.speed(),
                base.etaSeconds(),
                verified,
                reason,
                base.allowedActions());
    }
}
