package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobStatus;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watch folders over the real API: jobs name and filter by their folder, the config edits the list. */
class WatchFoldersApiTest {

    private static final String FOLDERS = """
            # Two drop folders for the show.
            watch_folders:
              - path: ./drop/qlab   # the cue machine's
                output_folder: ./cues
                stable_seconds: 0.5
                rules:
                  - { pattern: '*.mov', profile: live-qlab }
              - path: ./drop/web
                output_folder: ./web
                stable_seconds: 0.5
                rules:
                  - { pattern: '*', profile: live-h264 }
            """;

    @TempDir
    Path root;

    @Test
    void jobsCarryTheirFolderAndTheListFiltersByIt() throws Exception {
        try (ApiFixture api = new ApiFixture(root, "")) {
            Files.writeString(api.configFile, "max_workers: 2\nscan_interval_seconds: 1\n" + FOLDERS);
            api.start();
            Path qlab = root.resolve("drop/qlab");
            Path web = root.resolve("drop/web");
            ApiFixture.moveInto(qlab, TestClips.videoWithAudio(api.staging, "a.mov", 1), "a.mov");
            ApiFixture.moveInto(web, TestClips.videoWithAudio(api.staging, "b.mov", 1), "b.mov");
            api.awaitAllFinished(2);

            JsonNode webJobs = ApiFixture.json(api.get("/api/jobs?folder=" + encoded(web + "/")));
            assertThat(webJobs).hasSize(1);
            assertThat(webJobs.get(0).path("filename").asText()).isEqualTo("b.mov");
            assertThat(webJobs.get(0).path("watch_folder").asText()).isEqualTo(web.toString());
            assertThat(webJobs.get(0).path("profile").asText()).isEqualTo("live-h264");
            assertThat(webJobs.get(0).path("status").asText()).isEqualTo(JobStatus.COMPLETED.wireName());
            HttpResponse<String> qlabJobs = api.get("/api/jobs?folder=" + encoded(qlab.toString()));
            assertThat(qlabJobs.headers().firstValue("X-Total-Count")).hasValue("1");
            assertThat(ApiFixture.json(qlabJobs).get(0).path("filename").asText())
                    .isEqualTo("a.mov");
            assertThat(ApiFixture.json(api.get("/api/jobs?folder=" + encoded("/elsewhere"))))
                    .isEmpty();

            JsonNode health = ApiFixture.json(api.get("/api/health"));
            assertThat(health.path("watch_folder_available").asBoolean()).isTrue();
            assertThat(health.path("watch_folders").findValuesAsText("path"))
                    .containsExactly(qlab.toString(), web.toString());
        }
    }

    @Test
    void theConfigEditsTheListInPlaceAndRefusesOverlapsWithFieldErrors() throws Exception {
        try (ApiFixture api = new ApiFixture(root, "")) {
            Files.writeString(api.configFile, "scan_interval_seconds: 1\n" + FOLDERS);
            api.start();
            JsonNode config = ApiFixture.json(api.get("/api/config"));
            assertThat(config.path("monitor_folder").isNull()).isTrue();
            assertThat(config.path("watch_folders")).hasSize(2);

            // What a client does: post back what it was shown, with one folder added.
            Path extra = Files.createDirectories(root.resolve("drop/extra"));
            ObjectNode edited = config.deepCopy();
            ((ArrayNode) edited.path("watch_folders"))
                    .addObject()
                    .put("path", extra.toString())
                    .put("output_folder", root.resolve("cues").toString())
                    .put("enabled", false);
            HttpResponse<String> saved = api.post("/api/config", edited.toString());
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            String file = Files.readString(api.configFile);
            assertThat(file)
                    .startsWith("scan_interval_seconds: 1\n# Two drop folders for the show.\n")
                    .contains("  - path: ./drop/qlab   # the cue machine's\n")
                    .contains("      - { pattern: '*.mov', profile: live-qlab }\n")
                    .contains("  - path: ./drop/extra\n    output_folder: ./cues\n    enabled: false\n")
                    .doesNotContain("monitor_folder");

            // Two problems at once, each on its own field.
            ObjectNode bad = ApiFixture.json(api.get("/api/config")).deepCopy();
            ArrayNode folders = (ArrayNode) bad.path("watch_folders");
            ((ObjectNode) folders.get(1))
                    .put("path", root.resolve("drop/qlab/sub").toString());
            ((ObjectNode) folders.get(2))
                    .put("output_folder", root.resolve("drop/qlab/out").toString());
            HttpResponse<String> refused = api.post("/api/config", bad.toString());
            assertThat(refused.statusCode()).isEqualTo(422);
            JsonNode fields = ApiFixture.json(refused).path("fields");
            assertThat(fields.path("watch_folders[1].path").asText())
                    .as(fields.toString())
                    .contains("is inside watch_folders[0].path");
            assertThat(fields.path("watch_folders[2].output_folder").asText())
                    .as(fields + " for " + bad)
                    .contains("must not be inside watch_folders[0].path (outputs would be re-ingested)");

            ObjectNode both = ApiFixture.json(api.get("/api/config")).deepCopy();
            both.put("monitor_folder", root.resolve("in").toString());
            HttpResponse<String> twoShapes = api.post("/api/config", both.toString());
            assertThat(twoShapes.statusCode()).isEqualTo(422);
            assertThat(ApiFixture.json(twoShapes)
                            .path("fields")
                            .path("monitor_folder")
                            .asText())
                    .contains("watch_folders");
            assertThat(Files.readString(api.configFile))
                    .as("nothing written on a refusal")
                    .isEqualTo(file);
        }
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
