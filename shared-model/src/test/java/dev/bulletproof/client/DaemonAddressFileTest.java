package dev.bulletproof.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonAddressFileTest {

    @TempDir
    Path data;

    @Test
    void readsBackWhatWasWritten() throws Exception {
        DaemonAddressFile.write(data, URI.create("http://127.0.0.1:8123/"));

        assertThat(DaemonAddressFile.read(data)).contains(URI.create("http://127.0.0.1:8123/"));
        assertThat(data.resolve(".api-url.tmp")).doesNotExist();
    }

    @Test
    void aMissingOrDamagedFileIsNoAddress() throws Exception {
        assertThat(DaemonAddressFile.read(data)).isEmpty();

        Files.writeString(data.resolve(DaemonAddressFile.FILE_NAME), "not a url at all\n");

        assertThat(DaemonAddressFile.read(data)).isEmpty();
    }

    @Test
    void removingLeavesTheAddressOfADaemonStartedSince() throws Exception {
        DaemonAddressFile.write(data, URI.create("http://127.0.0.1:9001/"));

        DaemonAddressFile.removeIfStill(data, URI.create("http://127.0.0.1:8123/"));
        assertThat(DaemonAddressFile.read(data)).contains(URI.create("http://127.0.0.1:9001/"));

        DaemonAddressFile.removeIfStill(data, URI.create("http://127.0.0.1:9001/"));
        assertThat(data.resolve(DaemonAddressFile.FILE_NAME)).doesNotExist();
    }
}
