package dev.bulletproof.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.desktop.connection.ConnectionState;
import dev.bulletproof.desktop.testing.DesktopWindow;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nobody listens: the window says so, keeps trying, and explains how to start a daemon. */
class NoDaemonTest {

    @TempDir
    Path root;

    @Test
    void withoutADaemonTheStatusBarSaysSoAndExplainsHowToStartOne() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (DesktopWindow window = new DesktopWindow(
                root.resolve("client"), URI.create("http://127.0.0.1:" + port), root.resolve("data"))) {
            DesktopWindow.until(
                    "the problem is shown",
                    Duration.ofSeconds(30),
                    () -> ((Label) window.scene().lookup("#connection-problem"))
                            .getText()
                            .startsWith("No daemon answers at http://127.0.0.1:" + port));
            assertThat(DesktopWindow.onFx(
                            () -> window.model.connection().stateProperty().get()))
                    .isEqualTo(ConnectionState.RECONNECTING);
            assertThat(DesktopWindow.onFx(
                            () -> window.scene().lookup("#start-daemon").isVisible()))
                    .as("no daemon can be found next to the test classes, so only the explanation shows")
                    .isFalse();
            window.screenshot("no-daemon");
        }
    }
}
