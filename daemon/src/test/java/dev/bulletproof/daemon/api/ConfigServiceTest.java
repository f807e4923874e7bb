package dev.bulletproof.daemon.api;

import static dev.bulletproof.daemon.api.HandlerServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.config.ConfigValidationException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/config over a stand-in live config: what reaches it, and how its refusals are answered. */
class ConfigServiceTest {

    @TempDir
    Path root;

    private StandInEngine engine;
    private HandlerServer api;

    @BeforeEach
    void serve() {
        engine = new StandInEngine(root);
        api = new HandlerServer(engine);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void getAnswersTheLiveConfiguration() {
        HttpResponse<String> response = api.get("/api/config");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("max_workers").asInt())
                .isEqualTo(engine.config.config().maxWorkers());
        assertThat(json(response).get("monitor_folder").asText())
                .isEqualTo(engine.config.config().monitorFolder().toString());
    }

    @Test
    void aPostHandsOnlyTheKeysItCarries() {
        HttpResponse<String> response = api.post("/api/config", "{\"max_workers\": 3}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(engine.config.updates).singleElement().satisfies(changes -> {
            assertThat(changes.size()).isEqualTo(1);
            assertThat(changes.get("max_workers").asInt()).isEqualTo(3);
        });
    }

    @Test
    void anEmptyPostChangesNothingAndAnswersTheConfiguration() {
        HttpResponse<String> response = api.post("/api/config", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).has("max_workers")).isTrue();
        assertThat(engine.config.updates).isEmpty();
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefusedBeforeTheConfigSeesIt() {
        HttpResponse<String> response = api.post("/api/config", "[1, 2]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(engine.config.updates).isEmpty();
    }

    @Test
    void aRefusedChangeIs422WithAMessagePerField() {
        engine.config.refusal = new ConfigValidationException(Map.of("max_workers", "must be between 1 and 64"));

        HttpResponse<String> response = api.post("/api/config", "{\"max_workers\": 0}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_config");
        assertThat(json(response).get("fields").get("max_workers").asText()).isEqualTo("must be between 1 and 64");
    }

    @Test
    void aResetTakesNoBody() {
        HttpResponse<String> refused = api.delete("/api/config/reset", "{\"max_workers\": 1}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(engine.config.resets).isZero();

        HttpResponse<String> reset = api.delete("/api/config/reset", "");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(engine.config.resets).isEqualTo(1);
    }
}
