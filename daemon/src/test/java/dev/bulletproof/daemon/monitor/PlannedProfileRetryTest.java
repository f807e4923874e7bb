package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.media.MediaProber;
import dev.bulletproof.daemon.testing.TestMedia;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job runs with the profile it was queued with, whole; a person's retry plans it again with the profile as
 * the config file defines it then, so a profile fixed after a failure is the one the retry runs with.
 */
class PlannedProfileRetryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final String CONFIG = """
            rules:
              - { pattern: '*.mkv', profile: cue-proxy }
            profiles:
              - name: cue-proxy
                extension: mkv
                video_codec: libx264
                encoder_preset: ultrafast
                crf: 30
                pixel_format: %s
                resolution: "160:90"
                audio_codec: aac
            """;

    @TempDir
    Path root;

    @Test
    void a_retry_after_the_profile_was_fixed_runs_with_the_fixed_profile() throws Exception {
        try (MonitorFixture fixture = new MonitorFixture(root, CONFIG.formatted("no_such_format"))) {
            fixture.start();
            Path input = fixture.drop("cue 1.mkv", 0.5);
            fixture.awaitStatus(input, JobStatus.FAILED, WAIT);
            fixture.stop();

            String fixed = Files.readString(fixture.configFile).replace("no_such_format", "yuv420p");
            Files.writeString(fixture.configFile, fixed);
            fixture.start();
            Job failed = fixture.jobFor(input);
            assertThat(failed.error()).as("it failed with the broken profile").isNotBlank();

            fixture.daemon().engine().jobCommands().retry(failed.id());
            fixture.awaitStatus(input, JobStatus.COMPLETED, WAIT);

            Job done = fixture.jobFor(input);
            assertThat(new MediaProber(TestMedia.tools())
                            .probe(Path.of(done.outputPath()))
                            .resolution())
                    .isEqualTo("160x90");
        }
    }
}
