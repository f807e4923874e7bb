package dev.bulletproof.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.desktop.connection.ConnectionState;
import dev.bulletproof.desktop.testing.DaemonProcess;
import dev.bulletproof.desktop.testing.DesktopWindow;
import dev.bulletproof.desktop.testing.TestClips;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The window on a 1366×768 laptop screen against a real daemon with a completed, a failed and a queued
 * job: a screenshot of every view in both themes (target/screenshots/1366-THEME-VIEW.png, looked at by a
 * person), and the keyboard shortcuts the Help menu lists.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreensAt1366Test {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path root;

    private static DaemonProcess daemon;
    private static DesktopWindow window;
    private static BulletproofClient rest;
    private static JobModel completed;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        daemon = new DaemonProcess(root.resolve("daemon"));
        rest = daemon.client();
        completed = rest.enqueue(
                TestClips.small(daemon.staging, "interview take 1 with a long descriptive name.mov", 2)
                        .toString(),
                "live-qlab");
        daemon.awaitJob(completed.id(), "the first job completes", job -> job.status() == JobStatus.COMPLETED);
        Path broken = Files.write(daemon.staging.resolve("broken.mov"), new byte[] {0x42, 0x61, 0x64, 0x21, 0, 0});
        JobModel failing = rest.enqueue(broken.toString(), "live-qlab");
        daemon.awaitJob(failing.id(), "the broken file fails", job -> job.status() == JobStatus.FAILED);
        rest.pauseQueue();
        rest.enqueue(TestClips.small(daemon.staging, "b-roll.mov", 1).toString(), "live-qlab");
        window = new DesktopWindow(root.resolve("client"), daemon, 1366, 768);
        DesktopWindow.until(
                "connected",
                WAIT,
                () -> window.model.connection().stateProperty().get() == ConnectionState.CONNECTED);
    }

    @AfterAll
    static void stop() {
        if (window != null) {
            window.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    @Order(1)
    void everyViewInBothThemes() {
        for (MainView.Theme theme : MainView.Theme.values()) {
            String prefix = "1366-" + theme.name().toLowerCase(Locale.ROOT) + "-";
            DesktopWindow.onFx(() -> {
                window.view.useTheme(theme);
                window.view.show(0);
                return null;
            });
            DesktopWindow.until(
                    "the dashboard counts the jobs",
                    WAIT,
                    () -> window.model.dashboard().statsProperty().get() != null
                            && window.model.dashboard().statsProperty().get().totalJobs() == 3);
            window.screenshot(prefix + "dashboard");

            DesktopWindow.onFx(() -> {
                window.view.show(1);
                return null;
            });
            DesktopWindow.until(
                    "the jobs are listed",
                    WAIT,
                    () -> window.view.lookupJobsTable().getItems().size() == 3);
            DesktopWindow.onFx(() -> {
                TableView<JobModel> table = window.view.lookupJobsTable();
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (table.getItems().get(i).id().equals(completed.id())) {
                        table.getSelectionModel().clearAndSelect(i);
                    }
                }
                return null;
            });
            DesktopWindow.until(
                    "the detail shows the log",
                    WAIT,
                    () -> !window.model.jobs().log().lines().isEmpty());
            window.screenshot(prefix + "jobs");

            DesktopWindow.onFx(() -> {
                window.view.show(2);
                return null;
            });
            DesktopWindow.until(
                    "the config is loaded",
                    WAIT,
                    () -> !window.model.config().maxWorkersProperty().get().isBlank());
            window.screenshot(prefix + "config");

            DesktopWindow.onFx(() -> {
                window.view.show(3);
                return null;
            });
            robot.clickOn("#history-show");
            DesktopWindow.until(
                    "the charts have the finished jobs",
                    WAIT,
                    () -> window.model.history().completed().getDataCount() > 0);
            window.screenshot(prefix + "history");
        }
    }

    @Test
    @Order(2)
    void helpKeyboardShortcutsListsEveryShortcut() {
        robot.clickOn("#help-menu");
        robot.clickOn("Keyboard shortcuts (F1)");
        DialogPane pane = shortcutsDialog();
        assertThat(DesktopWindow.onFx(pane::getHeaderText)).isEqualTo("Keyboard shortcuts");
        List<String> shown = shownShortcuts(pane);
        assertThat(shown)
                .hasSize(MainView.SHORTCUTS.size())
                .contains(
                        "Ctrl+1 … Ctrl+5 = Dashboard, Jobs, Config, History, Nodes",
                        "Ctrl+F = Search the jobs",
                        "Ctrl+R = Retry the selected jobs",
                        "Ctrl+click, Shift+click, Ctrl+A = Select several jobs (in the jobs table)",
                        "Space (in the jobs table) = Pause or resume the selected job",
                        "Delete (in the jobs table) = Cancel the selected jobs (asks first)",
                        "Click a column header = Sort every job by it (again: reverse, third: newest first)",
                        "F1 = This list");
        DesktopWindow.screenshot(pane.getScene(), "1366-shortcuts");
        close(pane);

        // F1 opens the same list.
        robot.press(KeyCode.F1).release(KeyCode.F1);
        pane = shortcutsDialog();
        assertThat(shownShortcuts(pane)).isEqualTo(shown);
        close(pane);
    }

    /** The list as the dialog shows it, one "keys = what" per row. */
    private static List<String> shownShortcuts(DialogPane pane) {
        return DesktopWindow.onFx(() -> {
            javafx.scene.layout.GridPane list = (javafx.scene.layout.GridPane) pane.lookup("#shortcuts-list");
            List<String> rows = new java.util.ArrayList<>();
            for (int i = 0; i < list.getChildren().size(); i += 2) {
                rows.add(((javafx.scene.control.Label) list.getChildren().get(i)).getText() + " = "
                        + ((javafx.scene.control.Label) list.getChildren().get(i + 1)).getText());
            }
            return rows;
        });
    }

    private DialogPane shortcutsDialog() {
        DesktopWindow.until(
                "the shortcuts are shown",
                WAIT,
                () -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private void close(DialogPane pane) {
        robot.clickOn(DesktopWindow.onFx(() -> pane.lookupButton(ButtonType.OK)));
        DesktopWindow.until(
                "the list is closed",
                WAIT,
                () -> robot.lookup(".dialog-pane").queryAll().isEmpty());
    }
}
