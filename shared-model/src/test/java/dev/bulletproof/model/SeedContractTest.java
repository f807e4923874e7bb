package dev.bulletproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulletproof.model.ws.ClientMessage;
import dev.bulletproof.model.ws.ServerMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON examples of the seed's API contract (PHASE-3.1-WEB-DASHBOARD.md, section 4), verbatim: the
 * records must read them and write the same field names back.
 */
class SeedContractTest {

    private final ObjectMapper json = Json.mapper();

    private static final String SEED_JOB_LIST = """
            [
              {
                "id": "1",
                "filename": "video1.mov",
                "status": "processing",
                "progress": 0.45,
                "started_at": "2025-12-30T12:34:56",
                "completed_at": null,
                "error": null,
                "profile": "live_stream",
                "duration": 120.5
              }
            ]
            """;

    private static final String SEED_STATS = """
            {
              "total_jobs": 242,
              "successful": 235,
              "failed": 7,
              "avg_duration": 118.4,
              "in_progress": 3
            }
            """;

    private static final String SEED_CONFIG = """
            {
              "monitor_folder": "./videos/incoming",
              "output_folder": "./videos/output",
              "max_workers": 4
            }
            """;

    @Test
    void readsTheSeedJobListAndWritesItsFieldNamesBack() throws Exception {
        JobModel[] jobs = json.readValue(SEED_JOB_LIST, JobModel[].class);

        assertThat(jobs).hasSize(1);
        JobModel job = jobs[0];
        assertThat(job.id()).isEqualTo("1");
        assertThat(job.filename()).isEqualTo("video1.mov");
        assertThat(job.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(job.progress()).isEqualTo(0.45);
        assertThat(job.startedAt()).isEqualTo(Instant.parse("2025-12-30T12:34:56Z"));
        assertThat(job.completedAt()).isNull();
        assertThat(job.error()).isNull();
        assertThat(job.profile()).isEqualTo("live_stream");
        assertThat(job.duration()).isEqualTo(120.5);

        JsonNode written = json.valueToTree(job);
        assertThat(fieldNames(written))
                .contains(
                        "id",
                        "filename",
                        "status",
                        "progress",
                        "started_at",
                        "completed_at",
                        "error",
                        "profile",
                        "duration");
        assertThat(written.get("status").asText()).isEqualTo("processing");
        assertThat(written.get("started_at").asText()).isEqualTo("2025-12-30T12:34:56Z");
        assertThat(written.get("id").isTextual()).isTrue();
        assertThat(written.get("progress").isNumber()).isTrue();
    }

    @Test
    void writesTheExtendedJobFieldsInSnakeCase() {
        JobModel job = new JobModel(
                "7",
                "a.mov",
                JobStatus.QUEUED,
                0,
                null,
                null,
                null,
                "live-qlab",
                2.0,
                1_000_000L,
                "320x180",
                "/in/a.mov",
                "/out/a.mov",
                5,
                1,
                Instant.EPOCH,
                0.0,
                25.0,
                1.5,
                3.0,
                true,
                "queued",
                java.util.List.of(JobAction.PAUSE, JobAction.CANCEL, JobAction.PRIORITY));

        assertThat(json.valueToTree(job).get("allowed_actions").toString())
                .isEqualTo("[\"pause\",\"cancel\",\"priority\"]");
        assertThat(fieldNames(json.valueToTree(job)))
                .containsExactlyInAnyOrder(
                        "id",
                        "filename",
                        "status",
                        "progress",
                        "started_at",
                        "completed_at",
                        "error",
                        "profile",
                        "duration",
                        "bitrate",
                        "resolution",
                        "input_path",
                        "output_path",
                        "priority",
                        "attempts",
                        "created_at",
                        "elapsed_seconds",
                        "fps",
                        "speed",
                        "eta_seconds",
                        "verified",
                        "status_reason",
                        "allowed_actions",
                        "input_size",
                        "media",
                        "output_size",
                        "compression_ratio",
                        "thumbnail",
                        "node",
                        "watch_folder");
    }

    @Test
    void writesANodeInSnakeCaseWithItsStatusInLowerCase() throws Exception {
        NodeModel node = new NodeModel(
                "0b6f3c1e-4a39-4a43-9d51-1d7c1f0e2a11",
                "encoder-1",
                "1.2.0",
                NodeStatus.ALIVE,
                4,
                1,
                List.of("12"),
                List.of("libx264", "prores_ks"),
                Instant.EPOCH,
                Instant.EPOCH.plusSeconds(60),
                false);

        JsonNode written = json.valueToTree(node);

        assertThat(fieldNames(written))
                .containsExactlyInAnyOrder(
                        "id",
                        "name",
                        "version",
                        "status",
                        "max_workers",
                        "busy_workers",
                        "current_jobs",
                        "encoders",
                        "started_at",
                        "last_heartbeat",
                        "paused");
        assertThat(written.get("status").asText()).isEqualTo("alive");
        assertThat(written.get("last_heartbeat").asText()).isEqualTo("1970-01-01T00:01:00Z");
        assertThat(json.readValue(json.writeValueAsString(node), NodeModel.class))
                .isEqualTo(node);
        assertThat(NodeStatus.fromWire("dead")).isEqualTo(NodeStatus.DEAD);
    }

    @Test
    void readsTheSeedStatsAndWritesItsFieldNamesBack() throws Exception {
        StatsModel stats = json.readValue(SEED_STATS, StatsModel.class);

        assertThat(stats).isEqualTo(new StatsModel(242, 235, 7, 118.4, 3));
        assertThat(fieldNames(json.valueToTree(stats)))
                .containsExactlyInAnyOrder(
                        "total_jobs",
                        "successful",
                        "failed",
                        "avg_duration",
                        "in_progress",
                        "queued",
                        "cancelled",
                        "last_24h");
    }

    @Test
    void readsTheSeedConfigAndWritesItsFieldNamesBack() throws Exception {
        ConfigModel config = json.readValue(SEED_CONFIG, ConfigModel.class);

        assertThat(config.monitorFolder()).isEqualTo("./videos/incoming");
        assertThat(config.outputFolder()).isEqualTo("./videos/output");
        assertThat(config.maxWorkers()).isEqualTo(4);
        assertThat(fieldNames(json.valueToTree(config)))
                .contains("monitor_folder", "output_folder", "max_workers", "stable_seconds", "on_success");
    }

    @Test
    void readsAndWritesEveryWebSocketMessageWithItsTypeName() throws Exception {
        JobModel job = json.readValue(SEED_JOB_LIST, JobModel[].class)[0];
        StatsModel stats = json.readValue(SEED_STATS, StatsModel.class);
        Map<ServerMessage, String> expected = Map.of(
                new ServerMessage.JobUpdate(job), "job_update",
                new ServerMessage.StatsUpdate(stats), "stats_update",
                new ServerMessage.QueueUpdate(true, 3), "queue_update",
                new ServerMessage.Alert("error", "boom", "1"), "alert",
                new ServerMessage.NodesUpdate(List.of()), "nodes_update",
                new ServerMessage.Pong(), "pong");

        for (var entry : expected.entrySet()) {
            String text = json.writeValueAsString(entry.getKey());
            assertThat(json.readTree(text).get("type").asText()).isEqualTo(entry.getValue());
            assertThat(json.readValue(text, ServerMessage.class)).isEqualTo(entry.getKey());
        }
        assertThat(json.readTree(json.writeValueAsString(new ServerMessage.QueueUpdate(false, 2)))
                        .has("max_workers"))
                .isTrue();
    }

    @Test
    void readsTheSeedClientMessagesVerbatim() throws Exception {
        assertThat(json.readValue("{\"type\": \"ping\"}", ClientMessage.class)).isEqualTo(new ClientMessage.Ping());
        assertThat(json.readValue(
                        "{\"type\": \"subscribe\", \"channels\": [\"jobs\", \"stats\"]}", ClientMessage.class))
                .isEqualTo(new ClientMessage.Subscribe(List.of("jobs", "stats")));
    }

    @Test
    void seedJobUpdateEnvelopeReadsAsAJobUpdate() throws Exception {
        String envelope = "{\"type\": \"job_update\", \"job\": "
                + SEED_JOB_LIST.strip().substring(1, SEED_JOB_LIST.strip().length() - 1) + "}";

        ServerMessage message = json.readValue(envelope, ServerMessage.class);

        assertThat(message)
                .isInstanceOfSatisfying(
                        ServerMessage.JobUpdate.class,
                        update -> assertThat(update.job().filename()).isEqualTo("video1.mov"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
