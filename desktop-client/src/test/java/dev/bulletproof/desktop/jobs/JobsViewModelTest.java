package dev.bulletproof.desktop.jobs;

import static dev.bulletproof.desktop.testing.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.desktop.testing.Jobs;
import dev.bulletproof.model.JobAction;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.ws.ServerMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table's live behaviour, without a daemon and without a stage. */
class JobsViewModelTest {

    private final BackgroundCalls calls = new BackgroundCalls(Runnable::run);
    private final JobsViewModel model = new JobsViewModel(() -> null, calls);

    @AfterEach
    void close() {
        calls.close();
    }

    @Test
    void aChangedJobIsReplacedInPlaceAndANewOneGoesOnTop() {
        model.apply(new ServerMessage.JobUpdate(job("1", "a.mov", JobStatus.QUEUED, "live-qlab")));
        model.apply(new ServerMessage.JobUpdate(job("2", "b.mov", JobStatus.QUEUED, "live-qlab")));
        model.apply(new ServerMessage.JobUpdate(job("1", "a.mov", JobStatus.PROCESSING, "live-qlab")));

        assertThat(model.jobs()).extracting(JobModel::id).containsExactly("2", "1");
        assertThat(model.jobs().get(1).status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(model.totalProperty().get()).isEqualTo(2);
    }

    @Test
    void aJobThatNoLongerMatchesTheStatusFilterLeavesTheTable() {
        model.statusFilterProperty().set(JobStatus.PROCESSING);
        model.apply(new ServerMessage.JobUpdate(job("1", "a.mov", JobStatus.PROCESSING, "live-qlab")));
        model.apply(new ServerMessage.JobUpdate(job("1", "a.mov", JobStatus.COMPLETED, "live-qlab")));

        assertThat(model.jobs()).isEmpty();
        assertThat(model.totalProperty().get()).isZero();
    }

    @Test
    void theSelectedJobFollowsItsUpdates() {
        JobModel queued = job("1", "a.mov", JobStatus.PROCESSING, "live-qlab");
        model.apply(new ServerMessage.JobUpdate(queued));
        model.selectedProperty().set(queued);

        model.apply(new ServerMessage.JobUpdate(job("1", "a.mov", JobStatus.PAUSED, "live-qlab")));

        assertThat(model.selectedProperty().get().status()).isEqualTo(JobStatus.PAUSED);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            '',         '',          Interview_take1.MOV, true
            interview,  '',          Interview_take1.MOV, true
            broll,      '',          Interview_take1.MOV, false
            '',         live-qlab,   Interview_take1.MOV, true
            '',         archive,     Interview_take1.MOV, false
            """)
    void liveJobsAreFilteredLikeTheDaemonFiltersPages(String search, String profile, String file, boolean shown) {
        model.searchProperty().set(search);
        model.profileFilterProperty().set(profile);

        assertThat(model.matches(job("9", file, JobStatus.QUEUED, "live-qlab"))).isEqualTo(shown);
    }

    @Test
    void theFiltersBecomeTheDaemonsQuery() {
        model.statusFilterProperty().set(JobStatus.FAILED);
        model.searchProperty().set(" show open ");
        model.profileFilterProperty().set("live-qlab");

        assertThat(model.query().withLimit(JobsViewModel.PAGE_SIZE).toQueryString())
                .isEqualTo("status=failed&q=show+open&profile=live-qlab&limit=200");
    }

    @Test
    void aSortedTableAsksTheDaemonForItsOrderAndTheDefaultOrderAsksForNone() {
        model.sortProperty().set(new JobsSort(JobsSort.Key.FINISHED, true));
        assertThat(model.query().toQueryString()).isEqualTo("sort=-finished");

        model.sortProperty().set(new JobsSort(JobsSort.Key.PROCESSING_TIME, false));
        assertThat(model.query().toQueryString()).isEqualTo("sort=processing_time");

        model.sortProperty().set(JobsSort.NEWEST_FIRST);
        assertThat(model.query().toQueryString()).isEmpty();
    }

    @Test
    void inAnotherOrderANewJobIsCountedButNotPutOnTopWhereItMayNotBelong() {
        model.apply(new ServerMessage.JobUpdate(job("1", "b.mov", JobStatus.QUEUED, "live-qlab")));
        model.sortProperty().set(new JobsSort(JobsSort.Key.FILENAME, false));
        model.jobs().setAll(job("1", "b.mov", JobStatus.QUEUED, "live-qlab"));
        model.totalProperty().set(1);

        model.apply(new ServerMessage.JobUpdate(job("2", "a.mov", JobStatus.QUEUED, "live-qlab")));
        model.apply(new ServerMessage.JobUpdate(job("1", "b.mov", JobStatus.PROCESSING, "live-qlab")));

        assertThat(model.jobs()).extracting(JobModel::id).containsExactly("1");
        assertThat(model.jobs().getFirst().status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(model.totalProperty().get()).isEqualTo(2);
        assertThat(model.hasMore()).as("the new job is on a page still to load").isTrue();
    }

    @Test
    void theChosenJobsFollowTheirUpdatesAndLeaveWithTheirRows() {
        model.statusFilterProperty().set(JobStatus.QUEUED);
        JobModel a = job("1", "a.mov", JobStatus.QUEUED, "live-qlab");
        JobModel b = job("2", "b.mov", JobStatus.QUEUED, "live-qlab");
        model.apply(new ServerMessage.JobUpdate(a));
        model.apply(new ServerMessage.JobUpdate(b));
        model.choose(List.of(a, b));

        model.apply(new ServerMessage.JobUpdate(job("1", "a.mov", JobStatus.QUEUED, "archive")));
        model.apply(new ServerMessage.JobUpdate(job("2", "b.mov", JobStatus.CANCELLED, "live-qlab")));

        assertThat(model.chosen()).extracting(JobModel::id).containsExactly("1");
        assertThat(model.chosen().getFirst().profile()).isEqualTo("archive");
    }

    @Test
    void pickingOneJobOnItsOwnMakesItTheWholeSelection() {
        JobModel a = job("1", "a.mov", JobStatus.QUEUED, "live-qlab");
        JobModel b = job("2", "b.mov", JobStatus.QUEUED, "live-qlab");
        JobModel c = job("3", "c.mov", JobStatus.QUEUED, "live-qlab");
        model.choose(List.of(a, b));

        model.selectedProperty().set(b);
        assertThat(model.chosen()).extracting(JobModel::id).containsExactly("1", "2");

        model.selectedProperty().set(c);
        assertThat(model.chosen()).extracting(JobModel::id).containsExactly("3");
    }

    /** The same table as the daemon's JobCommandTest: the buttons are enabled exactly for these. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            WAITING    | CANCEL PRIORITY
            QUEUED     | PAUSE CANCEL PRIORITY
            PROCESSING | PAUSE CANCEL PRIORITY
            PAUSED     | RESUME CANCEL PRIORITY
            COMPLETED  | RETRY DELETE PRIORITY
            FAILED     | RETRY DELETE PRIORITY
            CANCELLED  | RETRY DELETE PRIORITY
            """)
    void actionsAreOfferedExactlyAsTheDaemonAllowsThem(JobStatus status, String allowed) {
        List<JobAction> actions =
                Arrays.stream(allowed.split(" ")).map(JobAction::valueOf).toList();
        JobModel job = Jobs.withActions(status, actions);

        for (JobAction action : JobAction.values()) {
            assertThat(JobsViewModel.allows(job, action))
                    .as(status + " " + action)
                    .isEqualTo(actions.contains(action));
        }
        assertThat(JobsViewModel.allows(null, JobAction.CANCEL)).isFalse();
    }
}
