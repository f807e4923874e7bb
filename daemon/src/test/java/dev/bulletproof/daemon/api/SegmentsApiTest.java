package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.testing.TestClips;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/jobs/{id}/segments through the real daemon: a segmented job, a single piece, an unknown job. */
class SegmentsApiTest {

    @TempDir
    Path root;

    @Test
    void aLongJobListsItsSegmentsAndAShortOneSaysSinglePiece() {
        try (ApiFixture api = new ApiFixture(root, """
                        segment_threshold_seconds: 20
                        segment_seconds: 10
                        """).start()) {
            ApiFixture.moveInto(api.in, TestClips.sized(api.staging, "long.mov", 25, "192x108"), "long.mov");
            api.drop("short.mov", 2);
            api.awaitAllFinished(2);
            Job longJob = api.jobs().stream()
                    .filter(job -> job.filename().equals("long.mov"))
                    .findFirst()
                    .orElseThrow();
            Job shortJob = api.jobs().stream()
                    .filter(job -> job.filename().equals("short.mov"))
                    .findFirst()
                    .orElseThrow();

            JsonNode segmented = ApiFixture.json(api.get("/api/jobs/" + longJob.id() + "/segments"));
            JsonNode single = ApiFixture.json(api.get("/api/jobs/" + shortJob.id() + "/segments"));

            assertThat(segmented.path("job_id").asText()).isEqualTo(Long.toString(longJob.id()));
            assertThat(segmented.path("mode").asText()).isEqualTo("segmented");
            JsonNode segments = segmented.path("segments");
            assertThat(segments).hasSize(4);
            for (int i = 0; i < 3; i++) {
                JsonNode segment = segments.get(i);
                assertThat(segment.path("kind").asText()).isEqualTo("video");
                assertThat(segment.path("index").asInt()).isEqualTo(i);
                assertThat(segment.path("start_seconds").asDouble()).isEqualTo(i * 10.0);
                assertThat(segment.path("start_frame").asLong()).isEqualTo(i * 250L);
                assertThat(segment.path("state").asText()).isEqualTo("done");
                assertThat(segment.path("attempts").asInt()).isEqualTo(1);
                assertThat(segment.path("size_bytes").asLong()).isPositive();
                assertThat(segment.path("worker").asInt()).isBetween(1, 2);
                assertThat(segment.path("node").asText()).isNotBlank();
            }
            assertThat(segments.get(0).path("duration_seconds").asDouble()).isEqualTo(10.0);
            assertThat(segments.get(2).path("frame_count").asLong()).isEqualTo(125);
            assertThat(segments.get(3).path("kind").asText()).isEqualTo("audio");
            assertThat(segments.get(3).path("duration_seconds").asDouble()).isBetween(24.9, 25.1);
            assertThat(single.path("mode").asText()).isEqualTo("single");
            assertThat(single.path("segments")).isEmpty();
        }
    }

    @Test
    void anUnknownJobIsNotFound() {
        try (ApiFixture api = ApiFixture.started(root)) {
            assertThat(api.get("/api/jobs/987654/segments").statusCode()).isEqualTo(404);
        }
    }
}
