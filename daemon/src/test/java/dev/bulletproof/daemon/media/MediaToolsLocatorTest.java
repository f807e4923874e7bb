package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.daemon.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaToolsLocatorTest {

    @TempDir
    Path dir;

    private final Path bundled = TestMedia.tools().ffmpeg();

    private Path brokenTool(Path folder, String name) throws Exception {
        Files.createDirectories(folder);
        Path tool = folder.resolve(name);
        Files.writeString(tool, "#!/bin/sh\necho 'error while loading shared libraries: libva.so.2' >&2\nexit 127\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tool;
    }

    @Test
    void workingConfiguredPathWins() {
        MediaTools tools = MediaToolsLocator.locate(bundled, Optional::empty, "");

        assertThat(tools.source()).isEqualTo("configured");
        assertThat(tools.ffmpeg()).isEqualTo(bundled);
        assertThat(tools.ffprobe().getFileName().toString()).isEqualTo("ffprobe");
        assertThat(tools.version()).startsWith("ffmpeg version");
    }

    /** The user chose that ffmpeg; output from another one is not what they asked for. */
    @Test
    void aBrokenConfiguredFfmpegIsRefusedNotReplacedByTheBundledOne() throws Exception {
        Path broken = brokenTool(dir.resolve("broken"), "ffmpeg");
        brokenTool(dir.resolve("broken"), "ffprobe");

        assertThatThrownBy(() -> MediaToolsLocator.locate(broken, () -> Optional.of(bundled), ""))
                .isInstanceOf(UnusableFfmpegException.class)
                .hasMessageContaining("the configured ffmpeg " + broken + " cannot be used")
                .hasMessageContaining("exited with code 127: error while loading shared libraries: libva.so.2")
                .hasMessageContaining("does not fall back");
    }

    @Test
    void aConfiguredFfmpegThatIsNotExecutableIsRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("plain"));
        Path notExecutable = Files.writeString(folder.resolve("ffmpeg"), "not a program\n");

        assertThatThrownBy(() -> MediaToolsLocator.locate(notExecutable, () -> Optional.of(bundled), ""))
                .isInstanceOf(UnusableFfmpegException.class)
                .hasMessageContaining(notExecutable + " cannot be used: ffmpeg is not executable");
    }

    @Test
    void aConfiguredFfmpegWithoutAWorkingFfprobeBesideItIsRefused() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("lonely"));
        Files.createSymbolicLink(bin.resolve("ffmpeg"), bundled);

        assertThatThrownBy(() -> MediaToolsLocator.locate(bin.resolve("ffmpeg"), () -> Optional.of(bundled), ""))
                .isInstanceOf(UnusableFfmpegException.class)
                .hasMessageContaining("ffprobe does not exist");
    }

    @Test
    void ffmpegOnThePathIsUsedWhenNothingElseWorks() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("ffmpeg"), bundled);
        Files.createSymbolicLink(bin.resolve("ffprobe"), TestMedia.tools().ffprobe());

        MediaTools tools = MediaToolsLocator.locate(null, Optional::empty, dir.resolve("empty") + ":" + bin);

        assertThat(tools.source()).isEqualTo("PATH");
        assertThat(tools.ffmpeg()).isEqualTo(bin.resolve("ffmpeg"));
    }

    @Test
    void whenNothingWorksTheMessageNamesEveryCandidateAndWhy() throws Exception {
        Path bin = dir.resolve("bin");
        brokenTool(bin, "ffmpeg");

        assertThatThrownBy(() -> MediaToolsLocator.locate(null, Optional::empty, bin.toString()))
                .isInstanceOf(MediaToolsNotFoundException.class)
                .hasMessageContaining("bundled: not available")
                .hasMessageContaining("PATH " + bin.resolve("ffmpeg"))
                .hasMessageContaining("libva.so.2");
    }
}
