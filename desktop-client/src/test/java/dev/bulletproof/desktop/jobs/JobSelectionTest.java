package dev.bulletproof.desktop.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.desktop.testing.Jobs;
import dev.bulletproof.model.JobAction;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What several selected jobs offer, and the one question before acting on them. */
class JobSelectionTest {

    private static final JobModel RUNNING =
            Jobs.withActions(JobStatus.PROCESSING, List.of(JobAction.PAUSE, JobAction.CANCEL, JobAction.PRIORITY));
    private static final JobModel QUEUED =
            Jobs.withActions(JobStatus.QUEUED, List.of(JobAction.PAUSE, JobAction.CANCEL, JobAction.PRIORITY));
    private static final JobModel COMPLETED =
            Jobs.withActions(JobStatus.COMPLETED, List.of(JobAction.RETRY, JobAction.DELETE, JobAction.PRIORITY));
    private static final JobModel FAILED =
            Jobs.withActions(JobStatus.FAILED, List.of(JobAction.RETRY, JobAction.DELETE, JobAction.PRIORITY));

    @Test
    void anActionAppliesToTheSelectedJobsWhoseAllowedActionsHoldIt() {
        List<JobModel> selected = List.of(RUNNING, QUEUED, COMPLETED, FAILED);

        assertThat(JobSelection.applicable(selected, JobAction.CANCEL)).containsExactly(RUNNING, QUEUED);
        assertThat(JobSelection.applicable(selected, JobAction.RETRY)).containsExactly(COMPLETED, FAILED);
        assertThat(JobSelection.applicable(selected, JobAction.RESUME)).isEmpty();
    }

    /** The web dashboard's bulk questions (BulkBar.test.tsx), word for word. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CANCEL | 2 | Cancel 2 jobs? Running encodes stop and their partial outputs are removed; the sources stay.
            DELETE | 2 | Delete the history entries of 2 jobs? Only the entries go; no file is touched.
            RETRY  | 2 | Run 2 jobs again?
            PAUSE  | 3 | Pause 2 jobs of the 3 selected? No file is touched.
            RESUME | 3 | Resume 2 jobs of the 3 selected? No file is touched.
            """)
    void eachQuestionSaysWhatHappensToFiles(JobAction action, int selected, String sentence) {
        List<JobModel> applicable = List.of(QUEUED, RUNNING);

        assertThat(JobSelection.question(action, applicable, selected).sentence())
                .isEqualTo(sentence);
    }

    @Test
    void runningCompletedJobsAgainSaysTheOutputsStayAndNewOnesAreNumberedCopies() {
        JobSelection.Question question = JobSelection.question(JobAction.RETRY, List.of(COMPLETED, FAILED), 4);

        assertThat(question.sentence())
                .isEqualTo("Run 2 jobs of the 4 selected again? Existing outputs stay; new ones are written beside"
                        + " them as numbered copies.");
        assertThat(question.yes()).isEqualTo("Run 2 jobs again");
    }

    @Test
    void theButtonsSayWhatTheyDo() {
        assertThat(JobSelection.question(JobAction.CANCEL, List.of(QUEUED), 1)).satisfies(q -> {
            assertThat(q.yes()).isEqualTo("Cancel 1 job");
            assertThat(q.no()).isEqualTo("Keep them");
        });
        assertThat(JobSelection.question(JobAction.DELETE, List.of(COMPLETED, FAILED), 2)
                        .yes())
                .isEqualTo("Delete 2 entries");
        assertThatThrownBy(() -> JobSelection.question(JobAction.PRIORITY, List.of(QUEUED), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
