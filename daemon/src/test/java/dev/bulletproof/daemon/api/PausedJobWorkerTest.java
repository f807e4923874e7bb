package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.testing.TestClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paused job gives its worker to the queue: with one worker, the job queued behind a paused encode
 * runs to the end while the paused one stays suspended, and the paused one then resumes and completes.
 * Real daemon, real HTTP, real ffmpeg.
 */
class PausedJobWorkerTest {

    @TempDir
    Path root;

    @Test
    void theJobQueuedBehindAPausedOneRunsOnItsWorkerAndThePausedOneCompletesAfterResume() throws Exception {
        try (ApiFixture api = new ApiFixture(root, 1, "").start()) {
            // Long enough (ProRes of 720p) that the pause lands in the middle of the encode.
            String first = enqueue(api, TestClips.hd(api.staging, "long.mov", 8));
            awaitJob(
                    api,
                    first,
                    job -> job.get("status").asText().equals("processing")
                            && job.get("progress").asDouble() > 0);
            String second = enqueue(api, TestClips.videoWithAudio(api.staging, "short.mov", 1));
            assertThat(job(api, second).get("status").asText()).isEqualTo("queued");

            JsonNode paused = ApiFixture.json(api.post("/api/jobs/" + first + "/pause", ""));

            assertThat(paused.get("status").asText()).isEqualTo("paused");
            JsonNode secondDone =
                    awaitJob(api, second, job -> job.get("status").asText().equals("completed"));
            JsonNode firstMeanwhile = job(api, first);
            assertThat(firstMeanwhile.get("status").asText()).isEqualTo("paused");
            assertThat(firstMeanwhile.get("fps").isNull()).isTrue();
            assertThat(firstMeanwhile.get("speed").isNull()).isTrue();
            assertThat(firstMeanwhile.get("eta_seconds").isNull()).isTrue();
            double progressWhilePaused = firstMeanwhile.get("progress").asDouble();
            assertThat(progressWhilePaused).isBetween(0.0, 1.0).isLessThan(1.0);
            assertThat(ApiFixture.json(api.get("/api/queue")).get("running").asInt())
                    .as("a paused job holds no worker")
                    .isZero();
            assertThat(busyWorkersMetric(api)).isZero();
            Thread.sleep(500); // a suspended encode makes no progress
            assertThat(job(api, first).get("progress").asDouble()).isEqualTo(progressWhilePaused);

            JsonNode resumed = ApiFixture.json(api.post("/api/jobs/" + first + "/resume", ""));

            assertThat(resumed.get("status").asText()).isEqualTo("processing");
            assertThat(ApiFixture.json(api.get("/api/queue")).get("running").asInt())
                    .isEqualTo(1);
            JsonNode firstDone =
                    awaitJob(api, first, job -> job.get("status").asText().equals("completed"));
            for (JsonNode done : new JsonNode[] {firstDone, secondDone}) {
                assertThat(done.get("verified").asBoolean()).as(done.toString()).isTrue();
                Path output = Path.of(done.get("output_path").asText());
                assertThat(output).exists();
                assertThat(Files.size(output)).isPositive();
            }
            assertThat(firstDone.get("duration").asDouble()).isCloseTo(8.0, within(0.2));
            assertThat(firstDone.get("attempts").asInt())
                    .as("resumed, not restarted")
                    .isEqualTo(1);
        }
    }

    private static String enqueue(ApiFixture api, Path clip) {
        var created = api.post("/api/jobs", "{\"path\": \"" + clip + "\", \"profile\": \"live-qlab\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiFixture.json(created).get("id").asText();
    }

    private static JsonNode job(ApiFixture api, String id) {
        return ApiFixture.json(api.get("/api/jobs/" + id));
    }

    private static JsonNode awaitJob(ApiFixture api, String id, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        ApiFixture.await("job " + id + " to match", ApiFixture.ENCODES, () -> {
            last[0] = job(api, id);
            return condition.test(last[0]);
        });
        return last[0];
    }

    private static double busyWorkersMetric(ApiFixture api) {
        return api.get("/metrics")
                .body()
                .lines()
                .filter(line -> line.startsWith("bulletproof_workers_busy "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
    }
}
