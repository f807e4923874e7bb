package dev.bulletproof.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.desktop.MainView;
import dev.bulletproof.desktop.testing.DesktopWindow;
import dev.bulletproof.model.FolderScheduleModel;
import dev.bulletproof.model.ScheduleModel;
import dev.bulletproof.model.ScheduleOverrideModel;
import dev.bulletproof.model.ScheduleWindowModel;
import dev.bulletproof.model.ws.ServerMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The dashboard's schedule row as it renders, headless, with a screenshot for a person to look at. */
class DashboardScheduleViewTest {

    private final BackgroundCalls calls = new BackgroundCalls(Runnable::run);
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneId.of("Europe/Berlin"));

    @AfterEach
    void close() {
        calls.close();
    }

    @Test
    void theRowShowsTheScheduleAndClearAppearsOnlyWithAnOverride() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        DashboardViewModel model = new DashboardViewModel(() -> null, calls, clock);
        Scene scene = DesktopWindow.onFx(() -> {
            Scene shown = new Scene(new DashboardView(model), 1280, 420);
            MainView.applyTheme(shown, MainView.Theme.DARK);
            stage.setScene(shown);
            stage.show();
            model.apply(new ServerMessage.QueueUpdate(false, 2, "running", schedule(null)));
            return shown;
        });

        Path plain = DesktopWindow.screenshot(scene, "dashboard-schedule-paused");
        assertThat(text(scene, "#schedule-line")).isEqualTo("Schedule: paused by schedule until Mon 18:00");
        assertThat(visible(scene, "#schedule-clear")).isFalse();
        assertThat(visible(scene, "#queue-drain")).isTrue();

        DesktopWindow.onFx(() -> {
            model.apply(new ServerMessage.QueueUpdate(
                    true,
                    2,
                    "draining",
                    schedule(new ScheduleOverrideModel(
                            "hold", Instant.parse("2026-12-03T06:00:00Z"), clock.instant()))));
            return null;
        });

        Path held = DesktopWindow.screenshot(scene, "dashboard-schedule-held-draining");
        assertThat(text(scene, "#schedule-line")).isEqualTo("Schedule: held by override until Thu 07:00");
        assertThat(visible(scene, "#schedule-clear")).isTrue();
        assertThat(visible(scene, "#queue-drain"))
                .as("the queue is paused by the drain")
                .isFalse();
        assertThat(Files.size(plain)).isPositive();
        assertThat(Files.size(held)).isPositive();
    }

    @Test
    void eachFolderWithAScheduleOfItsOwnGetsALineBelowTheGlobalOne() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        DashboardViewModel model = new DashboardViewModel(() -> null, calls, clock);
        ScheduleModel withFolders = new ScheduleModel(
                false,
                "open",
                "pause",
                null,
                null,
                null,
                null,
                null,
                "Europe/Berlin",
                List.of(),
                List.of("7"),
                List.of(
                        new FolderScheduleModel(
                                "/media/drop/night",
                                "paused",
                                "pause",
                                null,
                                Instant.parse("2026-12-03T09:00:00Z"),
                                "open",
                                null,
                                List.of(new ScheduleWindowModel(List.of("mon"), "10:00", "14:00", null)),
                                List.of("7"),
                                null),
                        new FolderScheduleModel(
                                "/media/drop/cues", "open", "drain", 1, null, null, null, List.of(), List.of(), null)));
        Scene scene = DesktopWindow.onFx(() -> {
            Scene shown = new Scene(new DashboardView(model), 1280, 420);
            MainView.applyTheme(shown, MainView.Theme.DARK);
            stage.setScene(shown);
            stage.show();
            model.apply(new ServerMessage.QueueUpdate(false, 2, "running", withFolders));
            return shown;
        });

        Path shot = DesktopWindow.screenshot(scene, "dashboard-folder-schedules");
        assertThat(text(scene, "#schedule-line"))
                .isEqualTo("No global schedule: jobs of other folders run whenever they are queued");
        assertThat(text(scene, "#folder-schedules"))
                .isEqualTo("/media/drop/night: paused by schedule until Thu 10:00 (1 job suspended)\n"
                        + "/media/drop/cues: open (1 worker)");
        assertThat(visible(scene, "#folder-schedules")).isTrue();
        assertThat(Files.size(shot)).isPositive();

        DesktopWindow.onFx(() -> {
            model.apply(new ServerMessage.QueueUpdate(false, 2, "running", schedule(null)));
            return null;
        });
        assertThat(visible(scene, "#folder-schedules")).as("no folder has one").isFalse();
    }

    private static ScheduleModel schedule(ScheduleOverrideModel override) {
        return new ScheduleModel(
                true,
                "paused",
                "pause",
                null,
                override == null ? Instant.parse("2026-12-07T17:00:00Z") : override.until(),
                "open",
                4,
                override,
                "Europe/Berlin",
                List.of(new ScheduleWindowModel(List.of("mon", "tue", "wed", "thu", "fri"), "18:00", "07:00", 4)),
                List.of("4"));
    }

    private static String text(Scene scene, String id) {
        return DesktopWindow.onFx(() -> ((Label) scene.lookup(id)).getText());
    }

    private static boolean visible(Scene scene, String id) {
        return DesktopWindow.onFx(() -> {
            Node node = scene.lookup(id);
            return node != null && node.isVisible();
        });
    }
}
