package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.daemon.testing.TestMedia;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaProberTest {

    @TempDir
    Path dir;

    private final MediaProber prober = new MediaProber(TestMedia.tools());

    @Test
    void videoWithTwoAudioTracksIsDescribedInFull() {
        MediaInfo info = prober.probe(TestClips.videoTwoAudioTracks(dir, "two tracks.mp4", 1));

        assertThat(info.formatName()).contains("mp4");
        assertThat(info.durationSeconds()).isCloseTo(1.0, within(0.1));
        assertThat(info.bitRate()).isPositive();
        assertThat(info.resolution()).isEqualTo("320x180");
        assertThat(info.video().codec()).isEqualTo("h264");
        assertThat(info.video().frameRate()).isEqualTo("25/1");
        assertThat(info.video().pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.audio()).hasSize(2).allSatisfy(track -> {
            assertThat(track.codec()).isEqualTo("aac");
            assertThat(track.sampleRate()).isEqualTo(48000);
            assertThat(track.channels()).isEqualTo(1);
        });
    }

    @Test
    void audioOnlyFileHasNoVideo() {
        MediaInfo info = prober.probe(TestClips.audioOnly(dir, "tone.wav", 1));

        assertThat(info.hasVideo()).isFalse();
        assertThat(info.resolution()).isNull();
        assertThat(info.hasAudio()).isTrue();
    }

    @Test
    void keyframeTimesListTheVideoKeyframes() {
        assertThat(prober.keyframeTimes(TestClips.videoOnly(dir, "v.mp4", 1)))
                .first()
                .isEqualTo(0.0);
    }

    @Test
    void unprobeableFilesGiveMessagesAUserCanActOn() {
        assertThatThrownBy(() -> prober.probe(dir.resolve("nope.mov")))
                .isInstanceOf(ProbeException.class)
                .hasMessageStartingWith("no such file");
        assertThatThrownBy(() -> prober.probe(TestClips.zeroBytes(dir, "zero.mov")))
                .hasMessageStartingWith("empty file");
        assertThatThrownBy(() -> prober.probe(TestClips.randomBytes(dir, "-noise.mov", 4096)))
                .hasMessageStartingWith("not a media file: -noise.mov");
        assertThatThrownBy(() -> prober.probe(dir)).hasMessageStartingWith("is a folder");
    }
}
