package dev.bulletproof.desktop.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.desktop.jobs.JobsViewModel;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.WebhookDeliveryModel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The webhooks screen's rows, outcome texts and the answer to "Send test event". */
class WebhooksViewModelTest {

    private static final Instant AT = Instant.parse("2026-12-02T03:00:01Z");
    private final BackgroundCalls calls = new BackgroundCalls(Runnable::run);
    private final WebhooksViewModel model = new WebhooksViewModel(() -> null, calls, ZoneOffset.UTC);

    @AfterEach
    void close() {
        calls.close();
    }

    private static WebhookDeliveryModel delivery(String status, int attempts, Integer code, String error) {
        return new WebhookDeliveryModel(
                "d-1",
                "https://chat.example/hooks/cues",
                "job.completed",
                "42",
                status,
                attempts,
                code,
                error,
                AT,
                AT,
                null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            delivered | 3  | 200  | null               | delivered (HTTP 200, 3 attempts)
            delivered | 1  | 204  | null               | delivered (HTTP 204, attempt 1)
            pending   | 0  | null | null               | waiting to be sent
            pending   | 1  | 500  | HTTP 500           | retrying: HTTP 500 (attempt 1)
            failed    | 10 | null | connection refused | gave up after 10 attempts: connection refused
            """)
    void theOutcomeSaysHowTheDeliveryWent(String status, int attempts, Integer code, String error, String expected) {
        assertThat(WebhooksViewModel.outcome(delivery(status, attempts, code, error)))
                .isEqualTo(expected);
    }

    @Test
    void rowsShowTheEventWithItsJobAndTheEndpointAsTheDaemonShowsIt() {
        model.messageProperty().set("the daemon could not be reached");

        model.show(List.of(delivery("pending", 2, 500, "HTTP 500")));

        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.event()).isEqualTo("job.completed · job 42");
            assertThat(row.endpoint()).isEqualTo("https://chat.example/hooks/cues");
            assertThat(row.outcome()).isEqualTo("retrying: HTTP 500 (2 attempts)");
            assertThat(row.status()).isEqualTo("pending");
            assertThat(row.changed()).isNotBlank();
        });
        assertThat(model.messageProperty().get())
                .as("a successful load clears the old error")
                .isEmpty();
    }

    @Test
    void aTestEventSaysHowManyEndpointsGotItOrThatNoneIsSet() {
        model.testQueued(List.of(delivery("pending", 0, null, null), delivery("pending", 0, null, null)));
        assertThat(model.noteProperty().get()).isEqualTo("Test event queued for 2 endpoint(s).");

        model.testQueued(List.of());
        assertThat(model.noteProperty().get()).isEqualTo("No webhooks are set in the daemon's config file.");
    }

    @Test
    void aJobHeldByTheDiskGuardSaysWhyInItsStatusLine() {
        JobModel held = new JobModel(
                "7",
                "cue.mov",
                JobStatus.QUEUED,
                0,
                null,
                null,
                null,
                "live-qlab",
                10.0,
                null,
                null,
                "/in/cue.mov",
                "/out/cue.mov",
                0,
                0,
                AT,
                null,
                null,
                null,
                null,
                null,
                "waiting for disk space: 3.1 GB free, needs ~4.2 GB",
                List.of());

        assertThat(JobsViewModel.statusLine(held))
                .isEqualTo("Queued – waiting for disk space: 3.1 GB free, needs ~4.2 GB");
    }
}
