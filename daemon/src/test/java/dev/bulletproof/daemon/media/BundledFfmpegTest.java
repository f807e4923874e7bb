package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledFfmpegTest {

    @TempDir
    Path folder;

    @Test
    void theRealBundleIsFoundAgainFromWhatWasRemembered() throws Exception {
        Path first = BundledFfmpeg.extract().orElseThrow();
        Path again = BundledFfmpeg.extract().orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(first.resolveSibling("ffprobe" + (first.toString().endsWith(".exe") ? ".exe" : "")))
                .isExecutable();
        String bundle = org.bytedeco
                .ffmpeg
                .ffmpeg
                .class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();
        assertThat(org.bytedeco.javacpp.Loader.getCacheDir().toPath().resolve(BundledFfmpeg.memoFileName(bundle)))
                .isRegularFile();
    }

    @Test
    void eachInstallationRemembersInItsOwnFile() {
        String checkout = "file:/home/me/bulletproof/daemon/target/lib/ffmpeg-7.1.1-1.5.12.jar";
        String installed = "file:/opt/bulletproof/lib/app/ffmpeg-7.1.1-1.5.12.jar";

        assertThat(BundledFfmpeg.memoFileName(checkout))
                .isEqualTo(BundledFfmpeg.memoFileName(checkout))
                .isNotEqualTo(BundledFfmpeg.memoFileName(installed))
                .startsWith("bulletproof-bundled-ffmpeg-")
                .endsWith(".properties");
    }

    @Test
    void aRememberedPairIsUsedOnlyWhileBundleAndBothExecutablesAreUnchanged() throws Exception {
        Path ffmpeg = Files.writeString(folder.resolve("ffmpeg"), "binary one");
        Path ffprobe = Files.writeString(folder.resolve("ffprobe"), "binary two");
        Path memo = folder.resolve("cache").resolve("memo.properties");

        BundledFfmpeg.remember(memo, "bundle-1.jar 10@20", ffmpeg, ffprobe);

        assertThat(BundledFfmpeg.remembered(memo, "bundle-1.jar 10@20")).contains(ffmpeg);
        assertThat(BundledFfmpeg.remembered(memo, "bundle-2.jar 10@20"))
                .as("an upgraded application")
                .isEmpty();
        assertThat(BundledFfmpeg.remembered(memo, null)).isEmpty();

        Files.writeString(ffprobe, "binary two, re-extracted and longer");
        assertThat(BundledFfmpeg.remembered(memo, "bundle-1.jar 10@20")).isEmpty();

        BundledFfmpeg.remember(memo, "bundle-1.jar 10@20", ffmpeg, ffprobe);
        Files.setLastModifiedTime(ffmpeg, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertThat(BundledFfmpeg.remembered(memo, "bundle-1.jar 10@20"))
                .as("same size, other time")
                .isEmpty();

        BundledFfmpeg.remember(memo, "bundle-1.jar 10@20", ffmpeg, ffprobe);
        Files.delete(ffmpeg);
        assertThat(BundledFfmpeg.remembered(memo, "bundle-1.jar 10@20")).isEmpty();
    }

    @Test
    void aMissingOrDamagedMemoIsIgnored() throws Exception {
        Path memo = folder.resolve("memo.properties");
        assertThat(BundledFfmpeg.remembered(memo, "bundle")).isEmpty();

        Files.writeString(memo, "bundle=bundle\nffmpeg=\\u12");
        assertThat(BundledFfmpeg.remembered(memo, "bundle")).isEmpty();

        Files.writeString(memo, "bundle=bundle\n");
        assertThat(BundledFfmpeg.remembered(memo, "bundle")).isEmpty();
    }
}
