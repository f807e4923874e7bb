package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /api/config with everything a hostile or buggy client could send: each is refused with a 4xx and a
 * field message, never a 5xx, and neither the config file's bytes nor the live configuration change.
 */
class ConfigFuzzTest {

    @TempDir
    Path root;

    @Test
    void badConfigurationsAreRefusedWithoutA5xxAndChangeNeitherTheFileNorTheLiveConfig() throws Exception {
        String rules = """
                rules:
                  - pattern: "*.mov"
                    profile: live-qlab
                """;
        try (ApiFixture api = new ApiFixture(root, rules).start()) {
            byte[] fileBefore = Files.readAllBytes(api.configFile);
            JsonNode liveBefore = ApiFixture.json(api.get("/api/config"));
            List<String> failures = new ArrayList<>();

            for (String body : bodies()) {
                HttpResponse<String> response = api.post("/api/config", body);
                int status = response.statusCode();
                boolean refusedWithReason = (status == 400 || status == 422)
                        && response.headers()
                                .firstValue("Content-Type")
                                .orElse("")
                                .startsWith("application/json")
                        && (status == 400
                                || ApiFixture.json(response).path("fields").size() > 0);
                if (!refusedWithReason) {
                    failures.add(abbreviated(body) + " -> " + status + " " + abbreviated(response.body()));
                }
                if (!java.util.Arrays.equals(Files.readAllBytes(api.configFile), fileBefore)
                        || !ApiFixture.json(api.get("/api/config")).equals(liveBefore)) {
                    failures.add(abbreviated(body) + " changed the configuration");
                    Files.write(api.configFile, fileBefore);
                }
            }

            assertThat(failures).isEmpty();
            assertThat(root.resolve("bulletproof.yaml.bak")).doesNotExist();
            assertThat(api.get("/api/health").statusCode()).isEqualTo(200);
        }
    }

    private List<String> bodies() {
        String big = "9".repeat(40);
        return List.of(
                "{",
                "{\"max_workers\": }",
                "{\"monitor_folder\": \"a\\u0000b\"}",
                "{\"output_folder\": \"./out\\u0000\"}",
                "{\"processed_folder\": \"\\u0000\"}",
                "{\"ffmpeg_path\": \"/bin/\\u0000sh\"}",
                "{\"rules\": [null]}",
                "{\"rules\": [null, {\"pattern\": \"*\", \"profile\": \"live-qlab\"}]}",
                "{\"rules\": [[]]}",
                "{\"rules\": {}}",
                "{\"rules\": [{\"pattern\": [\"a\"], \"profile\": \"live-qlab\"}]}",
                "{\"rules\": [{\"pattern\": \"*.mov\", \"profile\": \"live-qlab\", \"bogus\": 1}]}",
                "{\"rules\": [{\"pattern\": \"*.mov\", \"profile\": \"live-qlab\", \"delete_input\": true}]}",
                "{\"rules\": [{\"pattern\": \"*\", \"profile\": \"live-qlab\", \"priority\": 1e30}]}",
                "{\"rules\": [{\"pattern\": \"*\", \"profile\": \"live-qlab\", \"priority\": " + big + "}]}",
                "{\"rules\": [{\"pattern\": \"*\", \"profile\": \"live-qlab\", \"on_success\": 5}]}",
                "{\"rules\": [{\"pattern\": \"" + "x".repeat(5000) + "\", \"profile\": \"live-qlab\"}]}",
                "{\"profiles\": [null]}",
                "{\"profiles\": \"x\"}",
                "{\"profiles\": [{\"name\": null}]}",
                "{\"profiles\": [{\"name\": \"p\", \"extension\": \"mov\", \"video_codec\": \"prores_ks\", \"crff\": 3}]}",
                "{\"profiles\": [{\"name\": \"p\", \"extension\": \"mov\", \"video_codec\": \"prores_ks\", \"crf\": {\"a\": 1}}]}",
                "{\"profiles\": [{\"name\": \"p\", \"extension\": \"mov\", \"video_codec\": \"libx264\"}]}",
                "{\"server\": {\"prot\": 9000}}",
                "{\"server\": {\"port\": 9000}}",
                "{\"server\": {\"host\": \"0.0.0.0\"}}",
                "{\"server\": {\"auth\": \"none\", \"host\": \"0.0.0.0\"}}",
                "{\"server\": {\"allowed_hosts\": [null]}}",
                "{\"server\": {\"allowed_hosts\": [\"evil.example\"]}}",
                "{\"server\": []}",
                "{\"server\": 5}",
                "{\"ffmpeg_path\": \"/bin/sh\"}",
                "{\"ffmpeg_path\": 7}",
                "{\"max_workers\": 1e30}",
                "{\"max_workers\": -1}",
                "{\"max_workers\": 9223372036854775808}",
                "{\"max_workers\": 9223372036854775807}",
                "{\"max_workers\": " + big + "}",
                "{\"max_workers\": 2.5}",
                "{\"max_workers\": true}",
                "{\"max_workers\": []}",
                "{\"max_workers\": null, \"max_attempts\": 0}",
                "{\"stable_seconds\": 1e308}",
                "{\"stable_seconds\": -0.0}",
                "{\"stable_seconds\": \"NaN\"}",
                "{\"stall_timeout_seconds\": 1e999}",
                "{\"scan_interval_seconds\": -1e-300}",
                "{\"recursive\": \"yes\"}",
                "{\"on_success\": \"shred\"}",
                "{\"on_success\": [\"keep\"]}",
                "{\"monitor_folder\": \"" + "a".repeat(10_000) + "\"}",
                "{\"monitor_folder\": \"/\"}",
                "{\"monitor_folder\": {\"path\": \"./in\"}}",
                "{\"output_folder\": \"/\"}",
                "{\"output_folder\": \"/etc\"}",
                "{\"output_folder\": \"/usr/local/out\"}",
                "{\"output_folder\": \"/proc/self\"}",
                "{\"output_folder\": \"" + root + "\"}",
                "{\"output_folder\": \"./in\"}",
                "{\"output_folder\": \"./in/deeper\"}",
                "{\"processed_folder\": \"/\"}",
                "{\"processed_folder\": \"/boot\"}",
                "{\"processed_folder\": \"" + root + "\"}",
                "{\"watch_directory\": \"./in\"}",
                "{\"delete_input\": true}",
                "{\"persist_path\": \"./queue.json\"}",
                "{\"max_worker\": 3}",
                "{\"max_workers\": 3, \"colour\": \"blue\"}");
    }

    private static String abbreviated(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
