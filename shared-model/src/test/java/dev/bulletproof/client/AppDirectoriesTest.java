package dev.bulletproof.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDirectoriesTest {

    private static final Path HOME = Path.of("/home/ana");

    @TempDir
    Path workingFolder;

    @Test
    void linuxFollowsXdgWithTheStandardFallbacks() {
        AppDirectories plain = AppDirectories.of("Linux", Map.of(), HOME);
        assertThat(plain.configFolder()).isEqualTo(Path.of("/home/ana/.config/bulletproof"));
        assertThat(plain.dataFolder()).isEqualTo(Path.of("/home/ana/.local/share/bulletproof"));

        AppDirectories xdg =
                AppDirectories.of("Linux", Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data"), HOME);
        assertThat(xdg.configFolder()).isEqualTo(Path.of("/cfg/bulletproof"));
        assertThat(xdg.dataFolder()).isEqualTo(Path.of("/data/bulletproof"));

        AppDirectories relative = AppDirectories.of("Linux", Map.of("XDG_CONFIG_HOME", "cfg"), HOME);
        assertThat(relative.configFolder()).isEqualTo(Path.of("/home/ana/.config/bulletproof"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        AppDirectories mac = AppDirectories.of("Mac OS X", Map.of(), HOME);

        assertThat(mac.configFolder()).isEqualTo(Path.of("/home/ana/Library/Application Support/Bulletproof"));
        assertThat(mac.dataFolder()).isEqualTo(mac.configFolder());
    }

    @Test
    void windowsKeepsConfigRoamingAndDataLocal() {
        AppDirectories windows =
                AppDirectories.of("Windows 11", Map.of("APPDATA", "/roaming", "LOCALAPPDATA", "/local"), HOME);

        assertThat(windows.configFolder()).isEqualTo(Path.of("/roaming/Bulletproof"));
        assertThat(windows.dataFolder()).isEqualTo(Path.of("/local/Bulletproof"));
    }

    @Test
    void configFileIsTheCommandLineOneElseTheLocalOneElseThePerUserOne() throws Exception {
        AppDirectories dirs = AppDirectories.of("Linux", Map.of(), HOME);

        assertThat(dirs.configFile(null, workingFolder))
                .isEqualTo(Path.of("/home/ana/.config/bulletproof/bulletproof.yaml"));
        Files.writeString(workingFolder.resolve("bulletproof.yaml"), "");
        assertThat(dirs.configFile(null, workingFolder)).isEqualTo(workingFolder.resolve("bulletproof.yaml"));
        assertThat(dirs.configFile(Path.of("/etc/bp.yaml"), workingFolder)).isEqualTo(Path.of("/etc/bp.yaml"));
        assertThat(dirs.dataFolder(null)).isEqualTo(Path.of("/home/ana/.local/share/bulletproof"));
        assertThat(dirs.dataFolder(Path.of("/srv/bp"))).isEqualTo(Path.of("/srv/bp"));
    }
}
