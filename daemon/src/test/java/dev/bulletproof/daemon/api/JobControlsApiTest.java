package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finished job taken through retry, priority, pause, resume, cancel and delete over HTTP. */
class JobControlsApiTest {

    @TempDir
    Path root;

    @Test
    void finishedJobCanBeRetriedReprioritisedHeldCancelledAndDeleted() {
        try (ApiFixture api = ApiFixture.started(root)) {
            api.drop("clip.mov", 1);
            api.awaitAllFinished(1);
            String id = ApiFixture.json(api.get("/api/jobs")).get(0).get("id").asText();
            api.post("/api/queue/pause", "");

            JsonNode retried = ApiFixture.json(api.post("/api/jobs/" + id + "/retry", ""));
            JsonNode prioritised = ApiFixture.json(api.post("/api/jobs/" + id + "/priority", "{\"priority\": 7}"));
            JsonNode held = ApiFixture.json(api.post("/api/jobs/" + id + "/pause", ""));
            JsonNode released = ApiFixture.json(api.post("/api/jobs/" + id + "/resume", ""));
            JsonNode cancelled = ApiFixture.json(api.post("/api/jobs/" + id + "/cancel", ""));
            HttpResponse<String> cancelledAgain = api.post("/api/jobs/" + id + "/cancel", "");
            HttpResponse<String> deleted = api.delete("/api/jobs/" + id);

            assertThat(retried.get("status").asText()).isEqualTo("queued");
            assertThat(retried.get("progress").asDouble()).isZero();
            assertThat(prioritised.get("priority").asInt()).isEqualTo(7);
            assertThat(held.get("status").asText()).isEqualTo("paused");
            assertThat(released.get("status").asText()).isEqualTo("queued");
            assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
            assertThat(cancelledAgain.statusCode()).isEqualTo(409);
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(api.get("/api/jobs/" + id).statusCode()).isEqualTo(404);
            assertThat(api.get("/api/jobs").headers().firstValue("X-Total-Count"))
                    .hasValue("0");
            assertThat(root.resolve("in/clip.mov"))
                    .as("deleting a job never touches its files")
                    .exists();
        }
    }
}
