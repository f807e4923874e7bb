package dev.bulletproof.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.client.ApiException;
import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.client.JobQuery;
import dev.bulletproof.desktop.connection.ConnectionState;
import dev.bulletproof.desktop.testing.DaemonProcess;
import dev.bulletproof.desktop.testing.DesktopWindow;
import dev.bulletproof.desktop.testing.TestClips;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.NodeModel;
import dev.bulletproof.model.NodeStatus;
import dev.bulletproof.testing.Await;
import io.fair_acc.dataset.DataSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
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
 * The desktop client's window, headless, against a real daemon started from its jar: every button is
 * checked against the daemon's real state over REST. One daemon serves the whole class to keep it quick.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesktopAgainstDaemonTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String QUICK_PROFILE = "live-qlab";
    private static final String SLOW_PROFILE = "live-linux-hevc-mkv";

    @TempDir
    static Path root;

    private static DaemonProcess daemon;
    private static DesktopWindow window;
    private static BulletproofClient rest;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() {
        daemon = new DaemonProcess(root.resolve("daemon"));
        rest = daemon.client();
        window = new DesktopWindow(root.resolve("client"), daemon);
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
    void jobsTableShowsAJobProgressingToCompleted() {
        Set<JobStatus> seen = ConcurrentHashMap.newKeySet();
        DesktopWindow.onFx(() -> {
            window.model.jobs().jobs().addListener((ListChangeListener<JobModel>)
                    change -> change.getList().forEach(job -> seen.add(job.status())));
            return null;
        });
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        DesktopWindow.until(
                "the jobs tab is shown",
                WAIT,
                () -> window.view.tabs().getSelectionModel().getSelectedIndex() == 1);

        Path clip = TestClips.small(daemon.staging, "interview take 1.mov", 2);
        JobModel job = rest.enqueue(clip.toString(), QUICK_PROFILE);

        DesktopWindow.until(
                "the table shows the job completed",
                WAIT,
                () -> tableRow(job.id()) != null && tableRow(job.id()).status() == JobStatus.COMPLETED);
        assertThat(seen).as("the row went through the queue before completing").contains(JobStatus.COMPLETED);
        assertThat(seen).containsAnyOf(JobStatus.QUEUED, JobStatus.PROCESSING);
        assertThat(rest.job(job.id()).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(DesktopWindow.onFx(() -> ((Label) window.scene().lookup("#job-count")).getText()))
                .isEqualTo("Showing 1 of 1");

        DesktopWindow.onFx(() -> {
            window.model.jobs().selectedProperty().set(tableRow(job.id()));
            return null;
        });
        DesktopWindow.until(
                "the log of the job is shown",
                WAIT,
                () -> !window.model.jobs().log().lines().isEmpty());
        DesktopWindow.until(
                "the job's poster frame is shown in its row and in the detail pane",
                WAIT,
                () -> rowThumbnails() > 0
                        && ((ImageView) window.scene().lookup("#job-detail-thumbnail")).getImage() != null);
        Image poster =
                DesktopWindow.onFx(() -> ((ImageView) window.scene().lookup("#job-detail-thumbnail")).getImage());
        assertThat(poster.isError()).as("the poster frame decodes").isFalse();
        assertThat(poster.getWidth()).isBetween(1.0, 320.0);
        JobModel completed = rest.job(job.id());
        assertThat(completed.media().videoCodec()).isEqualTo("h264");
        assertThat(completed.outputSize()).isPositive();
        assertThat(DesktopWindow.onFx(() -> detailValues()))
                .anySatisfy(text -> assertThat(text).startsWith("h264, 25 fps"))
                .anySatisfy(text -> assertThat(text).containsPattern("x (smaller|larger)$"));
        window.screenshot("jobs-completed");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        DesktopWindow.until(
                "Ctrl+F puts the cursor in the search box",
                WAIT,
                () -> window.scene().lookup("#job-search").isFocused());
    }

    @Test
    @Order(2)
    void historyChartsHaveDataAfterJobsCompleteAndGrowLive() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        robot.clickOn("#history-show");
        DesktopWindow.until(
                "the chart counts the completed job",
                WAIT,
                () -> sum(window.model.history().completed()) >= 1);
        assertThat(DesktopWindow.onFx(
                        () -> window.model.history().processingTimes().getDataCount()))
                .isPositive();

        JobModel second =
                rest.enqueue(TestClips.small(daemon.staging, "b-roll.mov", 1).toString(), QUICK_PROFILE);
        daemon.awaitJob(second.id(), "the second job completes", j -> j.status() == JobStatus.COMPLETED);
        DesktopWindow.until(
                "the chart adds the live job",
                WAIT,
                () -> sum(window.model.history().completed()) >= 2);
        assertThat(DesktopWindow.onFx(() -> sum(window.model.history().mediaProcessed())))
                .isPositive();

        Path broken = daemon.staging.resolve("broken.mov");
        Files.write(broken, new byte[] {0x42, 0x61, 0x64, 0x21, 0, 0, 0, 0x20, 0x66, 0x74});
        JobModel failing = rest.enqueue(broken.toString(), QUICK_PROFILE);
        daemon.awaitJob(failing.id(), "the broken file fails", j -> j.status() == JobStatus.FAILED);
        DesktopWindow.until(
                "the chart adds the failed job beside the completed ones",
                WAIT,
                () -> sum(window.model.history().failed()) >= 1);
        window.screenshot("history-charts");
    }

    @Test
    @Order(3)
    void pauseResumeCancelAndRetryButtonsChangeTheRealJob() {
        DesktopWindow.onFx(() -> {
            window.view.show(1);
            return null;
        });
        Path clip = TestClips.hd(daemon.staging, "long show open.mkv", 12);
        JobModel job = rest.enqueue(clip.toString(), SLOW_PROFILE);
        daemon.awaitJob(job.id(), "the encode starts", j -> j.status() == JobStatus.PROCESSING);
        DesktopWindow.until(
                "the row is processing",
                WAIT,
                () -> tableRow(job.id()) != null && tableRow(job.id()).status() == JobStatus.PROCESSING);
        DesktopWindow.onFx(() -> {
            TableView<JobModel> table = window.view.lookupJobsTable();
            table.getSelectionModel().clearAndSelect(table.getItems().indexOf(tableRow(job.id())));
            return null;
        });

        click("#job-pause");
        daemon.awaitJob(job.id(), "paused", j -> j.status() == JobStatus.PAUSED);
        window.screenshot("jobs-paused");
        DesktopWindow.onFx(() -> {
            window.view.show(0);
            return null;
        });
        DesktopWindow.until(
                "the dashboard lists the paused job as active",
                WAIT,
                () -> window.model.dashboard().activeJobs().stream()
                        .anyMatch(active -> active.id().equals(job.id()) && active.status() == JobStatus.PAUSED));
        window.screenshot("dashboard-active-job");
        DesktopWindow.onFx(() -> {
            window.view.show(1);
            return null;
        });

        click("#job-resume");
        daemon.awaitJob(job.id(), "resumed", j -> j.status() == JobStatus.PROCESSING);

        click("#job-cancel");
        confirmDialog();
        daemon.awaitJob(job.id(), "cancelled", j -> j.status() == JobStatus.CANCELLED);

        click("#job-retry");
        JobModel retried =
                daemon.awaitJob(job.id(), "queued again", j -> !j.status().isFinished());
        assertThat(retried.status()).isIn(JobStatus.QUEUED, JobStatus.PROCESSING, JobStatus.WAITING);
        window.screenshot("jobs-retried");
        rest.cancel(job.id());
        daemon.awaitJob(job.id(), "cancelled again", j -> j.status() == JobStatus.CANCELLED);
        DesktopWindow.until("the row shows it", WAIT, () -> tableRow(job.id()).status() == JobStatus.CANCELLED);

        // The same actions from the keyboard: Ctrl+R retries, Delete cancels after asking.
        DesktopWindow.onFx(() -> {
            window.view.lookupJobsTable().requestFocus();
            return null;
        });
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        daemon.awaitJob(job.id(), "Ctrl+R queued it again", j -> !j.status().isFinished());
        DesktopWindow.until(
                "the row shows it", WAIT, () -> !tableRow(job.id()).status().isFinished());
        DesktopWindow.onFx(() -> {
            window.view.lookupJobsTable().requestFocus();
            return null;
        });
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        confirmDialog();
        daemon.awaitJob(job.id(), "Delete cancelled it", j -> j.status() == JobStatus.CANCELLED);

        click("#job-delete");
        confirmDialog();
        DesktopWindow.until("the row is gone", WAIT, () -> tableRow(job.id()) == null);
        assertThatThrownBy(() -> rest.job(job.id()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    @Order(4)
    void dashboardShowsTheStatsAndPausesTheQueue() {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        long total = rest.stats().totalJobs();
        DesktopWindow.until(
                "the total card matches the daemon",
                WAIT,
                () -> text("#card-total").equals(Long.toString(total)));

        click("#queue-pause");
        Await.until("the daemon's queue is paused", WAIT, () -> rest.queue().paused());
        DesktopWindow.until(
                "the button offers to resume",
                WAIT,
                () -> ((Button) window.scene().lookup("#queue-pause")).getText().equals("Resume queue"));
        window.screenshot("dashboard-queue-paused");
        click("#queue-pause");
        Await.until("the daemon's queue runs again", WAIT, () -> !rest.queue().paused());
    }

    @Test
    @Order(5)
    void configFormSavesAndShowsTheDaemonsMessageNextToAFolderThatCannotExist() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        DesktopWindow.until(
                "the form is loaded",
                WAIT,
                () -> !field("#max_workers").getText().isBlank());

        DesktopWindow.onFx(() -> {
            field("#max_workers").setText("2");
            return null;
        });
        click("#config-save");
        Await.until("the daemon took two workers", WAIT, () -> rest.config().maxWorkers() == 2);
        // The daemon applies the save before the client shows its answer; editing before then would be
        // overwritten by the saved configuration, as it would for a user typing during a save.
        DesktopWindow.until(
                "the client shows the save",
                WAIT,
                () -> ((Label) window.scene().lookup("#config-message"))
                        .getText()
                        .contains("Saved and applied"));

        Path file = Files.writeString(root.resolve("not-a-folder.txt"), "x");
        String impossible = file.resolve("out").toString();
        String before = rest.config().outputFolder();
        DesktopWindow.onFx(() -> {
            field("#output_folder").setText(impossible);
            return null;
        });
        click("#config-save");
        DesktopWindow.until("the field shows the daemon's message", WAIT, () -> {
            Label error = (Label) window.scene().lookup("#error-output_folder");
            return error.isVisible() && error.getText().contains("does not exist");
        });
        assertThat(rest.config().outputFolder()).isEqualTo(before);
        window.screenshot("config-field-error");
    }

    @Test
    @Order(6)
    void aRuleAddedInTheTableIsSavedAndTheTesterExplainsWhichRuleTakesAFile() {
        click("#config-revert");
        DesktopWindow.until(
                "the edits are discarded",
                WAIT,
                () -> ((Label) window.scene().lookup("#error-output_folder")).isVisible()
                        || !field("#output_folder").getText().contains("not-a-folder"));
        DesktopWindow.onFx(() -> {
            window.model.config().addRule();
            var row = window.model.config().rules().getLast();
            row.patternProperty().set("*.mkv");
            row.profileProperty().set(SLOW_PROFILE);
            return null;
        });
        click("#config-save");
        Await.until(
                "the daemon has the rule",
                WAIT,
                () -> rest.config().rules().stream()
                        .anyMatch(rule ->
                                rule.pattern().equals("*.mkv") && rule.profile().equals(SLOW_PROFILE)));

        DesktopWindow.onFx(() -> {
            field("#rule-test-name").setText("concert.mkv");
            return null;
        });
        click("#rule-test");
        DesktopWindow.until(
                "the tester names the profile",
                WAIT,
                () -> text("#rule-test-result").startsWith("concert.mkv → " + SLOW_PROFILE + " (rule 1)"));
        assertThat(DesktopWindow.onFx(() -> ((TableView<?>) window.scene().lookup("#rules-table"))
                        .getItems()
                        .size()))
                .isEqualTo(1);
        window.screenshot("config-rules");
    }

    @Test
    @Order(7)
    void theConnectDialogOffersTheRememberedDaemonAndReconnectsToIt() {
        click("#open-connect");
        DesktopWindow.until(
                "the dialog is shown",
                WAIT,
                () -> !robot.lookup("#connect-url").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        ComboBox<String> url = (ComboBox<String>) robot.lookup("#connect-url").query();
        assertThat(DesktopWindow.onFx(url::getValue)).isEqualTo(daemon.url().toString());
        assertThat(DesktopWindow.onFx(() -> List.copyOf(url.getItems())))
                .contains(daemon.url().toString());
        DesktopWindow.screenshot(robot.lookup(".dialog-pane").query().getScene(), "connect-dialog");

        confirmDialog();

        DesktopWindow.until(
                "connected again",
                WAIT,
                () -> window.model.connection().stateProperty().get() == ConnectionState.CONNECTED);
        assertThat(text("#connection-url")).isEqualTo(daemon.url().toString());
    }

    @Test
    @Order(8)
    void theDetailShowsTheWholeLogSearchesItAndSavesItToAFile() throws Exception {
        DesktopWindow.onFx(() -> {
            window.view.show(1);
            return null;
        });
        JobModel job = rest.listJobs(JobQuery.all().withText("interview take 1"))
                .items()
                .getFirst();
        List<String> whole = rest.fullLog(job.id()).lines();
        assertThat(whole).hasSizeGreaterThan(1);
        DesktopWindow.until("the job's row", WAIT, () -> tableRow(job.id()) != null);
        DesktopWindow.onFx(() -> {
            TableView<JobModel> table = window.view.lookupJobsTable();
            table.getSelectionModel().clearAndSelect(table.getItems().indexOf(tableRow(job.id())));
            return null;
        });
        DesktopWindow.until(
                "the whole log is listed, from its first line",
                WAIT,
                () -> window.model.jobs().log().lines().equals(whole));

        long streams = whole.stream()
                .filter(line -> line.toLowerCase(java.util.Locale.ROOT).contains("stream #"))
                .count();
        assertThat(streams).isPositive();
        robot.clickOn("#job-log-search").write("stream #");
        DesktopWindow.until(
                "the matches are counted",
                WAIT,
                () -> text("#job-log-matches").equals(streams == 1 ? "1 matching line" : streams + " matching lines"));
        robot.clickOn("#job-log-search").type(KeyCode.ENTER);
        DesktopWindow.until("Enter selects the first match", WAIT, () -> {
            var list = (javafx.scene.control.ListView<?>) window.scene().lookup("#job-log");
            Object line = list.getSelectionModel().getSelectedItem();
            return line != null
                    && line.toString().toLowerCase(java.util.Locale.ROOT).contains("stream #");
        });
        robot.clickOn("#job-log-only");
        DesktopWindow.until(
                "only the matching lines are listed",
                WAIT,
                () -> ((javafx.scene.control.ListView<?>) window.scene().lookup("#job-log"))
                                .getItems()
                                .size()
                        == streams);
        window.screenshot("jobs-log-search");

        Path saved =
                root.resolve("saved logs").resolve(window.model.jobs().log().suggestedFileName());
        Files.createDirectories(saved.getParent());
        DesktopWindow.onFx(() -> {
            window.view.jobsView().chooseLogTargetWith(suggested -> java.util.Optional.of(saved));
            return null;
        });
        click("#job-log-save");
        DesktopWindow.until(
                "the save is reported", WAIT, () -> text("#job-log-message").startsWith("Saved "));
        assertThat(saved.getFileName().toString()).isEqualTo("bulletproof-job-" + job.id() + ".log");
        assertThat(Files.readAllLines(saved)).isEqualTo(rest.fullLog(job.id()).lines());
        robot.clickOn("#job-log-only");
        DesktopWindow.onFx(() -> {
            window.model.jobs().log().searchProperty().set("");
            return null;
        });
    }

    @Test
    @Order(9)
    void theNodesTabShowsTheDaemonAsTheOneNodeAndItsPauseSwitchPausesTheQueue() {
        NodeModel node = rest.nodes().getFirst();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        DesktopWindow.until(
                "the nodes tab is shown",
                WAIT,
                () -> window.view.tabs().getSelectionModel().getSelectedIndex() == 4);
        @SuppressWarnings("unchecked")
        TableView<NodeModel> table = (TableView<NodeModel>) window.scene().lookup("#nodes-table");
        DesktopWindow.until("the node is listed", WAIT, () -> table.getItems().size() == 1);

        NodeModel shown = DesktopWindow.onFx(() -> table.getItems().getFirst());
        assertThat(shown.id()).isEqualTo(node.id());
        assertThat(shown.name()).isEqualTo(node.name());
        assertThat(shown.status()).isEqualTo(NodeStatus.ALIVE);
        assertThat(text("#nodes-summary")).isEqualTo("1 node · 1 alive");
        assertThat(cellTexts(table))
                .contains(node.name(), "alive", "taking jobs", "0 / " + node.maxWorkers() + " busy", node.version());
        assertThat(cellTexts(table)).anyMatch(cell -> cell.matches("\\d+ s ago|just now"));
        List<JobModel> ran = rest.listJobs(dev.bulletproof.client.JobQuery.all()
                        .withStatuses(Set.of(JobStatus.COMPLETED))
                        .withLimit(10))
                .items();
        assertThat(ran).isNotEmpty().allSatisfy(job -> assertThat(job.node()).isEqualTo(node.name()));
        DesktopWindow.until(
                "the jobs table knows the node of each job that ran",
                WAIT,
                () -> window.model.jobs().jobs().stream()
                        .filter(job -> job.status() == JobStatus.COMPLETED)
                        .allMatch(job -> node.name().equals(job.node())));
        window.screenshot("nodes");

        click("#node-pause");
        Await.until("the daemon's queue is paused", WAIT, () -> rest.queue().paused());
        DesktopWindow.until(
                "the switch offers to resume the node",
                WAIT,
                () -> ((Button) window.scene().lookup("#node-pause")).getText().equals("Resume node"));
        assertThat(rest.nodes().getFirst().paused()).isTrue();
        window.screenshot("nodes-paused");
        click("#node-pause");
        Await.until("the daemon's queue runs again", WAIT, () -> !rest.queue().paused());

        // The whole cluster at once; a single machine is its one node.
        click("#nodes-pause-all");
        Await.until("every node paused", WAIT, () -> rest.queue().paused());
        DesktopWindow.until(
                "the node shows it",
                WAIT,
                () -> ((Button) window.scene().lookup("#node-pause")).getText().equals("Resume node"));
        click("#nodes-resume-all");
        Await.until("every node runs again", WAIT, () -> !rest.queue().paused());
    }

    /** The text of every cell the table draws, and of the badges drawn in them. */
    private static List<String> cellTexts(TableView<?> table) {
        return DesktopWindow.onFx(() -> java.util.stream.Stream.concat(
                        table.lookupAll(".table-cell").stream(), table.lookupAll(".badge").stream())
                .map(cell -> ((javafx.scene.control.Labeled) cell).getText())
                .filter(text -> text != null && !text.isBlank())
                .toList());
    }

    /** Poster frames drawn in the jobs table's rows. */
    private int rowThumbnails() {
        return window.view.lookupJobsTable().lookupAll(".job-thumbnail").stream()
                .filter(node -> node instanceof ImageView view && view.getImage() != null && view.getScene() != null)
                .toList()
                .size();
    }

    private List<String> detailValues() {
        return window.scene().getRoot().lookupAll(".detail-value").stream()
                .map(node -> ((Label) node).getText())
                .toList();
    }

    @Test
    @Order(8)
    void aSecondWatchFolderAddedInTheFormIsSavedAsAListAndWatched() throws Exception {
        DesktopWindow.onFx(() -> {
            window.view.tabs().getSelectionModel().select(2);
            return null;
        });
        DesktopWindow.until(
                "the form is loaded",
                WAIT,
                () -> !field("#max_workers").getText().isBlank());
        Path second = Files.createDirectories(root.resolve("second-drop"));
        DesktopWindow.onFx(() -> {
            ((Button) window.scene().lookup("#add-watch-folder")).fire();
            return null;
        });
        DesktopWindow.until("two folder lines", WAIT, () -> window.scene().lookup("#watch-folder-path-1") != null);
        DesktopWindow.onFx(() -> {
            field("#watch-folder-path-1").setText(second.toString());
            field("#watch-folder-stable-1").setText("0.5");
            return null;
        });
        assertThat(DesktopWindow.onFx(() -> field("#monitor_folder").isDisabled()))
                .as("no single watch folder beside a list")
                .isTrue();
        window.screenshot("config-watch-folders");
        DesktopWindow.onFx(() -> {
            ((Button) window.scene().lookup("#config-save")).fire();
            return null;
        });

        Await.until("the daemon watches two folders", WAIT, () -> rest.config().watchFolders() != null);
        var saved = rest.config();
        assertThat(saved.monitorFolder()).isNull();
        assertThat(saved.watchFolders()).hasSize(2);
        assertThat(saved.watchFolders().get(1).path()).isEqualTo(second.toString());
        assertThat(saved.watchFolders().get(1).stableSeconds()).isEqualTo(0.5);
        assertThat(saved.watchFolders().get(1).outputFolder())
                .as("blank: the shared one")
                .isNull();
    }

    private void click(String id) {
        DesktopWindow.until(id + " is enabled", WAIT, () -> {
            Node node = window.scene().lookup(id);
            return node != null && !node.isDisabled() && node.isVisible();
        });
        robot.clickOn(id);
    }

    private void confirmDialog() {
        DesktopWindow.until(
                "a confirmation is shown",
                WAIT,
                () -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        Button ok = DesktopWindow.onFx(() -> {
            DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
            ButtonType yes = pane.getButtonTypes().stream()
                    .filter(type -> type.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE
                            || type == ButtonType.OK)
                    .findFirst()
                    .orElseThrow();
            return (Button) pane.lookupButton(yes);
        });
        robot.clickOn(ok);
    }

    private static JobModel tableRow(String id) {
        List<JobModel> rows = window.view.lookupJobsTable().getItems();
        return rows.stream().filter(job -> job.id().equals(id)).findFirst().orElse(null);
    }

    private static TextField field(String id) {
        return (TextField) window.scene().lookup(id);
    }

    private static String text(String id) {
        return DesktopWindow.onFx(() -> ((Label) window.scene().lookup(id)).getText());
    }

    private static double sum(DataSet data) {
        double total = 0;
        for (int i = 0; i < data.getDataCount(); i++) {
            total += data.get(DataSet.DIM_Y, i);
        }
        return total;
    }
}
