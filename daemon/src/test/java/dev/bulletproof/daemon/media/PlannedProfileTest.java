package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannedProfileTest {

    @Test
    void everyBuiltInProfileReadsBackFieldForField() {
        for (Profile profile : ProfileCatalog.builtins().all()) {
            assertThat(PlannedProfile.fromJson(PlannedProfile.toJson(profile)))
                    .as(profile.name())
                    .contains(profile);
        }
    }

    @Test
    void aCustomProfileReadsBackWithItsOwnSettings() {
        Profile custom = ProfileCatalog.builtins()
                .withCustom(List.of(Map.of(
                        "name", "cue-proxy",
                        "extension", "mkv",
                        "video_codec", "libx264",
                        "crf", 30,
                        "resolution", "160:90",
                        "audio_codec", "aac",
                        "audio_bitrate", "96k")))
                .find("cue-proxy")
                .orElseThrow();

        Profile read = PlannedProfile.fromJson(PlannedProfile.toJson(custom)).orElseThrow();

        assertThat(read).isEqualTo(custom);
        assertThat(FfmpegArguments.encodingArgs(read, EncodeOptions.defaults(), null))
                .isEqualTo(FfmpegArguments.encodingArgs(custom, EncodeOptions.defaults(), null));
    }

    @Test
    void textThatIsNoProfileIsNotTakenForOne() {
        assertThat(PlannedProfile.fromJson(null)).isEmpty();
        assertThat(PlannedProfile.fromJson("")).isEmpty();
        assertThat(PlannedProfile.fromJson("not json")).isEmpty();
        assertThat(PlannedProfile.fromJson("{\"crf\": 20}"))
                .as("no name, no extension")
                .isEmpty();
        assertThat(PlannedProfile.fromJson("[1, 2]")).isEmpty();
    }
}
