package dev.bulletproof.daemon.api;

import static dev.bulletproof.daemon.api.HandlerServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/health over a stand-in engine: a daemon that can no longer start jobs says so, with a 503. */
class HealthServiceTest {

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
    void aWorkingDaemonIsOkWithNoProblems() {
        HttpResponse<String> response = api.get("/api/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("problems")).isEmpty();
    }

    @Test
    void aDaemonWhoseDispatcherDiedAnswers503WithTheReason() {
        engine.queue.stalled = "the job dispatcher stopped after an unexpected error (java.lang.StackOverflowError)";

        HttpResponse<String> response = api.get("/api/health");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode health = json(response);
        assertThat(health.get("status").asText()).isEqualTo("failing");
        assertThat(health.get("problems").get(0).asText()).contains("dispatcher stopped");
        assertThat(health.get("version").asText()).isNotBlank();
    }
}
