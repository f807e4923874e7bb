package dev.bulletproof.desktop.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.model.MediaFacts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the detail pane words the probe's media facts and the output's compression. */
class JobMediaTextTest {

    private static final MediaFacts PROBED = new MediaFacts(
            "mov,mp4,m4a,3gp,3g2,mj2",
            "h264",
            25.0,
            List.of(new MediaFacts.AudioTrack("aac", 2, 48_000), new MediaFacts.AudioTrack("ac3", 6, 44_100)));

    @Test
    void videoNamesCodecFrameRateAndContainer() {
        assertThat(JobsViewModel.video(PROBED)).isEqualTo("h264, 25 fps (mov,mp4,m4a,3gp,3g2,mj2)");
    }

    @Test
    void everyAudioTrackIsListedInFileOrder() {
        assertThat(JobsViewModel.audio(PROBED)).isEqualTo("aac stereo 48 kHz; ac3 6 ch 44.1 kHz");
    }

    @Test
    void anAudioOnlyFileSaysSo_andAnUnprobedOneIsUnknown() {
        MediaFacts audioOnly = new MediaFacts("mov,mp4,m4a,3gp,3g2,mj2", null, null, PROBED.audioTracks());
        assertThat(JobsViewModel.video(audioOnly)).isEqualTo("none, audio only (mov,mp4,m4a,3gp,3g2,mj2)");
        assertThat(JobsViewModel.video(null)).isEqualTo("–");
        assertThat(JobsViewModel.audio(null)).isEqualTo("–");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            null, ''
            0,    ''
            4,    ', 4.00x smaller'
            0.5,  ', 2.00x larger'
            """)
    void compressionReadsLikeTheWebDashboard(Double ratio, String expected) {
        assertThat(JobsViewModel.compression(ratio)).isEqualTo(expected);
    }
}
