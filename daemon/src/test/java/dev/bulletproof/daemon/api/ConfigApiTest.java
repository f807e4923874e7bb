package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/config merges, validates, persists and applies live; a bad one changes nothing. */
class ConfigApiTest {

    private static final String RULES = """
            rules:
              - pattern: "*.mov"
                profile: live-qlab
                priority: 5
            """;

    @TempDir
    Path root;

    @Test
    void seedsThreeKeyBodyChangesOnlyThoseKeysAndIsSavedToTheFile() throws Exception {
        try (ApiFixture api = new ApiFixture(root, RULES).start()) {
            Files.createDirectories(root.resolve("in2"));
            Files.createDirectories(root.resolve("out2"));

            HttpResponse<String> response = api.post(
                    "/api/config",
                    "{\"monitor_folder\": \"./in2\", \"output_folder\": \"./out2\", \"max_workers\": 3}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode config = ApiFixture.json(api.get("/api/config"));
            assertThat(config.get("monitor_folder").asText())
                    .isEqualTo(root.resolve("in2").toString());
            assertThat(config.get("output_folder").asText())
                    .isEqualTo(root.resolve("out2").toString());
            assertThat(config.get("max_workers").asInt()).isEqualTo(3);
            assertThat(config.get("stable_seconds").asDouble())
                    .as("untouched key")
                    .isEqualTo(0.5);
            assertThat(config.get("rules").get(0).get("pattern").asText())
                    .as("untouched rules")
                    .isEqualTo("*.mov");
            String yaml = Files.readString(api.configFile);
            assertThat(yaml)
                    .contains("./in2")
                    .contains("./out2")
                    .contains("max_workers: 3")
                    .contains("*.mov");
            assertThat(ApiFixture.json(response)).isEqualTo(config);
        }
    }

    @Test
    void invalidConfigIs422WithFieldsAndChangesNeitherTheFileNorTheDaemon() throws Exception {
        try (ApiFixture api = ApiFixture.started(root)) {
            byte[] before = Files.readAllBytes(api.configFile);

            HttpResponse<String> response = api.post(
                    "/api/config",
                    "{\"max_workers\": 0, \"monitor_folder\": \"./does-not-exist\", \"on_success\": \"shred\"}");
            HttpResponse<String> wrongType = api.post("/api/config", "{\"max_workers\": \"many\"}");

            assertThat(response.statusCode()).isEqualTo(422);
            JsonNode error = ApiFixture.json(response);
            assertThat(error.get("error").asText()).isEqualTo("invalid_config");
            assertThat(error.get("fields").size()).isPositive();
            assertThat(wrongType.statusCode()).isEqualTo(422);
            assertThat(ApiFixture.json(wrongType).get("fields").has("max_workers"))
                    .isTrue();
            assertThat(Files.readAllBytes(api.configFile)).isEqualTo(before);
            assertThat(api.daemon.config().maxWorkers()).isEqualTo(2);
            assertThat(ApiFixture.json(api.get("/api/queue")).get("max_workers").asInt())
                    .isEqualTo(2);
        }
    }

    @Test
    void newMonitorFolderAndWorkerCountApplyLive() throws Exception {
        try (ApiFixture api = ApiFixture.started(root)) {
            Path newIn = Files.createDirectories(root.resolve("new-in"));

            HttpResponse<String> response =
                    api.post("/api/config", "{\"monitor_folder\": \"" + newIn + "\", \"max_workers\": 1}");
            Path clip = dev.bulletproof.daemon.testing.TestClips.videoWithAudio(api.staging, "late.mov", 1);
            ApiFixture.moveInto(newIn, clip, "late.mov");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ApiFixture.json(api.get("/api/queue")).get("max_workers").asInt())
                    .isEqualTo(1);
            ApiFixture.await("the file in the new folder completed", ApiFixture.ENCODES, () -> {
                JsonNode jobs = ApiFixture.json(api.get("/api/jobs?status=completed"));
                return jobs.size() == 1 && jobs.get(0).get("filename").asText().equals("late.mov");
            });
        }
    }

    @Test
    void resetRestoresTheDefaultsOnceTheirFoldersExist() throws Exception {
        try (ApiFixture api = ApiFixture.started(root)) {
            HttpResponse<String> missingFolders = api.delete("/api/config/reset");
            Files.createDirectories(root.resolve("videos/incoming"));
            Files.createDirectories(root.resolve("videos/output"));

            HttpResponse<String> response = api.delete("/api/config/reset");

            assertThat(missingFolders.statusCode()).isEqualTo(422);
            assertThat(ApiFixture.json(missingFolders).get("fields").has("monitor_folder"))
                    .isTrue();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ApiFixture.json(response).get("max_workers").asInt()).isEqualTo(2);
            assertThat(ApiFixture.json(response).get("stable_seconds").asDouble())
                    .isEqualTo(2.0);
            assertThat(api.daemon.config().stableTime()).isEqualTo(Duration.ofSeconds(2));
        }
    }
}
