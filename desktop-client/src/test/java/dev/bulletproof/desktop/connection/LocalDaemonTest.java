package dev.bulletproof.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalDaemonTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            Linux,      '',                  /home/ana/.local/share/bulletproof
            Linux,      /data/xdg,           /data/xdg/bulletproof
            Linux,      relative/xdg,        /home/ana/.local/share/bulletproof
            Mac OS X,   '',                  /home/ana/Library/Application Support/Bulletproof
            """)
    void findsTheDataFolderTheDaemonUsesForThisUser(String os, String xdgDataHome, String expected) {
        Map<String, String> env = new HashMap<>();
        if (!xdgDataHome.isEmpty()) {
            env.put("XDG_DATA_HOME", xdgDataHome);
        }

        LocalDaemon daemon = LocalDaemon.of(os, env, Path.of("/home/ana"));

        assertThat(daemon.dataFolder()).isEqualTo(Path.of(expected));
    }

    @Test
    void onWindowsDataIsMachineLocalAndConfigRoams() {
        LocalDaemon daemon = LocalDaemon.of(
                "Windows 11", Map.of("APPDATA", "C:\\Users\\ana\\AppData\\Roaming"), Path.of("C:\\Users\\ana"));

        assertThat(daemon.configFolder().toString()).endsWith("Bulletproof");
        assertThat(daemon.dataFolder().toString()).contains("Local");
    }

    @Test
    void readsTheTokenTheDaemonWroteAndNothingWhenThereIsNone(@TempDir Path data) throws Exception {
        LocalDaemon daemon = new LocalDaemon(data.resolve("config"), data);
        assertThat(daemon.token()).isEmpty();

        Files.writeString(data.resolve("token"), "s3cret\n");

        assertThat(daemon.token()).contains("s3cret");
    }
}
