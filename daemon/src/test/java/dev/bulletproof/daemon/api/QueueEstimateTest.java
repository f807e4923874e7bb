package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.jobs.QueueForecast;
import dev.bulletproof.daemon.testing.TestClips;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue's estimates in /api/queue against what really happens, on a real daemon with real encodes:
 * without history a profile is assumed to run in real time; after three jobs of a profile the estimate
 * for a fourth comes within 25 % of the time it really takes.
 */
class QueueEstimateTest {

    private static final double CLIP_SECONDS = 3;

    @TempDir
    Path root;

    @Test
    void afterThreeJobsOfAProfileTheEstimateForAFourthIsWithinAQuarterOfItsActualTime() {
        try (ApiFixture api = new ApiFixture(root, 1, "").start()) {
            api.post("/api/queue/pause", "");
            List<String> history = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                history.add(enqueue(api, TestClips.hd(api.staging, "history-" + i + ".mov", CLIP_SECONDS)));
            }

            JsonNode before = ApiFixture.json(api.get("/api/queue"));

            // No history yet: each job takes its media duration, one after the other on the one worker.
            JsonNode estimates = before.get("estimates");
            assertThat(estimates).hasSize(3);
            for (int i = 0; i < 3; i++) {
                JsonNode estimate = estimates.get(i);
                assertThat(estimate.get("id").asText()).isEqualTo(history.get(i));
                assertThat(seconds(estimate))
                        .isCloseTo(CLIP_SECONDS * QueueForecast.DEFAULT_SECONDS_PER_MEDIA_SECOND, within(0.2));
                if (i > 0) {
                    assertThat(estimate.get("estimated_start").asText())
                            .isEqualTo(
                                    estimates.get(i - 1).get("estimated_finish").asText());
                }
            }
            assertThat(before.get("estimated_finish").asText())
                    .isEqualTo(estimates.get(2).get("estimated_finish").asText());

            api.post("/api/queue/resume", "");
            api.awaitAllFinished(3);
            api.post("/api/queue/pause", "");
            String fourth = enqueue(api, TestClips.hd(api.staging, "fourth.mov", CLIP_SECONDS));
            JsonNode estimate =
                    ApiFixture.json(api.get("/api/queue")).get("estimates").get(0);
            assertThat(estimate.get("id").asText()).isEqualTo(fourth);
            double estimated = seconds(estimate);
            api.post("/api/queue/resume", "");
            api.awaitAllFinished(4);

            JsonNode done = ApiFixture.json(api.get("/api/jobs/" + fourth));
            assertThat(done.get("status").asText()).isEqualTo("completed");
            double actual = Duration.between(
                                    Instant.parse(done.get("started_at").asText()),
                                    Instant.parse(done.get("completed_at").asText()))
                            .toMillis()
                    / 1000.0;
            System.out.printf(
                    "queue estimate for the fourth job: %.2f s, actual %.2f s (%+.1f %%)%n",
                    estimated, actual, 100 * (estimated - actual) / actual);
            assertThat(estimated)
                    .as("estimated %.2f s for an encode that took %.2f s", estimated, actual)
                    .isCloseTo(actual, within(0.25 * actual));
            assertThat(ApiFixture.json(api.get("/api/queue"))
                            .get("estimated_finish")
                            .isNull())
                    .isTrue();
        }
    }

    private static String enqueue(ApiFixture api, Path clip) {
        var created = api.post("/api/jobs", "{\"path\": \"" + clip + "\", \"profile\": \"live-qlab\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiFixture.json(created).get("id").asText();
    }

    private static double seconds(JsonNode estimate) {
        return Duration.between(
                                Instant.parse(estimate.get("estimated_start").asText()),
                                Instant.parse(estimate.get("estimated_finish").asText()))
                        .toMillis()
                / 1000.0;
    }
}
