package dev.bulletproof.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.client.JobQuery;
import dev.bulletproof.desktop.connection.ConnectionState;
import dev.bulletproof.desktop.testing.DaemonProcess;
import dev.bulletproof.desktop.testing.DesktopWindow;
import dev.bulletproof.desktop.testing.TestClips;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard against a real daemon watching two folders, one with a schedule of its own whose only
 * window is two days away: its line says so, its file waits, the other folder's file is transcoded.
 */
class FolderSchedulesDesktopTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final DayOfWeek WINDOW_DAY = LocalDate.now().plusDays(2).getDayOfWeek();
    private static final String WINDOW_DAY_NAME = WINDOW_DAY.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);

    @TempDir
    Path root;

    private DaemonProcess daemon;
    private DesktopWindow window;

    @AfterEach
    void stop() {
        if (window != null) {
            window.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void theDashboardShowsTheFoldersOwnScheduleAndOnlyTheOtherFoldersFileRuns() throws Exception {
        daemon = new DaemonProcess(root.resolve("daemon"));
        Path night = Files.createDirectories(root.resolve("drop/night"));
        Path day = Files.createDirectories(root.resolve("drop/day"));
        daemon.kill();
        daemon.writeWatchFolders(
                List.of(night, day), Map.of(night, """
                            schedule:
                              outside: pause
                              windows:
                                - { days: %s, from: "10:00", to: "11:00" }
                        """.formatted(WINDOW_DAY_NAME.toLowerCase(Locale.ROOT))));
        daemon.start();
        BulletproofClient rest = daemon.client();
        TestClips.small(night, "late show.mov", 0.5);
        TestClips.small(day, "matinee.mov", 0.5);
        Await.until(
                "the day folder's job completed",
                WAIT,
                () -> jobOf(rest, "matinee.mov")
                        .map(job -> job.status() == JobStatus.COMPLETED)
                        .orElse(false));
        Await.until(
                "the night folder's job is queued",
                WAIT,
                () -> jobOf(rest, "late show.mov")
                        .map(job -> job.status() == JobStatus.QUEUED)
                        .orElse(false));

        window = new DesktopWindow(root.resolve("client"), daemon);
        DesktopWindow.until(
                "connected",
                WAIT,
                () -> window.model.connection().stateProperty().get() == ConnectionState.CONNECTED);
        String expected = night.toAbsolutePath() + ": paused by schedule until " + WINDOW_DAY_NAME + " 10:00";
        DesktopWindow.until(
                "the folder's schedule line", WAIT, () -> folderSchedules().equals(expected));
        window.screenshot("dashboard-folder-schedule-against-daemon");

        Thread.sleep(1000);
        assertThat(jobOf(rest, "late show.mov").orElseThrow().status())
                .as("its folder's window is two days away")
                .isEqualTo(JobStatus.QUEUED);
        assertThat(rest.schedule().folders()).singleElement().satisfies(folder -> {
            assertThat(folder.folder()).isEqualTo(night.toAbsolutePath().toString());
            assertThat(folder.state()).isEqualTo("paused");
        });
    }

    private String folderSchedules() {
        return DesktopWindow.onFx(() -> {
            Label label = (Label) window.scene().lookup("#folder-schedules");
            return label == null || !label.isVisible() ? "" : label.getText();
        });
    }

    private static java.util.Optional<JobModel> jobOf(BulletproofClient rest, String filename) {
        return rest.listJobs(JobQuery.all()).items().stream()
                .filter(job -> job.filename().equals(filename))
                .findFirst();
    }
}
