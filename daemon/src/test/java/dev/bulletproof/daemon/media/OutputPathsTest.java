package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputPathsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(textBlock = """
            clip.mov,          .clip.bp-partial.mov
            my clip.final.mp4, .my clip.final.bp-partial.mp4
            noext,             .noext.bp-partial
            """)
    void tempFileSitsBesideTheFinalNameHiddenAndKeepsTheExtension(String name, String temp) {
        Path tempPath = OutputPaths.tempFor(dir.resolve(name));

        assertThat(tempPath.getParent()).isEqualTo(dir);
        assertThat(tempPath.getFileName().toString()).isEqualTo(temp);
        assertThat(OutputPaths.isTemp(tempPath)).isTrue();
        assertThat(OutputPaths.isTemp(dir.resolve(name))).isFalse();
    }

    @Test
    void nextFreeKeepsAFreeNameAndSuffixesATakenOne() throws Exception {
        Path wanted = dir.resolve("clip.mov");
        assertThat(OutputPaths.nextFree(wanted)).isEqualTo(wanted);

        Files.writeString(wanted, "x");
        assertThat(OutputPaths.nextFree(wanted)).isEqualTo(dir.resolve("clip-2.mov"));

        Files.writeString(dir.resolve("clip-2.mov"), "x");
        Files.writeString(OutputPaths.tempFor(dir.resolve("clip-3.mov")), "in progress");
        assertThat(OutputPaths.nextFree(wanted)).isEqualTo(dir.resolve("clip-4.mov"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            clip.mov,  mov, clip
            a.b.mkv,   mkv, a.b
            .hidden,   '',  .hidden
            trailing., '',  trailing.
            noext,     '',  noext
            """)
    void splitsExtensionAndStem(String name, String extension, String stem) {
        assertThat(OutputPaths.extensionOf(name)).isEqualTo(extension);
        assertThat(OutputPaths.stemOf(name)).isEqualTo(stem);
    }
}
