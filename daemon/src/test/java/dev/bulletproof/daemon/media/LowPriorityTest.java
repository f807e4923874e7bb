package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.daemon.testing.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class LowPriorityTest {

    @TempDir
    Path dir;

    @Test
    void aCommandIsPrefixedWithNiceWhereThereIsOne() {
        List<String> command = List.of("/opt/ffprobe", "-v", "error", "file:a b.mov");

        assertThat(LowPriority.wrap(command, Optional.of(Path.of("/usr/bin/nice"))))
                .containsExactly("/usr/bin/nice", "-n", "19", "/opt/ffprobe", "-v", "error", "file:a b.mov");
        assertThat(LowPriority.wrap(command, Optional.empty())).isEqualTo(command);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aBackgroundToolRunsAtTheLowestPriority() throws Exception {
        // `nice` without arguments prints the niceness it runs at.
        ToolOutput foreground = ToolRunner.run(List.of("sh", "-c", "nice"), Duration.ofSeconds(10), false);
        ToolOutput background = ToolRunner.run(List.of("sh", "-c", "nice"), Duration.ofSeconds(10), true);

        assertThat(background.stdout().strip()).isEqualTo("19");
        assertThat(foreground.stdout().strip()).isNotEqualTo("19");
    }

    @Test
    void aBackgroundProbeReadsTheSameFactsAsAForegroundOne() {
        Path clip = TestClips.videoWithAudio(dir, "clip.mp4", 1);

        MediaInfo background = MediaProber.inBackground(TestMedia.tools()).probe(clip);

        assertThat(background).isEqualTo(new MediaProber(TestMedia.tools()).probe(clip));
        assertThat(background.hasVideo()).isTrue();
    }
}
