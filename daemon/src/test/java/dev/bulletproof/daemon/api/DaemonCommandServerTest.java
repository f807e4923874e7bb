package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `bulletproof daemon` as a child process: it prints the dashboard URL, and a taken port is exit 1. */
class DaemonCommandServerTest {

    private static final Pattern DASHBOARD =
            Pattern.compile("dashboard +(http://127\\.0\\.0\\.1:(\\d+)/\\?token=([\\w-]+))");

    @TempDir
    Path root;

    @Test
    void daemonPrintsAWorkingDashboardUrlAndASecondOneOnTheSamePortExitsWithOne() throws Exception {
        int port = freePort();
        Path config = root.resolve("bulletproof.yaml");
        Files.createDirectories(root.resolve("in"));
        Files.writeString(
                config,
                "monitor_folder: ./in\noutput_folder: ./out\nserver: { host: 127.0.0.1, port: " + port
                        + ", auth: token }\n");
        Path firstLog = root.resolve("first.log");
        Process first = start(config, root.resolve("data1"), firstLog);
        try {
            ApiFixture.await(
                    "the dashboard line",
                    Duration.ofSeconds(60),
                    () -> DASHBOARD.matcher(read(firstLog)).find());
            Matcher line = DASHBOARD.matcher(read(firstLog));
            assertThat(line.find()).isTrue();
            assertThat(line.group(2)).isEqualTo(Integer.toString(port));
            assertThat(line.group(3))
                    .isEqualTo(Files.readString(root.resolve("data1/token")).strip());
            HttpResponse<String> opened = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(line.group(1))).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(opened.statusCode()).isEqualTo(303);

            Path secondLog = root.resolve("second.log");
            Process second = start(config, root.resolve("data2"), secondLog);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(read(secondLog)).contains("already in use").doesNotContain("Exception in thread");
            assertThat(first.isAlive()).isTrue();
        } finally {
            first.destroy();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Process start(Path config, Path data, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(List.of(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.bulletproof.daemon.cli.BulletproofCli",
                        "daemon",
                        "--config",
                        config.toString(),
                        "--data-dir",
                        data.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
