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

/** /api/queue over a stand-in queue. */
class QueueServiceTest {

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
    void stateShowsPausedWorkersAndRunningJobs() {
        engine.queue.maxWorkers = 3;
        engine.queue.running = 1;

        JsonNode state = json(api.get("/api/queue"));

        assertThat(state.get("paused").asBoolean()).isFalse();
        assertThat(state.get("max_workers").asInt()).isEqualTo(3);
        assertThat(state.get("running").asInt()).isEqualTo(1);
    }

    @Test
    void pauseAndResumeAnswerTheNewState() {
        HttpResponse<String> paused = api.post("/api/queue/pause", "");
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(json(paused).get("paused").asBoolean()).isTrue();
        assertThat(engine.queue.paused).isTrue();

        HttpResponse<String> resumed = api.post("/api/queue/resume", "{}");
        assertThat(json(resumed).get("paused").asBoolean()).isFalse();
        assertThat(engine.queue.paused).isFalse();
    }

    @Test
    void aPauseWithABodyChangesNothing() {
        HttpResponse<String> response = api.post("/api/queue/pause", "{\"paused\": true}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(engine.queue.paused).isFalse();
    }
}
