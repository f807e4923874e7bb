package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodeOptionsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            1920:1080, 1920:1080
            1280x720,  1280:720
            ' 640 X 360 ', 640:360
            """)
    void resolutionAcceptsColonOrX(String given, String normalized) {
        assertThat(new EncodeOptions(null, given, null, null).resolution()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            1920
            wide:tall
            0:1080
            99999:10
            """)
    void impossibleResolutionIsRejectedWithAnExample(String given) {
        assertThatThrownBy(() -> new EncodeOptions(null, given, null, null))
                .isInstanceOf(InvalidEncodeOptionsException.class)
                .hasMessageContaining(given);
    }

    @Test
    void sampleRateAndKeyframeIntervalMustBePlausible() {
        assertThatThrownBy(() -> new EncodeOptions(null, null, 100, null))
                .isInstanceOf(InvalidEncodeOptionsException.class)
                .hasMessageContaining("100 Hz");
        assertThatThrownBy(() -> new EncodeOptions(null, null, null, 0.0))
                .isInstanceOf(InvalidEncodeOptionsException.class)
                .hasMessageContaining("keyframe interval");
    }

    @Test
    void missingPresetMeansNormal() {
        assertThat(new EncodeOptions(null, null, null, null).preset()).isEqualTo(SpeedPreset.NORMAL);
        assertThat(SpeedPreset.parse("Slow")).isEqualTo(SpeedPreset.SLOW);
        assertThatThrownBy(() -> SpeedPreset.parse("ludicrous")).hasMessageContaining("fast, normal or slow");
    }
}
