package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPublisherTest {

    @TempDir
    Path dir;

    @Test
    void publishMovesTheTemporaryFileToTheReservedName() throws Exception {
        Path wanted = dir.resolve("clip.mov");
        Path temp = Files.writeString(OutputPaths.tempFor(wanted), "encoded");

        Path published = OutputPublisher.publish(temp, wanted, wanted);

        assertThat(published).isEqualTo(wanted).hasContent("encoded");
        assertThat(temp).doesNotExist();
    }

    @Test
    void nameTakenAfterReservationGoesToTheNextFreeNameWithoutReplacing() throws Exception {
        Path wanted = dir.resolve("clip.mov");
        Path temp = Files.writeString(OutputPaths.tempFor(wanted), "encoded");
        Files.writeString(wanted, "arrived meanwhile");

        Path published = OutputPublisher.publish(temp, wanted, wanted);

        assertThat(published).isEqualTo(dir.resolve("clip-2.mov")).hasContent("encoded");
        assertThat(wanted).hasContent("arrived meanwhile");
        assertThat(temp).doesNotExist();
    }
}
