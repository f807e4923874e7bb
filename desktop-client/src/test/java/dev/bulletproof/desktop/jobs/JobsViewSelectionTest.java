package dev.bulletproof.desktop.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.desktop.testing.DesktopWindow;
import dev.bulletproof.desktop.testing.Jobs;
import dev.bulletproof.model.JobAction;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The table's selection and the view model's chosen jobs stay one and the same through live updates. */
class JobsViewSelectionTest {

    private final BackgroundCalls calls = new BackgroundCalls(javafx.application.Platform::runLater);
    private final JobsViewModel model = new JobsViewModel(() -> null, calls);
    private JobsView view;

    @BeforeEach
    void show() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        view = DesktopWindow.onFx(() -> {
            JobsView jobs = new JobsView(model);
            stage.setScene(new Scene(jobs, 1366, 768));
            stage.show();
            List<JobModel> rows = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                rows.add(queued(i, JobStatus.QUEUED));
            }
            model.jobs().setAll(rows);
            return jobs;
        });
    }

    @AfterEach
    void close() {
        calls.close();
    }

    private static JobModel queued(int id, JobStatus status) {
        JobModel job = Jobs.withActions(
                status,
                status == JobStatus.CANCELLED
                        ? List.of(JobAction.RETRY, JobAction.DELETE)
                        : List.of(JobAction.PAUSE, JobAction.CANCEL));
        return Jobs.renamed(job, Integer.toString(id), "clip-" + id + ".mov");
    }

    @Test
    void selectingAllRowsChoosesThemAllAndTheButtonsCountThem() {
        DesktopWindow.onFx(() -> {
            view.table().getSelectionModel().selectAll();
            return null;
        });

        assertThat(DesktopWindow.onFx(() -> model.chosen().size())).isEqualTo(5);
        assertThat(DesktopWindow.onFx(() -> ((Button) view.lookup("#job-cancel")).getText()))
                .isEqualTo("Cancel 5…");
        assertThat(DesktopWindow.onFx(() -> view.lookup("#job-retry").isDisabled()))
                .isTrue();
    }

    @Test
    void aLiveUpdateOfChosenRowsKeepsThemSelected() {
        DesktopWindow.onFx(() -> {
            view.table().getSelectionModel().selectIndices(1, 2, 3);
            return null;
        });
        DesktopWindow.onFx(() -> {
            model.jobChanged(queued(2, JobStatus.CANCELLED));
            model.jobChanged(queued(3, JobStatus.CANCELLED));
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(DesktopWindow.onFx(
                        () -> List.copyOf(view.table().getSelectionModel().getSelectedIndices())))
                .containsExactlyInAnyOrder(1, 2, 3);
        assertThat(DesktopWindow.onFx(
                        () -> model.chosen().stream().map(JobModel::id).toList()))
                .containsExactlyInAnyOrder("2", "3", "4");
        assertThat(DesktopWindow.onFx(() -> ((Button) view.lookup("#job-retry")).getText()))
                .isEqualTo("Retry 2…");
    }
}
