package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileCatalogTest {

    private static Map<String, Object> custom(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void builtinsAreTheTenDocumentedProfilesInOrder() {
        assertThat(ProfileCatalog.builtins().names())
                .containsExactly(
                        "live-qlab",
                        "audio-qlab",
                        "live-prores-lt",
                        "live-h264",
                        "live-linux-hevc-mkv",
                        "standard-playback",
                        "stream-hd",
                        "stream-4k",
                        "archival",
                        "archival-linux-mkv");
        assertThat(ProfileCatalog.builtins().all()).allMatch(Profile::builtin);
    }

    @Test
    void defaultProfileIsLiveQlab() {
        assertThat(ProfileCatalog.builtins().defaultProfile().name()).isEqualTo("live-qlab");
    }

    @Test
    void archivalIsProresHqNotThe4444ThatAlwaysFailed() {
        Profile archival = ProfileCatalog.builtins().require("archival");

        assertThat(archival.videoProfile()).isEqualTo("3");
        assertThat(archival.pixelFormat()).isEqualTo("yuv422p10le");
    }

    @Test
    void builtinEncodersAreTheOnesDoctorChecks() {
        assertThat(ProfileCatalog.builtinEncoders())
                .containsExactlyInAnyOrder("prores_ks", "libx264", "libx265", "aac", "pcm_s24le");
    }

    @Test
    void customProfileIsAddedAfterTheBuiltins() {
        ProfileCatalog catalog = ProfileCatalog.builtins()
                .withCustom(List.of(custom(
                        "name", "house-h264",
                        "extension", "mp4",
                        "video_codec", "libx264",
                        "crf", 20,
                        "keyframes", "fixed",
                        "keyframe_interval_seconds", 1,
                        "audio_codec", "aac")));

        Profile house = catalog.require("house-h264");
        assertThat(house.builtin()).isFalse();
        assertThat(house.keyframes()).isEqualTo(KeyframeMode.FIXED);
        assertThat(house.keyframeIntervalSeconds()).isEqualTo(1.0);
        assertThat(catalog.names()).endsWith("house-h264").hasSize(11);
        assertThat(ProfileCatalog.builtins().find("house-h264")).isEmpty();
    }

    @Test
    void customProfileMayNotShadowABuiltin() {
        assertThatThrownBy(() -> ProfileCatalog.builtins()
                        .withCustom(List.of(custom(
                                "name",
                                "live-qlab",
                                "extension",
                                "mov",
                                "video_codec",
                                "prores_ks",
                                "audio_codec",
                                "pcm_s24le"))))
                .isInstanceOf(ProfileDefinitionException.class)
                .hasMessageContaining("'live-qlab' has the name of a built-in profile");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> ProfileCatalog.builtins()
                        .withCustom(List.of(custom(
                                "name", "Bad Name",
                                "extension", ".mp4",
                                "video_codec", "libx264",
                                "crf", 99,
                                "keyframes", "sometimes",
                                "colour", "red"))))
                .isInstanceOfSatisfying(
                        ProfileDefinitionException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p).contains("unknown field 'colour'"))
                                .anySatisfy(p -> assertThat(p).contains("name 'Bad Name' is invalid"))
                                .anySatisfy(p -> assertThat(p).contains("extension '.mp4' is invalid"))
                                .anySatisfy(p -> assertThat(p).contains("crf 99 is out of range"))
                                .anySatisfy(p -> assertThat(p).contains("keyframes 'sometimes' is not one of")));
    }

    @Test
    void fixedKeyframesWithoutAnIntervalAreRejected() {
        assertThatThrownBy(() -> ProfileCatalog.builtins()
                        .withCustom(List.of(custom(
                                "name",
                                "grid",
                                "extension",
                                "mp4",
                                "video_codec",
                                "libx264",
                                "crf",
                                20,
                                "keyframes",
                                "fixed"))))
                .hasMessageContaining("needs keyframe_interval_seconds");
    }

    @Test
    void duplicateCustomNamesAreRejected() {
        Map<String, Object> wav = custom("name", "wav48", "extension", "wav", "audio_codec", "pcm_s24le");
        assertThatThrownBy(() -> ProfileCatalog.builtins().withCustom(List.of(wav, wav)))
                .hasMessageContaining("'wav48' is defined twice");
    }

    @Test
    void unknownProfileNameListsTheKnownOnes() {
        assertThatThrownBy(() -> ProfileCatalog.builtins().require("nope"))
                .hasMessageContaining("unknown profile 'nope'")
                .hasMessageContaining("live-qlab");
    }

    @Test
    void apiModelCarriesTheEncodingArguments() {
        var model = ProfileCatalog.builtins().require("archival").toModel();

        assertThat(model.name()).isEqualTo("archival");
        assertThat(model.extension()).isEqualTo("mov");
        assertThat(model.builtin()).isTrue();
        assertThat(String.join(" ", model.ffmpegArgs())).contains("-c:v prores_ks -profile:v 3 -pix_fmt yuv422p10le");
    }
}
