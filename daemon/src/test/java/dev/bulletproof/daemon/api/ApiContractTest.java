package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.bulletproof.daemon.testing.TestClips;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed's JSON shapes and each endpoint's status codes, as the real daemon serves them. */
class ApiContractTest {

    @TempDir
    static Path root;

    static ApiFixture api;
    static Path input;

    @BeforeAll
    static void startDaemonWithOneFinishedJob() {
        api = ApiFixture.started(root);
        input = api.drop("first clip.mov", 1);
        api.awaitAllFinished(1);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void jobListHasTheSeedFieldsWithTheirJsonTypes() {
        HttpResponse<String> response = api.get("/api/jobs?q=first%20clip&status=completed,failed");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode job = ApiFixture.json(response).get(0);
        assertThat(job.get("id").getNodeType()).isEqualTo(JsonNodeType.STRING);
        assertThat(job.get("filename").asText()).isEqualTo("first clip.mov");
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("progress").isNumber()).isTrue();
        assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(job.get("started_at").isTextual()).isTrue();
        assertThat(job.get("completed_at").isTextual()).isTrue();
        assertThat(job.get("error").isNull()).isTrue();
        assertThat(job.get("profile").asText()).isEqualTo("live-qlab");
        assertThat(job.get("duration").asDouble()).isBetween(0.9, 1.1);
        assertThat(job.get("verified").asBoolean()).isTrue();
        assertThat(job.get("elapsed_seconds").isNumber()).isTrue();
        assertThat(job.get("input_path").asText()).isEqualTo(input.toString());
        assertThat(job.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void statsHaveTheSeedFieldsAsNumbers() {
        HttpResponse<String> response = api.get("/api/stats");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode stats = ApiFixture.json(response);
        for (String field : List.of(
                "total_jobs",
                "successful",
                "failed",
                "avg_duration",
                "in_progress",
                "queued",
                "cancelled",
                "last_24h")) {
            assertThat(stats.get(field)).as(field).isNotNull();
            assertThat(stats.get(field).isNumber()).as(field).isTrue();
        }
        assertThat(stats.get("successful").asLong()).isPositive();
        assertThat(stats.get("total_jobs").asLong())
                .isGreaterThanOrEqualTo(stats.get("successful").asLong());
        assertThat(stats.get("avg_duration").asDouble()).isPositive();
        assertThat(ApiFixture.json(api.get("/api/stats/summary")).properties()).hasSameSizeAs(stats.properties());
    }

    @Test
    void configHasTheSeedKeys() {
        JsonNode config = ApiFixture.json(api.get("/api/config"));

        assertThat(config.get("monitor_folder").asText()).isEqualTo(api.in.toString());
        assertThat(config.get("output_folder").asText()).isEqualTo(api.out.toString());
        assertThat(config.get("max_workers").isInt()).isTrue();
        assertThat(config.get("max_workers").asInt()).isEqualTo(2);
    }

    @Test
    void oneJobAndItsLogAreFoundByIdAndUnknownIdsAre404() {
        String id = ApiFixture.json(api.get("/api/jobs")).get(0).get("id").asText();

        assertThat(ApiFixture.json(api.get("/api/jobs/" + id)).get("id").asText())
                .isEqualTo(id);
        HttpResponse<String> log = api.get("/api/jobs/" + id + "/log?lines=5");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body().split("\n")).hasSizeBetween(1, 5);
        HttpResponse<String> missing = api.get("/api/jobs/999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(ApiFixture.json(missing).get("error").asText()).isEqualTo("job_not_found");
        assertThat(api.get("/api/jobs/not-a-number").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/no-such-endpoint").statusCode()).isEqualTo(404);
    }

    @Test
    void illegalTransitionIs409WithItsReason() {
        String id = ApiFixture.json(api.get("/api/jobs")).get(0).get("id").asText();

        HttpResponse<String> response = api.post("/api/jobs/" + id + "/pause", "{}");

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode error = ApiFixture.json(response);
        assertThat(error.get("error").asText()).isEqualTo("illegal_transition");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("fields").isObject()).isTrue();
    }

    @Test
    void adHocJobIsCreatedQueuedWith201AndTheSameFileTwiceIs409() {
        Path file = TestClips.videoWithAudio(api.staging, "adhoc.mov", 1);
        String body = "{\"path\": \"" + file + "\", \"profile\": \"live-qlab\"}";

        long totalBefore = totalCount();

        HttpResponse<String> created = api.post("/api/jobs", body);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(totalCount()).as("X-Total-Count follows new jobs").isEqualTo(totalBefore + 1);
        JsonNode job = ApiFixture.json(created);
        assertThat(job.get("status").asText()).isIn("queued", "processing", "completed");
        assertThat(job.get("output_path").asText())
                .isEqualTo(api.out.resolve("adhoc__processed__live-qlab.mov").toString());
        assertThat(api.post("/api/jobs", body).statusCode()).isEqualTo(409);
        assertThat(api.post("/api/jobs", "{\"path\": \"" + file + "\", \"profile\": \"nope\"}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(api.post("/api/jobs", "{\"path\": \"/no/such/file.mov\", \"profile\": \"live-qlab\"}")
                        .statusCode())
                .isEqualTo(422);
        api.awaitAllFinished(2);
    }

    @Test
    void missingTokenIs401AndHealthNeedsNone() {
        HttpResponse<String> anonymous =
                api.send(HttpRequest.newBuilder(api.uri("/api/jobs")).build());
        HttpResponse<String> wrong = api.send(HttpRequest.newBuilder(api.uri("/api/jobs"))
                .header("Authorization", "Bearer wrong")
                .build());
        HttpResponse<String> health =
                api.send(HttpRequest.newBuilder(api.uri("/api/health")).build());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(ApiFixture.json(anonymous).get("error").asText()).isEqualTo("unauthorized");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = ApiFixture.json(health);
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("watch_folder_available").asBoolean()).isTrue();
        assertThat(body.get("ffmpeg").get("version").asText()).isNotBlank();
    }

    @Test
    void foreignHostIs403() {
        String response = api.raw("GET /api/jobs HTTP/1.1\r\nHost: evil.example:" + api.server.port()
                + "\r\nAuthorization: Bearer " + api.token + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 403");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String huge = "{\"filename\": \"" + "a".repeat((int) ApiOptions.DEFAULT_MAX_BODY_BYTES) + "\"}";

        HttpResponse<String> response = api.post("/api/rules/test", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ApiFixture.json(response).get("error").asText()).isEqualTo("body_too_large");
    }

    /** Year -999999999 is valid ISO-8601 and used to overflow the epoch milliseconds into a 500. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            /api/stats/history?from=-999999999-01-01T00:00:00Z,                 from
            /api/stats/timeline?from=-999999999-01-01T00:00:00Z,                from
            /api/stats/timeline?to=%2B999999999-12-31T23:59:59Z,                to
            /api/stats/history?to=-999999999-01-01T00:00:00Z&bucket=day,        to
            /api/jobs?limit=99999999999999999999,                               limit
            /api/jobs?before=99999999999999999999,                              before
            /api/jobs?status=done,                                              status
            """)
    void anOutOfRangeParameterIs400NamingIt(String path, String parameter) {
        HttpResponse<String> response = api.get(path);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = ApiFixture.json(response);
        assertThat(error.get("fields").get(parameter).asText()).isNotBlank();
        assertThat(error.get("message").asText()).startsWith(parameter + " ");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            application/x-www-form-urlencoded, a=b
            application/x-www-form-urlencoded, ''
            text/plain,                        ''
            """)
    void nonJsonStateChangeIs415WithOrWithoutABody(String type, String body) {
        HttpResponse<String> response = api.send(api.request("/api/queue/pause")
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(ApiFixture.json(api.get("/api/queue")).get("paused").asBoolean())
                .isFalse();
    }

    @Test
    void invalidConfigIs422WithFields() {
        HttpResponse<String> response = api.post("/api/config", "{\"max_workers\": 0}");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = ApiFixture.json(response);
        assertThat(error.get("error").asText()).isEqualTo("invalid_config");
        assertThat(error.get("fields").has("max_workers")).isTrue();
    }

    /** A misspelt key used to be ignored, so the caller believed it had taken effect. */
    @Test
    void anUnknownKeyInABodyIs422NamingTheKeyMeant() {
        long id = api.jobs().getFirst().id();
        int priorityBefore = api.jobs().getFirst().priority();

        HttpResponse<String> response = api.post("/api/jobs/" + id + "/priority", "{\"priorty\": 5}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(ApiFixture.json(response).get("fields").get("priorty").asText())
                .contains("did you mean 'priority'");
        assertThat(api.jobs().getFirst().priority()).isEqualTo(priorityBefore);
    }

    /** Garbage sent to a request that takes no body is refused, not ignored while the request goes ahead. */
    @Test
    void aBodyForARequestThatTakesNoneIsRefusedAndNothingHappens() {
        HttpResponse<String> withKeys = api.post("/api/queue/pause", "{\"paused\": false}");
        HttpResponse<String> notAnObject = api.post("/api/queue/pause", "[1]");
        HttpResponse<String> empty = api.post("/api/queue/resume", "{}");

        assertThat(withKeys.statusCode()).isEqualTo(422);
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(api.daemon.pool().isQueuePaused()).isFalse();
    }

    @Test
    void aResetSentWithABodyIsRefusedAndTheConfigStaysAsItWas() throws Exception {
        byte[] before = java.nio.file.Files.readAllBytes(api.configFile);
        HttpResponse<String> reset = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/config/reset"))
                .header("Authorization", "Bearer " + api.token)
                .header("Content-Type", "application/json")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{\"max_workers\": 3}"))
                .build());

        assertThat(reset.statusCode()).isEqualTo(422);
        assertThat(java.nio.file.Files.readAllBytes(api.configFile)).isEqualTo(before);
    }

    @Test
    void profilesAndRuleDryRunAnswer() {
        JsonNode profiles = ApiFixture.json(api.get("/api/profiles"));
        JsonNode dryRun = ApiFixture.json(api.post("/api/rules/test", "{\"filename\": \"show.mov\"}"));

        assertThat(profiles.findValuesAsText("name")).contains("live-qlab");
        assertThat(profiles.get(0).get("ffmpeg_args").isArray()).isTrue();
        assertThat(dryRun.get("matched").asBoolean()).isTrue();
        assertThat(dryRun.get("profile").asText()).isEqualTo("live-qlab");
        assertThat(dryRun.get("output").asText()).isEqualTo("show__processed__live-qlab.mov");
        assertThat(dryRun.get("explanation").isArray()).isTrue();
    }

    @Test
    void queuePauseAndResumeShowInQueueState() {
        JsonNode paused = ApiFixture.json(api.post("/api/queue/pause", ""));
        JsonNode resumed = ApiFixture.json(api.post("/api/queue/resume", ""));

        assertThat(paused.get("paused").asBoolean()).isTrue();
        assertThat(resumed.get("paused").asBoolean()).isFalse();
        assertThat(resumed.get("max_workers").asInt()).isEqualTo(2);
        assertThat(resumed.has("running")).isTrue();
    }

    @Test
    void noCorsHeadersEver() {
        HttpResponse<String> response = api.send(
                api.request("/api/jobs").header("Origin", "http://evil.example").build());

        assertThat(response.headers().map().keySet())
                .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    private static long totalCount() {
        return Long.parseLong(api.get("/api/jobs?limit=1")
                .headers()
                .firstValue("X-Total-Count")
                .orElseThrow());
    }

    @Test
    void statsHistoryHasOneBucketPerHourAndTheTimelineOnePointPerFinishedJob() {
        java.time.Instant now = java.time.Instant.now();
        String range = "from=" + now.minus(java.time.Duration.ofHours(3)) + "&to=" + now.plusSeconds(60);

        HttpResponse<String> history = api.get("/api/stats/history?bucket=hour&" + range);
        HttpResponse<String> timeline = api.get("/api/stats/timeline?" + range);

        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        JsonNode buckets = ApiFixture.json(history);
        assertThat(buckets.size()).isBetween(3, 5);
        JsonNode bucket = buckets.get(buckets.size() - 1);
        for (String field :
                List.of("start", "completed", "failed", "avg_processing_seconds", "media_seconds_processed")) {
            assertThat(bucket.has(field)).as(field).isTrue();
        }
        long completed = 0;
        for (JsonNode b : buckets) {
            completed += b.get("completed").asLong();
        }
        assertThat(completed).isPositive();
        assertThat(timeline.statusCode()).isEqualTo(200);
        JsonNode point = ApiFixture.json(timeline).get(0);
        assertThat(point.get("job_id").isNumber()).isTrue();
        assertThat(point.get("status").asText()).isEqualTo("completed");
        assertThat(point.get("processing_seconds").isNumber()).isTrue();
        assertThat(api.get("/api/stats/history?bucket=week").statusCode()).isEqualTo(400);
    }
}
