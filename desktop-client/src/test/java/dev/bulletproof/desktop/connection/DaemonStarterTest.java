package dev.bulletproof.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a daemon to start next to the desktop client's jar. */
class DaemonStarterTest {

    @TempDir
    Path root;

    private Path touch(String relative) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "");
    }

    @Test
    void aSourceBuildStartsTheDaemonThroughTheLauncherScript() throws Exception {
        Path desktop = touch("desktop-client/target/bulletproof-desktop.jar");
        touch("daemon/target/bulletproof-daemon.jar");
        Path script = touch("bulletproof");

        var command = new DaemonStarter(desktop, Path.of("/jdk/bin/java")).command(root.resolve("data"));

        assertThat(command)
                .contains(java.util.List.of(
                        script.toString(),
                        "daemon",
                        "--data-dir",
                        root.resolve("data").toString()));
    }

    @Test
    void anInstallWithTheJarsSideBySideRunsTheDaemonJarWithTheSameJava() throws Exception {
        Path desktop = touch("app/bulletproof-desktop.jar");
        Path daemon = touch("app/bulletproof-daemon.jar");

        var command = new DaemonStarter(desktop, Path.of("/jdk/bin/java")).command(null);

        assertThat(command)
                .contains(java.util.List.of(
                        "/jdk/bin/java", "--enable-native-access=ALL-UNNAMED", "-jar", daemon.toString(), "daemon"));
    }

    @Test
    void withNoDaemonNearbyThereIsNoCommandOnlyAnExplanation() throws Exception {
        Path desktop = touch("elsewhere/bulletproof-desktop.jar");

        assertThat(new DaemonStarter(desktop, Path.of("java")).command(null)).isEmpty();
        assertThat(DaemonStarter.howToStart()).contains("bulletproof daemon");
    }
}
