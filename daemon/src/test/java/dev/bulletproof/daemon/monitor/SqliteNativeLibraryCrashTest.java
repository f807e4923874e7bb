package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlite-jdbc extracts a native library at every start and deletes it only in a JVM exit hook, which a
 * kill -9 never runs: each crash used to leave one more sqlite-*.so in /tmp. The daemon now extracts it
 * into its data folder and removes what a dead run left there.
 */
class SqliteNativeLibraryCrashTest {

    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path root;

    @Test
    void theLibraryLandsInTheDataFolderAndWhatAKilledRunLeftIsRemovedAtTheNextStart() throws Exception {
        MonitorFixture folders = new MonitorFixture(root, "server: { port: " + freePort() + " }\n");
        Path tmp = Files.createDirectories(root.resolve("jvm-tmp"));
        Path nativeFolder = folders.data.resolve("native");
        List<String> jvm = List.of("-Djava.io.tmpdir=" + tmp);

        List<Path> firstRun;
        try (DaemonProcess daemon = DaemonProcess.start(folders.configFile, folders.data, root.resolve("1.log"), jvm)) {
            awaitRunning(daemon);
            firstRun = libraries(nativeFolder);
            assertThat(firstRun)
                    .as("extracted into the data folder; log:\n" + daemon.log())
                    .hasSize(1);
            daemon.kill9();
        }
        assertThat(libraries(nativeFolder))
                .as("kill -9 runs no exit hook, so the copy is still there")
                .containsExactlyElementsOf(firstRun);
        Path olderLeftover = Files.writeString(nativeFolder.resolve("sqlite-3.0.0-dead-libsqlitejdbc.so"), "old");
        Files.writeString(nativeFolder.resolve("sqlite-3.0.0-dead-libsqlitejdbc.so.lck"), "");

        try (DaemonProcess daemon = DaemonProcess.start(folders.configFile, folders.data, root.resolve("2.log"), jvm)) {
            awaitRunning(daemon);
            List<Path> secondRun = libraries(nativeFolder);

            assertThat(secondRun).as("log:\n" + daemon.log()).hasSize(1).doesNotContainAnyElementsOf(firstRun);
            assertThat(olderLeftover).doesNotExist();
            assertThat(lockFiles(nativeFolder)).hasSize(1);
            daemon.terminate();
        }
        assertThat(libraries(nativeFolder))
                .as("an orderly stop removes its own copy")
                .isEmpty();
        assertThat(entries(tmp).filter(file -> file.getFileName().toString().startsWith("sqlite-")))
                .as("nothing extracted into the JVM's temporary folder")
                .isEmpty();
    }

    private static void awaitRunning(DaemonProcess daemon) {
        MonitorFixture.await(
                "the daemon to start",
                START,
                () -> daemon.log().contains("Bulletproof daemon running") || !daemon.isAlive());
        assertThat(daemon.isAlive())
                .as("the daemon died; log:\n" + daemon.log())
                .isTrue();
    }

    private static List<Path> libraries(Path folder) {
        return entries(folder)
                .filter(file -> file.getFileName().toString().startsWith("sqlite-"))
                .filter(file -> !file.getFileName().toString().endsWith(".lck"))
                .sorted()
                .toList();
    }

    private static List<Path> lockFiles(Path folder) {
        return entries(folder)
                .filter(file -> file.getFileName().toString().endsWith(".lck"))
                .toList();
    }

    private static Stream<Path> entries(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
