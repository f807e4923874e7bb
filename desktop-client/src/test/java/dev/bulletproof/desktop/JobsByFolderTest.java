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
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs view against a real daemon watching two folders: each job names its folder, and the folder
 * filter narrows the list on the daemon and keeps live updates of the other folder out.
 */
class JobsByFolderTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

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
    void theFolderFilterShowsTheJobsOfOneWatchFolderAndTheFolderColumnNamesIt() throws Exception {
        daemon = new DaemonProcess(root.resolve("daemon"));
        Path cues = Files.createDirectories(root.resolve("drop/qlab cues"));
        Path web = Files.createDirectories(root.resolve("drop/web"));
        daemon.kill();
        daemon.writeWatchFolders(List.of(cues, web));
        daemon.start();
        BulletproofClient rest = daemon.client();
        TestClips.small(cues, "opener.mov", 0.5);
        TestClips.small(web, "trailer.mov", 0.5);
        Await.until("both folders' jobs completed", WAIT, () -> completed(rest) == 2);

        window = new DesktopWindow(root.resolve("client"), daemon);
        DesktopWindow.until(
                "connected",
                WAIT,
                () -> window.model.connection().stateProperty().get() == ConnectionState.CONNECTED);
        DesktopWindow.onFx(() -> {
            window.view.show(1);
            return null;
        });
        DesktopWindow.until(
                "both jobs and both folders are shown",
                WAIT,
                () -> rows().size() == 2 && window.model.jobs().folders().size() == 2);
        assertThat(DesktopWindow.onFx(() -> folderFilter().isVisible())).isTrue();
        assertThat(DesktopWindow.onFx(() -> folderColumn().isVisible())).isTrue();
        assertThat(DesktopWindow.onFx(() -> rows().stream()
                        .map(job -> folderColumn().getCellData(job))
                        .sorted()
                        .toList()))
                .containsExactly("qlab cues", "web");
        window.screenshot("jobs-two-folders");

        String cuesFolder = window.model.jobs().folders().stream()
                .filter(path -> path.endsWith("qlab cues"))
                .findFirst()
                .orElseThrow();
        DesktopWindow.onFx(() -> {
            folderFilter().setValue(cuesFolder);
            return null;
        });
        DesktopWindow.until(
                "only the cue folder's job",
                WAIT,
                () -> rows().size() == 1 && rows().getFirst().filename().equals("opener.mov"));
        window.screenshot("jobs-filtered-by-folder");

        // A job that arrives live in the other folder stays out of the narrowed list; one of this folder joins.
        TestClips.small(web, "second trailer.mov", 0.5);
        TestClips.small(cues, "walk-in.mov", 0.5);
        Await.until("the new jobs completed", WAIT, () -> completed(rest) == 4);
        DesktopWindow.until(
                "the new job of the cue folder is listed",
                WAIT,
                () -> rows().stream()
                        .anyMatch(job -> job.filename().equals("walk-in.mov") && job.status() == JobStatus.COMPLETED));
        assertThat(rows()).extracting(JobModel::filename).containsExactlyInAnyOrder("opener.mov", "walk-in.mov");

        DesktopWindow.onFx(() -> {
            folderFilter().setValue(null);
            return null;
        });
        DesktopWindow.until("every folder again", WAIT, () -> rows().size() == 4);
    }

    private static long completed(BulletproofClient rest) {
        return rest.listJobs(JobQuery.all().withStatuses(Set.of(JobStatus.COMPLETED)))
                .total();
    }

    private List<JobModel> rows() {
        return DesktopWindow.onFx(() -> List.copyOf(table().getItems()));
    }

    private TableView<JobModel> table() {
        return window.view.lookupJobsTable();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> folderFilter() {
        return (ComboBox<String>) window.scene().lookup("#folder-filter");
    }

    @SuppressWarnings("unchecked")
    private TableColumn<JobModel, String> folderColumn() {
        return (TableColumn<JobModel, String>) table().getColumns().stream()
                .filter(column -> "folder-column".equals(column.getId()))
                .findFirst()
                .orElseThrow();
    }
}
