package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.cli.BulletproofCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving from either client or POST /api/config changes the changed keys in the user's file and nothing else. */
class ConfigFileApiTest {

    @TempDir
    Path root;

    @Test
    void generatedConfigChangedOverHttpDiffersInExactlyThoseLinesAndTheBackupIsTheOriginal() throws Exception {
        ApiFixture api = new ApiFixture(root, "");
        Files.delete(api.configFile);
        generateConfig(api.configFile);
        List<String> original = Files.readAllLines(api.configFile);
        try (api) {
            api.start();
            ObjectNode config = (ObjectNode) ApiFixture.json(api.get("/api/config"));
            config.put("max_workers", 3);
            ((ObjectNode) config.get("rules").get(1)).put("priority", 150);

            // The desktop client posts back everything it was shown, server and ffmpeg_path included.
            HttpResponse<String> response = api.post("/api/config", config.toString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            List<String> saved = Files.readAllLines(api.configFile);
            assertThat(saved).hasSameSizeAs(original);
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < original.size(); i++) {
                if (!original.get(i).equals(saved.get(i))) {
                    changed.add(original.get(i) + " -> " + saved.get(i));
                }
            }
            assertThat(changed)
                    .containsExactly("max_workers: 2 -> max_workers: 3", "    priority: 100 ->     priority: 150");
            assertThat(Files.readAllLines(root.resolve("bulletproof.yaml.bak"))).isEqualTo(original);
            assertThat(api.daemon.config().maxWorkers()).isEqualTo(3);
            assertThat(api.daemon.config().rules().get(1).priority()).isEqualTo(150);
        }
    }

    @Test
    void aHandWrittenFileSurvivesThreeSavesFromTheClientsUnchangedButForTheChangedKey() throws Exception {
        String original = """
                # Studio B ingest -- hand written, keep the comments!
                monitor_folder: %1$s/in        # absolute on purpose
                output_folder: "%1$s/out"
                processed_folder: './processed'

                max_workers: 2                 # the laptop has two cores
                stable_seconds: 1
                scan_interval_seconds: 1
                max_attempts: 2

                rules:
                  # the cue files
                  - pattern: "*.mov"
                    profile: live-qlab
                    priority: 10
                """.formatted(root);
        ApiFixture api = new ApiFixture(root, "");
        Files.writeString(api.configFile, original);
        try (api) {
            api.start();

            JsonNode shown = ApiFixture.json(api.get("/api/config"));
            ObjectNode dashboard = webUiBody(shown);
            dashboard.put("max_workers", 3);
            assertSaved(api, dashboard, original.replace("max_workers: 2 ", "max_workers: 3 "));

            ObjectNode desktop = (ObjectNode) ApiFixture.json(api.get("/api/config"));
            desktop.put("max_workers", 4);
            // The desktop client's rule rows fill in the default pattern type; that is not a change.
            ((ObjectNode) desktop.get("rules").get(0)).put("pattern_type", "glob");
            assertSaved(api, desktop, original.replace("max_workers: 2 ", "max_workers: 4 "));

            JsonNode now = ApiFixture.json(api.get("/api/config"));
            ObjectNode seed = Json.object();
            seed.set("monitor_folder", now.get("monitor_folder"));
            seed.set("output_folder", now.get("output_folder"));
            seed.put("max_workers", 5);
            assertSaved(api, seed, original.replace("max_workers: 2 ", "max_workers: 5 "));
        }
    }

    @Test
    void serverAndFfmpegAreFileOnlyButTheirCurrentValuesAreAcceptedAndPartialObjectsMerge() throws Exception {
        try (ApiFixture api = new ApiFixture(root, "server:\n  host: 127.0.0.1\n  port: 8123\n").start()) {
            byte[] before = Files.readAllBytes(api.configFile);

            HttpResponse<String> sameHost =
                    api.post("/api/config", "{\"server\": {\"host\": \"127.0.0.1\"}, \"max_workers\": 2}");
            HttpResponse<String> nullFfmpeg = api.post("/api/config", "{\"ffmpeg_path\": null}");
            HttpResponse<String> port = api.post("/api/config", "{\"server\": {\"port\": 9000}}");
            HttpResponse<String> shell = api.post("/api/config", "{\"ffmpeg_path\": \"/bin/sh\"}");
            HttpResponse<String> typo = api.post("/api/config", "{\"server\": {\"prot\": 9000}}");

            assertThat(sameHost.statusCode()).as(sameHost.body()).isEqualTo(200);
            assertThat(ApiFixture.json(sameHost).get("server").get("port").asInt())
                    .as("a partial server object keeps the other keys")
                    .isEqualTo(8123);
            assertThat(nullFfmpeg.statusCode()).as(nullFfmpeg.body()).isEqualTo(200);
            assertThat(port.statusCode()).isEqualTo(422);
            assertThat(ApiFixture.json(port).get("fields").get("server.port").asText())
                    .contains("set this in the config file");
            assertThat(shell.statusCode()).isEqualTo(422);
            assertThat(ApiFixture.json(shell).get("fields").get("ffmpeg_path").asText())
                    .contains("set this in the config file");
            assertThat(typo.statusCode()).isEqualTo(422);
            assertThat(ApiFixture.json(typo).get("fields").get("server.prot").asText())
                    .isEqualTo("unknown key 'prot' in server; did you mean 'port'?");
            assertThat(Files.readAllBytes(api.configFile)).isEqualTo(before);
            assertThat(api.daemon.config().server().port()).isEqualTo(8123);
        }
    }

    @Test
    void resetKeepsWhereTheDaemonListens() throws Exception {
        try (ApiFixture api = new ApiFixture(root, "server:\n  port: 8123\n").start()) {
            Files.createDirectories(root.resolve("videos/incoming"));
            Files.createDirectories(root.resolve("videos/output"));

            HttpResponse<String> response = api.delete("/api/config/reset");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(Files.readString(api.configFile)).contains("port: 8123").contains("max_workers: 2");
            assertThat(api.daemon.config().server().port()).isEqualTo(8123);
        }
    }

    private static void assertSaved(ApiFixture api, ObjectNode body, String expected) throws Exception {
        HttpResponse<String> response = api.post("/api/config", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Files.readString(api.configFile)).isEqualTo(expected);
    }

    /** What web-ui/src/components/ConfigForm.tsx posts: the keys the form edits. */
    private static ObjectNode webUiBody(JsonNode config) {
        ObjectNode body = Json.object();
        for (String key : List.of(
                "monitor_folder",
                "output_folder",
                "processed_folder",
                "max_workers",
                "recursive",
                "stable_seconds",
                "scan_interval_seconds",
                "on_success",
                "max_attempts",
                "stall_timeout_seconds",
                "rules")) {
            body.set(key, config.get(key) == null ? new ArrayNode(null) : config.get(key));
        }
        return body;
    }

    private static void generateConfig(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = BulletproofCli.run(
                new String[] {"generate-config", "-o", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static final class Json {
        static ObjectNode object() {
            return JsonBodies.MAPPER.createObjectNode();
        }
    }
}
