package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.webhooks.Delivery;
import dev.bulletproof.daemon.webhooks.jdbc.JdbcDeliveryStore;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks against a real receiver: the daemon transcodes a real clip with ffmpeg, and the receiver in the test
 * checks the body, its signature and the retries; a daemon killed between two attempts loses no delivery.
 */
class WebhookDeliveryTest {

    private static final String SECRET = "cue-ready-secret";

    @TempDir
    Path root;

    @Test
    void completedJobIsDeliveredSignedOnTheThirdAttemptAfterTwoServerErrors() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(List.of(500, 500), 200);
                MonitorFixture fixture = new MonitorFixture(root, webhookYaml(receiver, 0.3))) {
            Daemon daemon = fixture.start();
            Path input = fixture.drop("cue.mov", 1);
            fixture.awaitStatus(input, JobStatus.COMPLETED, Duration.ofSeconds(60));
            Job job = fixture.jobFor(input);

            MonitorFixture.await(
                    "three attempts",
                    Duration.ofSeconds(30),
                    () -> receiver.received().size() >= 3);
            MonitorFixture.await(
                    "the delivery recorded as delivered",
                    Duration.ofSeconds(10),
                    () -> daemon.engine().webhooks().recent(10).stream()
                            .anyMatch(d -> d.status() == Delivery.Status.DELIVERED));

            List<WebhookReceiver.Received> requests = receiver.received();
            assertThat(requests).hasSize(3);
            WebhookReceiver.Received first = requests.getFirst();
            for (int i = 0; i < 3; i++) {
                WebhookReceiver.Received request = requests.get(i);
                assertThat(request.body())
                        .as("every attempt sends the same bytes")
                        .isEqualTo(first.body());
                assertThat(request.header("X-Bulletproof-Delivery")).isEqualTo(first.header("X-Bulletproof-Delivery"));
                assertThat(request.header("X-Bulletproof-Attempt")).isEqualTo(Integer.toString(i + 1));
                assertThat(request.header("X-Bulletproof-Event")).isEqualTo("job.completed");
                assertThat(request.header("Content-Type")).isEqualTo("application/json");
                assertThat(request.header("X-Bulletproof-Signature")).isEqualTo("sha256=" + hmac(request.body()));
            }
            JsonNode body = Json.mapper().readTree(first.body());
            assertThat(body.get("event").asText()).isEqualTo("job.completed");
            assertThat(body.get("delivery_id").asText()).isEqualTo(first.header("X-Bulletproof-Delivery"));
            assertThat(body.get("time").asText()).isNotBlank();
            assertThat(body.at("/job/id").asText()).isEqualTo(Long.toString(job.id()));
            assertThat(body.at("/job/status").asText()).isEqualTo("completed");
            assertThat(body.at("/job/filename").asText()).isEqualTo("cue.mov");
            assertThat(Path.of(body.at("/job/output_path").asText())).exists();

            Delivery delivery = daemon.engine().webhooks().recent(10).getFirst();
            assertThat(delivery.event()).isEqualTo("job.completed");
            assertThat(delivery.jobId()).isEqualTo(job.id());
            assertThat(delivery.attempts()).isEqualTo(3);
            assertThat(delivery.lastStatusCode()).isEqualTo(200);
            assertThat(delivery.lastError()).isNull();
        }
    }

    @Test
    void aDaemonKilledBetweenTwoAttemptsSendsTheDeliveryAfterItsRestart() throws Exception {
        Path data = root.resolve("data");
        try (WebhookReceiver receiver = new WebhookReceiver(List.of(500), 200)) {
            MonitorFixture folders = new MonitorFixture(
                    root, webhookYaml(receiver, 4) + "server: {port: " + MonitorFixture.freePort() + "}\n");
            Path log = root.resolve("daemon.log");
            Path input;
            try (DaemonProcess first = DaemonProcess.start(folders.configFile, data, log)) {
                input = folders.drop("cue.mov", 1);
                MonitorFixture.await(
                        "the first attempt answered 500 and recorded",
                        Duration.ofSeconds(90),
                        () -> deliveryIn(data).map(d -> d.attempts() == 1).orElse(false));
                first.kill9();
            }
            Delivery between = deliveryIn(data).orElseThrow();
            assertThat(between.status()).isEqualTo(Delivery.Status.PENDING);
            assertThat(between.lastStatusCode()).isEqualTo(500);
            assertThat(receiver.received()).hasSize(1);

            try (DaemonProcess second = DaemonProcess.start(folders.configFile, data, log)) {
                MonitorFixture.await(
                        "delivered after the restart",
                        Duration.ofSeconds(60),
                        () -> deliveryIn(data)
                                .map(d -> d.status() == Delivery.Status.DELIVERED)
                                .orElse(false));
                second.terminate();
            }
            List<WebhookReceiver.Received> requests = receiver.received();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1).header("X-Bulletproof-Delivery"))
                    .isEqualTo(requests.get(0).header("X-Bulletproof-Delivery"));
            assertThat(requests.get(1).header("X-Bulletproof-Attempt")).isEqualTo("2");
            assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
            assertThat(deliveryIn(data).orElseThrow().attempts()).isEqualTo(2);
            assertThat(Json.mapper()
                            .readTree(requests.get(1).body())
                            .at("/job/input_path")
                            .asText())
                    .isEqualTo(input.toString());
        }
    }

    @Test
    void failedJobThenTheDrainedQueueThenAManualRetryAreEachSentOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(List.of(), 200);
                MonitorFixture fixture = new MonitorFixture(root, """
                        webhooks:
                          - url: %s
                            events: [job.failed, job.retried, queue.drained]
                        """.formatted(receiver.url()))) {
            Daemon daemon = fixture.start();
            Path staged = fixture.staging.resolve("broken.mov");
            Files.write(staged, new byte[200_000]); // not a video: ffmpeg refuses it
            Path input = fixture.moveIn(staged, "broken.mov");
            fixture.awaitStatus(input, JobStatus.FAILED, Duration.ofSeconds(60));
            MonitorFixture.await(
                    "job.failed and queue.drained",
                    Duration.ofSeconds(15),
                    () -> events(receiver).containsAll(List.of("job.failed", "queue.drained")));

            daemon.pool().retry(fixture.jobFor(input).id());
            MonitorFixture.await(
                    "job.retried",
                    Duration.ofSeconds(15),
                    () -> events(receiver).contains("job.retried"));

            List<String> recorded = daemon.engine().webhooks().recent(10).reversed().stream()
                    .map(Delivery::event)
                    .toList();
            assertThat(recorded.subList(0, 3)).containsExactly("job.failed", "queue.drained", "job.retried");
            WebhookReceiver.Received failed = receiver.received().stream()
                    .filter(r -> "job.failed".equals(r.header("X-Bulletproof-Event")))
                    .findFirst()
                    .orElseThrow();
            JsonNode body = Json.mapper().readTree(failed.body());
            assertThat(body.at("/job/status").asText()).isEqualTo("failed");
            assertThat(body.at("/job/error").asText()).isNotBlank();
            assertThat(failed.header("X-Bulletproof-Signature"))
                    .as("no secret, no signature")
                    .isNull();
        }
    }

    private static List<String> events(WebhookReceiver receiver) {
        return receiver.received().stream()
                .map(r -> r.header("X-Bulletproof-Event"))
                .toList();
    }

    private static String webhookYaml(WebhookReceiver receiver, double retrySeconds) {
        return """
                webhooks:
                  - url: %s
                    events: [job.completed]
                    secret: %s
                    timeout_seconds: 5
                    retry_seconds: %s
                """.formatted(receiver.url(), SECRET, retrySeconds);
    }

    /** The one delivery in a (possibly running) daemon's database, read as another process would. */
    private static Optional<Delivery> deliveryIn(Path data) {
        Path file = data.resolve("bulletproof.db");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (Database database = Database.open(file)) {
            return new JdbcDeliveryStore(database).recent(1).stream().findFirst();
        } catch (RuntimeException e) {
            return Optional.empty(); // being created
        }
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
