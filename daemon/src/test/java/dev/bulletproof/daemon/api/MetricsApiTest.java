package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.testing.Await;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_32_0.Metrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /metrics of a real daemon after a real job, read the way Prometheus reads it: in its protobuf
 * exposition format, parsed with the Prometheus data model that the client library ships, and in the
 * text format a person (or an older Prometheus) gets by default.
 */
class MetricsApiTest {

    private static final String PROTOBUF =
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

    @TempDir
    Path root;

    @Test
    void metricsCountACompletedAndAFailedJobAndDescribeTheDaemon() throws Exception {
        try (ApiFixture api = ApiFixture.started(root)) {
            api.drop("clip.mp4", 2);
            ApiFixture.moveInto(api.in, TestClips.zeroBytes(api.staging, "empty.mp4"), "empty.mp4");
            api.awaitAllFinished(2);
            Job completed = api.jobs().stream()
                    .filter(job -> job.status() == JobStatus.COMPLETED)
                    .findFirst()
                    .orElseThrow();

            // The metrics follow the job events, which reach them a moment after the database says the
            // jobs ended: wait until a scrape has seen both endings.
            Await.until("the metrics to count both finished jobs", () -> {
                try {
                    Map<String, Metrics.MetricFamily> scraped = scrapeProtobuf(api);
                    return scraped.containsKey("bulletproof_job_duration_seconds")
                            && scraped.containsKey("bulletproof_job_failures_total");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Map<String, Metrics.MetricFamily> families = scrapeProtobuf(api);

            assertThat(gauge(families, "bulletproof_jobs", "status", "completed"))
                    .isEqualTo(1);
            assertThat(gauge(families, "bulletproof_jobs", "status", "failed")).isEqualTo(1);
            assertThat(gauge(families, "bulletproof_jobs", "status", "queued")).isZero();
            assertThat(single(
                            families,
                            "bulletproof_queue_depth",
                            m -> m.getGauge().getValue()))
                    .isZero();
            assertThat(single(
                            families,
                            "bulletproof_workers_busy",
                            m -> m.getGauge().getValue()))
                    .isZero();
            assertThat(single(
                            families,
                            "bulletproof_workers_max",
                            m -> m.getGauge().getValue()))
                    .isEqualTo(2);
            assertThat(counter(families, "bulletproof_jobs_completed_total", "profile", "live-qlab"))
                    .isEqualTo(1);
            assertThat(counter(families, "bulletproof_job_failures_total", "class", "input"))
                    .isEqualTo(1);
            assertThat(counter(families, "bulletproof_media_seconds_total", "profile", "live-qlab"))
                    .isCloseTo(completed.mediaDurationSeconds(), offset(0.001))
                    .isCloseTo(2.0, offset(0.2));
            assertThat(counter(families, "bulletproof_encode_seconds_total", "profile", "live-qlab"))
                    .isGreaterThanOrEqualTo(completed.processingSeconds() - 0.001);
            assertThat(single(
                            families,
                            "bulletproof_stalls_total",
                            m -> m.getCounter().getValue()))
                    .isZero();
            Metrics.Histogram duration = metric(families, "bulletproof_job_duration_seconds", "profile", "live-qlab")
                    .getHistogram();
            assertThat(duration.getSampleCount()).isEqualTo(1);
            assertThat(duration.getSampleSum()).isCloseTo(completed.processingSeconds(), offset(0.001));
            assertThat(single(
                            families,
                            "bulletproof_output_free_bytes",
                            m -> m.getGauge().getValue()))
                    .isPositive();
            assertThat(single(families, "bulletproof_up", m -> m.getGauge().getValue()))
                    .isEqualTo(1);
            Metrics.Metric info = families.get("bulletproof_info").getMetric(0);
            assertThat(labels(info))
                    .containsEntry("version", ApiOptions.defaults().version());
            assertThat(labels(info).get("ffmpeg_version")).matches("\\d+\\.\\d+.*");

            HttpResponse<String> text = api.get("/metrics");
            assertThat(text.statusCode()).isEqualTo(200);
            assertThat(text.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            assertThat(text.body().lines())
                    .contains(
                            "# TYPE bulletproof_jobs_completed_total counter",
                            "bulletproof_jobs_completed_total{profile=\"live-qlab\"} 1.0",
                            "bulletproof_job_failures_total{class=\"input\"} 1.0",
                            "bulletproof_jobs{status=\"completed\"} 1.0",
                            "bulletproof_job_duration_seconds_count{profile=\"live-qlab\"} 1");
        }
    }

    @Test
    void metricsNeedTheApiToken() throws Exception {
        try (ApiFixture api = ApiFixture.started(root)) {
            HttpResponse<String> anonymous = api.send(HttpRequest.newBuilder(api.uri("/metrics"))
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build());
            HttpResponse<String> wrongToken = api.send(HttpRequest.newBuilder(api.uri("/metrics"))
                    .header("Authorization", "Bearer not-the-token")
                    .GET()
                    .build());

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(ApiFixture.json(anonymous).get("error").asText()).isEqualTo("unauthorized");
            assertThat(wrongToken.statusCode()).isEqualTo(401);
            assertThat(anonymous.body()).doesNotContain("bulletproof_");
        }
    }

    private static Map<String, Metrics.MetricFamily> scrapeProtobuf(ApiFixture api) throws IOException {
        HttpResponse<byte[]> response;
        try {
            response = api.http.send(
                    api.request("/metrics").header("Accept", PROTOBUF).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.google.protobuf");
        Map<String, Metrics.MetricFamily> families = new HashMap<>();
        InputStream in = new ByteArrayInputStream(response.body());
        Metrics.MetricFamily family;
        while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
            families.put(family.getName(), family);
        }
        return families;
    }

    private static double gauge(Map<String, Metrics.MetricFamily> families, String name, String label, String value) {
        return metric(families, name, label, value).getGauge().getValue();
    }

    private static double counter(Map<String, Metrics.MetricFamily> families, String name, String label, String value) {
        return metric(families, name, label, value).getCounter().getValue();
    }

    private static double single(
            Map<String, Metrics.MetricFamily> families, String name, ToDoubleFunction<Metrics.Metric> value) {
        Metrics.MetricFamily family = families.get(name);
        assertThat(family).as(name + " in " + families.keySet()).isNotNull();
        assertThat(family.getMetricList()).as(name).hasSize(1);
        return value.applyAsDouble(family.getMetric(0));
    }

    private static Metrics.Metric metric(
            Map<String, Metrics.MetricFamily> families, String name, String label, String value) {
        Metrics.MetricFamily family = families.get(name);
        assertThat(family).as(name + " in " + families.keySet()).isNotNull();
        List<Metrics.Metric> matching = family.getMetricList().stream()
                .filter(metric -> value.equals(labels(metric).get(label)))
                .toList();
        assertThat(matching).as(name + "{" + label + "=" + value + "}").hasSize(1);
        return matching.getFirst();
    }

    private static Map<String, String> labels(Metrics.Metric metric) {
        return metric.getLabelList().stream()
                .collect(Collectors.toMap(Metrics.LabelPair::getName, Metrics.LabelPair::getValue));
    }
}
