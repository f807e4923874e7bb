package dev.bulletproof.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.client.JobQuery;
import dev.bulletproof.desktop.connection.ConnectionState;
import dev.bulletproof.desktop.jobs.JobsViewModel;
import dev.bulletproof.desktop.testing.DaemonProcess;
import dev.bulletproof.desktop.testing.DesktopWindow;
import dev.bulletproof.desktop.testing.TestClips;
import dev.bulletproof.model.JobAction;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The jobs table against a real daemon: a click on a column header sorts every page on the daemon, and
 * several selected jobs are cancelled, run again and deleted in one call after one question.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsBulkAndSortTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int JOBS = JobsViewModel.PAGE_SIZE + 5;

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
        DesktopWindow.onFx(() -> {
            window.view.show(1);
            return null;
        });
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
    void aClickOnTheFileHeaderSortsEveryPageOnTheDaemonAndManyQueuedJobsAreCancelledAndDeletedAtOnce()
            throws Exception {
        rest.pauseQueue();
        Path clip = TestClips.small(daemon.staging, "clip.mov", 0.5);
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            // The oldest job has the first name, so the newest-first first page does not hold it.
            Path copy = Files.copy(clip, daemon.staging.resolve("take-%03d.mov".formatted(i)));
            Files.write(copy, new byte[i + 1], StandardOpenOption.APPEND);
            inputs.add(copy);
            rest.enqueue(copy.toString(), "live-qlab");
        }
        DesktopWindow.onFx(() -> {
            window.model.jobs().refresh();
            return null;
        });
        DesktopWindow.until(
                "the first page, newest first",
                WAIT,
                () -> rows().size() == JobsViewModel.PAGE_SIZE
                        && window.model.jobs().totalProperty().get() == JOBS);
        assertThat(names()).doesNotContain("take-000.mov");

        robot.clickOn(header("File"));
        DesktopWindow.until(
                "the daemon's first page by name",
                WAIT,
                () -> rows().size() == JobsViewModel.PAGE_SIZE
                        && rows().getFirst().filename().equals("take-000.mov"));
        assertThat(names()).isSortedAccordingTo(Comparator.naturalOrder());
        window.screenshot("jobs-sorted-by-name");

        robot.clickOn(header("File"));
        DesktopWindow.until(
                "the daemon's first page by name, backwards",
                WAIT,
                () -> rows().size() == JobsViewModel.PAGE_SIZE
                        && rows().getFirst().filename().equals("take-%03d.mov".formatted(JOBS - 1)));
        DesktopWindow.onFx(() -> {
            window.view.lookupJobsTable().scrollTo(JobsViewModel.PAGE_SIZE - 1);
            return null;
        });
        DesktopWindow.until("scrolling down loaded the last page", WAIT, () -> rows().size() == JOBS);
        List<String> names = names();
        assertThat(new HashSet<>(names)).hasSize(JOBS);
        assertThat(names).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(names.getLast()).isEqualTo("take-000.mov");

        // Every queued job at once (what Ctrl+A in the table does), one question, one call.
        DesktopWindow.onFx(() -> {
            window.view.lookupJobsTable().getSelectionModel().selectAll();
            return null;
        });
        DesktopWindow.until(
                "all are selected", WAIT, () -> window.model.jobs().chosen().size() == JOBS);
        assertThat(buttonText("#job-cancel")).isEqualTo("Cancel " + JOBS + "…");
        assertThat(DesktopWindow.onFx(() -> button("#job-retry").isDisabled()))
                .as("no queued job can be retried")
                .isTrue();
        click("#job-cancel");
        DialogPane question = dialog();
        assertThat(DesktopWindow.onFx(question::getHeaderText)).isEqualTo("Cancel " + JOBS + " jobs?");
        assertThat(DesktopWindow.onFx(question::getContentText))
                .isEqualTo("Running encodes stop and their partial outputs are removed; the sources stay.");
        DesktopWindow.screenshot(question.getScene(), "jobs-bulk-cancel-question");
        confirm(question);
        Await.until("the daemon cancelled them all", WAIT, () -> count(JobStatus.CANCELLED) == JOBS);
        DesktopWindow.until(
                "the rows show it", WAIT, () -> rows().stream().allMatch(job -> job.status() == JobStatus.CANCELLED));

        DesktopWindow.until(
                "the selection survived the updates",
                WAIT,
                () -> window.model.jobs().chosen().size() == JOBS
                        && !button("#job-delete").isDisabled());
        click("#job-delete");
        question = dialog();
        assertThat(DesktopWindow.onFx(question::getHeaderText))
                .isEqualTo("Delete the history entries of " + JOBS + " jobs?");
        assertThat(DesktopWindow.onFx(question::getContentText)).isEqualTo("Only the entries go; no file is touched.");
        confirm(question);
        Await.until(
                "the daemon forgot them",
                WAIT,
                () -> rest.listJobs(JobQuery.all()).total() == 0);
        DesktopWindow.until("the table is empty", WAIT, () -> rows().isEmpty());
        assertThat(inputs).allSatisfy(input -> assertThat(input).exists());
    }

    @Test
    @Order(2)
    void aRunningAndTwoQueuedJobsAreCancelledTogetherAndRunAgainTogether() throws Exception {
        // The third click on a header goes back to newest first, where new jobs appear on top.
        robot.clickOn(header("File"));
        DesktopWindow.until(
                "newest first again",
                WAIT,
                () -> window.model.jobs().sortProperty().get().newestFirst());
        rest.resumeQueue();
        JobModel running =
                rest.enqueue(TestClips.hd(daemon.staging, "long opener.mkv", 12).toString(), "live-linux-hevc-mkv");
        JobModel second =
                rest.enqueue(TestClips.small(daemon.staging, "second.mov", 1).toString(), "live-qlab");
        JobModel third =
                rest.enqueue(TestClips.small(daemon.staging, "third.mov", 1).toString(), "live-qlab");
        daemon.awaitJob(running.id(), "the long encode runs", job -> job.status() == JobStatus.PROCESSING);
        Set<String> ids = Set.of(running.id(), second.id(), third.id());
        DesktopWindow.until(
                "the three rows are shown",
                WAIT,
                () -> rows().stream().filter(job -> ids.contains(job.id())).count() == 3);

        DesktopWindow.onFx(() -> {
            TableView<JobModel> table = window.view.lookupJobsTable();
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (ids.contains(table.getItems().get(i).id())) {
                    table.getSelectionModel().select(i);
                }
            }
            return null;
        });
        DesktopWindow.until(
                "the buttons act on the three",
                WAIT,
                () -> button("#job-cancel").getText().equals("Cancel 3…"));
        window.screenshot("jobs-three-selected");
        click("#job-cancel");
        DialogPane question = dialog();
        assertThat(DesktopWindow.onFx(question::getHeaderText)).isEqualTo("Cancel 3 jobs?");
        confirm(question);
        for (String id : ids) {
            daemon.awaitJob(id, "job " + id + " cancelled", job -> job.status() == JobStatus.CANCELLED);
        }
        Await.until("the running encode's partial output is gone", WAIT, () -> {
            try (Stream<Path> files = Files.list(daemon.out)) {
                return files.findAny().isEmpty();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        DesktopWindow.until(
                "all three may run again",
                WAIT,
                () -> !button("#job-retry").isDisabled()
                        && button("#job-retry").getText().equals("Retry 3…"));
        click("#job-retry");
        question = dialog();
        assertThat(DesktopWindow.onFx(question::getHeaderText)).isEqualTo("Run 3 jobs again?");
        confirm(question);
        for (String id : ids) {
            daemon.awaitJob(
                    id, "job " + id + " queued again", job -> !job.status().isFinished());
        }
        rest.bulkAction(JobAction.CANCEL, List.copyOf(ids));
    }

    private static long count(JobStatus status) {
        return rest.listJobs(JobQuery.all().withStatuses(Set.of(status)).withLimit(1))
                .total();
    }

    private static List<JobModel> rows() {
        return DesktopWindow.onFx(
                () -> List.copyOf(window.view.lookupJobsTable().getItems()));
    }

    private static List<String> names() {
        return rows().stream().map(JobModel::filename).toList();
    }

    private static Node header(String title) {
        return DesktopWindow.onFx(() -> window.view.lookupJobsTable().lookupAll(".column-header").stream()
                .filter(node -> node instanceof TableColumnHeader header
                        && header.getTableColumn() != null
                        && title.equals(header.getTableColumn().getText()))
                .findFirst()
                .orElseThrow());
    }

    private static Button button(String id) {
        return (Button) window.scene().lookup(id);
    }

    private static String buttonText(String id) {
        return DesktopWindow.onFx(() -> button(id).getText());
    }

    private void click(String id) {
        DesktopWindow.until(id + " is enabled", WAIT, () -> !button(id).isDisabled());
        robot.clickOn(id);
    }

    private DialogPane dialog() {
        DesktopWindow.until(
                "a question is shown",
                WAIT,
                () -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private void confirm(DialogPane pane) {
        Button yes = DesktopWindow.onFx(() -> pane.getButtonTypes().stream()
                .filter(type -> type.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(type -> (Button) pane.lookupButton(type))
                .findFirst()
                .orElseThrow());
        robot.clickOn(yes);
        DesktopWindow.until(
                "the question is answered",
                WAIT,
                () -> robot.lookup(".dialog-pane").queryAll().isEmpty());
    }
}
