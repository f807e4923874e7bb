package dev.bulletproof.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.desktop.connection.ConnectionState;
import dev.bulletproof.desktop.connection.DaemonAddress;
import dev.bulletproof.desktop.testing.DaemonProcess;
import dev.bulletproof.desktop.testing.DesktopWindow;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon that dies and comes back on the same port: the client says so, waits, and reloads everything. */
class ReconnectTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    @Test
    void reconnectsAfterTheDaemonIsKilledAndRestartedAndReloadsOverRest() {
        try (DaemonProcess daemon = new DaemonProcess(root.resolve("daemon"));
                DesktopWindow window = new DesktopWindow(root.resolve("client"), daemon)) {
            DesktopWindow.onFx(() -> {
                window.view.useTheme(MainView.Theme.LIGHT);
                window.view.show(2);
                return null;
            });
            DesktopWindow.until("connected", WAIT, () -> state(window) == ConnectionState.CONNECTED);
            DesktopWindow.until(
                    "the form shows one worker", WAIT, () -> workers(window).equals("1"));

            daemon.kill();
            DesktopWindow.until(
                    "the status bar counts down",
                    WAIT,
                    () -> state(window) == ConnectionState.RECONNECTING
                            && status(window).matches("Reconnecting in \\d+ s"));
            DesktopWindow.until(
                    "the banner says in words what happened and what comes next",
                    WAIT,
                    () -> problem(window).matches("Lost the connection to the daemon; retrying in \\d+ s…"));
            window.screenshot("reconnecting-light");

            // Changed while the daemon was down: no live update will ever say so, only a reload can.
            daemon.writeConfig(3);
            daemon.start();
            DesktopWindow.until("connected again", WAIT, () -> state(window) == ConnectionState.CONNECTED);
            DesktopWindow.until(
                    "the form was reloaded", WAIT, () -> workers(window).equals("3"));
            assertThat(status(window)).isEqualTo("Connected");
            window.screenshot("reconnected-config-light");

            DesktopWindow.onFx(() -> {
                window.model.connection().connect(new DaemonAddress(daemon.url(), "not-the-token"));
                return null;
            });
            DesktopWindow.until(
                    "a refused token is named as such",
                    WAIT,
                    () -> ((Label) window.scene().lookup("#connection-problem"))
                            .getText()
                            .contains("refused the token"));
            assertThat(DesktopWindow.onFx(
                            () -> window.scene().lookup("#start-daemon").isVisible()))
                    .as("another daemon would not help")
                    .isFalse();
            window.screenshot("refused-token-light");
        }
    }

    private static ConnectionState state(DesktopWindow window) {
        return window.model.connection().stateProperty().get();
    }

    private static String status(DesktopWindow window) {
        return ((Label) window.scene().lookup("#connection-status")).getText();
    }

    private static String problem(DesktopWindow window) {
        return ((Label) window.scene().lookup("#connection-problem")).getText();
    }

    private static String workers(DesktopWindow window) {
        return ((TextField) window.scene().lookup("#max_workers")).getText();
    }
}
