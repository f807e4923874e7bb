package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.jobs.LiveProgress;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WebSocket feed builds job updates from what the events carry, and never reads a job back. */
class UpdatesFeedTest {

    private static final Duration SHORT = Duration.ofSeconds(10);

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
    void aTickIsSentWithTheJobItCarries() {
        try (WsClient client = WsClient.connect(api.port(), null, "127.0.0.1")) {
            client.await(WsClient.type("queue_update"), SHORT);

            engine.bus.publish(new JobEvent.Progress(
                    StandInEngine.job(9, JobStatus.PROCESSING), new LiveProgress(9, 0.4, 24.0, 1.0, 5.0, 2.0)));

            JsonNode job = client.await(jobUpdate("9"), SHORT).get("job");
            assertThat(job.get("status").asText()).isEqualTo("processing");
            assertThat(job.get("progress").asDouble()).isEqualTo(0.4);
            assertThat(job.get("fps").asDouble()).isEqualTo(24.0);
        }
        assertThat(engine.jobs.reads).as("no job was read back").isEmpty();
        assertThat(engine.jobs.filters).isEmpty();
    }

    @Test
    void aChangeOfARunningJobIsSentWithTheProgressItsEventCarries() {
        try (WsClient client = WsClient.connect(api.port(), null, "127.0.0.1")) {
            client.await(WsClient.type("queue_update"), SHORT);

            engine.bus.publish(new JobEvent.Changed(
                    StandInEngine.job(5, JobStatus.PAUSED),
                    JobEvent.Change.PAUSED,
                    null,
                    new LiveProgress(5, 0.6, 25.0, 1.0, 3.0, 4.0)));

            JsonNode job = client.await(jobUpdate("5"), SHORT).get("job");
            assertThat(job.get("status").asText()).isEqualTo("paused");
            assertThat(job.get("progress").asDouble()).isEqualTo(0.6);
            assertThat(job.get("elapsed_seconds").asDouble()).isEqualTo(4.0);
        }
        assertThat(engine.jobs.reads).as("no job was read back").isEmpty();
    }

    private static Predicate<JsonNode> jobUpdate(String id) {
        return message -> message.path("type").asText().equals("job_update")
                && message.path("job").path("id").asText().equals(id);
    }
}
