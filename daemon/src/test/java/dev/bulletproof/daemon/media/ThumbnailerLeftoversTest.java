package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the temporary files of half-made poster frames are removed at start; nothing else in the folder. */
class ThumbnailerLeftoversTest {

    @TempDir
    Path data;

    @Test
    void temporaryFramesGoAndWholeFramesAndOtherFilesStay() throws IOException {
        Path whole = Thumbnailer.fileOf(data, 1);
        Files.createDirectories(whole.getParent());
        Files.write(whole, new byte[] {1});
        Path halfMade = whole.resolveSibling("2.jpg.part");
        Files.write(halfMade, new byte[] {2});
        Path other = whole.resolveSibling("notes.txt");
        Files.writeString(other, "kept");
        Path elsewhere = data.resolve("3.jpg.part");
        Files.write(elsewhere, new byte[] {3});

        assertThat(Thumbnailer.removeLeftovers(data)).isEqualTo(1);

        assertThat(halfMade).doesNotExist();
        assertThat(whole).exists();
        assertThat(other).exists();
        assertThat(elsewhere).as("outside the thumbnails folder").exists();
    }

    @Test
    void aDataFolderWithoutPosterFramesHasNothingToRemove() throws IOException {
        assertThat(Thumbnailer.removeLeftovers(data)).isZero();
    }
}
