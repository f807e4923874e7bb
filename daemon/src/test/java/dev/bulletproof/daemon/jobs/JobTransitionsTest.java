package dev.bulletproof.daemon.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.model.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class JobTransitionsTest {

    /** Every (from, to) pair: the whole table, so any change to it shows up here. */
    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            WAITING    | WAITING    | false
            WAITING    | QUEUED     | true
            WAITING    | PROCESSING | false
            WAITING    | PAUSED     | false
            WAITING    | COMPLETED  | false
            WAITING    | FAILED     | true
            WAITING    | CANCELLED  | true
            QUEUED     | WAITING    | false
            QUEUED     | QUEUED     | false
            QUEUED     | PROCESSING | true
            QUEUED     | PAUSED     | true
            QUEUED     | COMPLETED  | false
            QUEUED     | FAILED     | false
            QUEUED     | CANCELLED  | true
            PROCESSING | WAITING    | false
            PROCESSING | QUEUED     | true
            PROCESSING | PROCESSING | false
            PROCESSING | PAUSED     | true
            PROCESSING | COMPLETED  | true
            PROCESSING | FAILED     | true
            PROCESSING | CANCELLED  | true
            PAUSED     | WAITING    | false
            PAUSED     | QUEUED     | true
            PAUSED     | PROCESSING | true
            PAUSED     | PAUSED     | false
            PAUSED     | COMPLETED  | false
            PAUSED     | FAILED     | true
            PAUSED     | CANCELLED  | true
            COMPLETED  | WAITING    | false
            COMPLETED  | QUEUED     | true
            COMPLETED  | PROCESSING | false
            COMPLETED  | PAUSED     | false
            COMPLETED  | COMPLETED  | false
            COMPLETED  | FAILED     | false
            COMPLETED  | CANCELLED  | false
            FAILED     | WAITING    | false
            FAILED     | QUEUED     | true
            FAILED     | PROCESSING | false
            FAILED     | PAUSED     | false
            FAILED     | COMPLETED  | false
            FAILED     | FAILED     | false
            FAILED     | CANCELLED  | false
            CANCELLED  | WAITING    | false
            CANCELLED  | QUEUED     | true
            CANCELLED  | PROCESSING | false
            CANCELLED  | PAUSED     | false
            CANCELLED  | COMPLETED  | false
            CANCELLED  | FAILED     | false
            CANCELLED  | CANCELLED  | false
            """)
    void theTableAllowsExactlyTheseMoves(JobStatus from, JobStatus to, boolean allowed) {
        assertThat(JobTransitions.isAllowed(from, to)).isEqualTo(allowed);
        if (allowed) {
            assertThatCode(() -> JobTransitions.require(7, from, to)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> JobTransitions.require(7, from, to))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageStartingWith("job 7 is " + from.wireName() + "; ");
        }
    }

    @Test
    void refusalSaysWhichStatesWouldAllowTheMove() {
        assertThatThrownBy(() -> JobTransitions.require(12, JobStatus.COMPLETED, JobStatus.PAUSED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("job 12 is completed; only queued or processing jobs can be paused");
    }

    @Test
    void nothingGoesBackToWaiting() {
        assertThatThrownBy(() -> JobTransitions.require(3, JobStatus.QUEUED, JobStatus.WAITING))
                .hasMessage("job 3 is queued; no job can be put back to waiting");
    }

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"COMPLETED", "FAILED", "CANCELLED"})
    void finishedJobsCanBeDeleted(JobStatus status) {
        assertThatCode(() -> JobTransitions.requireDeletable(5, status)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"WAITING", "QUEUED", "PROCESSING", "PAUSED"})
    void liveJobsCannotBeDeleted(JobStatus status) {
        assertThatThrownBy(() -> JobTransitions.requireDeletable(5, status))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage(
                        "job 5 is " + status.wireName() + "; only completed, failed or cancelled jobs can be deleted");
    }
}
