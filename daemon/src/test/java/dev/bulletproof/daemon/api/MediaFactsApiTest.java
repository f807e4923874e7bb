package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.media.Thumbnailer;
import dev.bulletproof.daemon.testing.TestClips;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media facts and poster frames through the real daemon: the probe's facts arrive while a job is still
 * queued, the poster frame is a real JPEG served with the job's auth, and a finished job tells how much
 * smaller its output is.
 */
class MediaFactsApiTest {

    private static final Duration PROBE = Duration.ofSeconds(30);

    @TempDir
    Path root;

    @Test
    void aQueuedJobHasItsMediaFactsAndPosterFrameBeforeItRuns() throws IOException {
        try (ApiFixture api = ApiFixture.started(root)) {
            assertThat(api.post("/api/queue/pause", "{}").statusCode()).isEqualTo(200);
            api.drop("facts.mp4", 2.0);
            ApiFixture.await(
                    "the job is queued with media facts",
                    PROBE,
                    () -> api.jobs().stream().anyMatch(job -> job.mediaFacts() != null && job.thumbnail()));
            String id = Long.toString(api.jobs().getFirst().id());

            JsonNode job = ApiFixture.json(api.get("/api/jobs/" + id));
            assertThat(job.path("status").asText()).isEqualTo("queued");
            assertThat(job.path("duration").asDouble()).isBetween(1.9, 2.1);
            assertThat(job.path("resolution").asText()).isEqualTo("320x180");
            assertThat(job.path("bitrate").asLong()).isPositive();
            assertThat(job.path("input_size").asLong()).isEqualTo(Files.size(api.in.resolve("facts.mp4")));
            JsonNode media = job.path("media");
            assertThat(media.path("video_codec").asText()).isEqualTo("h264");
            assertThat(media.path("frame_rate").asDouble()).isEqualTo(25.0);
            assertThat(media.path("container").asText()).contains("mp4");
            assertThat(media.path("audio_tracks")).hasSize(1);
            assertThat(media.path("audio_tracks").get(0).path("codec").asText()).isEqualTo("aac");
            assertThat(media.path("audio_tracks").get(0).path("sample_rate").asInt())
                    .isPositive();
            assertThat(job.path("output_size").isNull()).isTrue();
            assertThat(job.path("thumbnail").asBoolean()).isTrue();

            HttpResponse<byte[]> thumbnail = bytes(api, "/api/jobs/" + id + "/thumbnail");
            assertThat(thumbnail.statusCode()).isEqualTo(200);
            assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(thumbnail.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(
                            value -> assertThat(value).contains("private").contains("max-age"));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
            assertThat(image).as("a decodable image").isNotNull();
            assertThat(image.getWidth()).isEqualTo(320);
            assertThat(image.getHeight()).isEqualTo(180);
            assertThat(Files.exists(Thumbnailer.fileOf(api.data, Long.parseLong(id))))
                    .isTrue();
        }
    }

    @Test
    void aPosterFrameHalfMadeWhenTheDaemonDiedIsRemovedAtTheNextStartAndWholeOnesStay() throws IOException {
        long id;
        try (ApiFixture api = ApiFixture.started(root)) {
            assertThat(api.post("/api/queue/pause", "{}").statusCode()).isEqualTo(200);
            api.drop("kept.mp4", 1.0);
            ApiFixture.await(
                    "the job has its poster frame",
                    PROBE,
                    () -> api.jobs().stream().anyMatch(job -> job.thumbnail()));
            id = api.jobs().getFirst().id();
        }
        // What a kill -9 while ffmpeg wrote a frame leaves behind: the frame's temporary file.
        Path whole = Thumbnailer.fileOf(root.resolve("data"), id);
        Path halfMade = whole.resolveSibling((id + 1) + ".jpg.part");
        Files.write(halfMade, new byte[] {(byte) 0xFF, (byte) 0xD8, 0x00});

        try (ApiFixture api = new ApiFixture(root, "").start()) {
            assertThat(halfMade).doesNotExist();
            assertThat(whole).exists();
            assertThat(bytes(api, "/api/jobs/" + id + "/thumbnail").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aCompletedJobHasItsOutputSizeAndRatio_andDeletingItRemovesThePosterFrame() throws IOException {
        try (ApiFixture api = ApiFixture.started(root)) {
            api.drop("done.mp4", 1.0);
            api.awaitAllFinished(1);
            ApiFixture.await(
                    "the poster frame is recorded",
                    PROBE,
                    () -> api.jobs().getFirst().thumbnail());
            long id = api.jobs().getFirst().id();

            JsonNode job = ApiFixture.json(api.get("/api/jobs/" + id));
            assertThat(job.path("status").asText()).isEqualTo("completed");
            long outputSize = Files.size(Path.of(job.path("output_path").asText()));
            assertThat(job.path("output_size").asLong()).isEqualTo(outputSize);
            assertThat(job.path("compression_ratio").asDouble())
                    .isCloseTo(
                            (double) job.path("input_size").asLong() / outputSize,
                            org.assertj.core.data.Offset.offset(1e-9));

            assertThat(api.delete("/api/jobs/" + id).statusCode()).isEqualTo(204);
            assertThat(Thumbnailer.fileOf(api.data, id)).doesNotExist();
            assertThat(bytes(api, "/api/jobs/" + id + "/thumbnail").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void anAudioOnlyJobHasFactsButNoPosterFrame_andUnknownJobsAreNotFound() throws IOException {
        try (ApiFixture api = ApiFixture.started(root)) {
            assertThat(api.post("/api/queue/pause", "{}").statusCode()).isEqualTo(200);
            ApiFixture.moveInto(api.in, TestClips.audioOnly(api.staging, "voice.m4a", 1.0), "voice.m4a");
            ApiFixture.await(
                    "the audio job is probed",
                    PROBE,
                    () -> api.jobs().stream().anyMatch(job -> job.mediaFacts() != null));
            long id = api.jobs().getFirst().id();

            JsonNode job = ApiFixture.json(api.get("/api/jobs/" + id));
            assertThat(job.path("media").path("video_codec").isNull()).isTrue();
            assertThat(job.path("media").path("audio_tracks")).hasSize(1);
            assertThat(job.path("thumbnail").asBoolean()).isFalse();
            assertThat(bytes(api, "/api/jobs/" + id + "/thumbnail").statusCode())
                    .isEqualTo(404);
            assertThat(Thumbnailer.fileOf(api.data, id)).doesNotExist();

            HttpResponse<byte[]> unknown = bytes(api, "/api/jobs/999999/thumbnail");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(new String(unknown.body())).contains("job_not_found");
        }
    }

    @Test
    void theThumbnailNeedsTheTokenLikeEveryOtherRoute() throws IOException {
        try (ApiFixture api = ApiFixture.started(root)) {
            HttpRequest anonymous = HttpRequest.newBuilder(api.uri("/api/jobs/1/thumbnail"))
                    .GET()
                    .build();
            assertThat(api.send(anonymous).statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<byte[]> bytes(ApiFixture api, String path) throws IOException {
        try {
            return api.http.send(api.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
