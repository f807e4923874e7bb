package dev.bulletproof.daemon.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.model.JobAction;
import dev.bulletproof.model.JobStatus;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The one table of job commands, every command against every state, and what clients are told they may do. */
class JobCommandTest {

    /** The whole table: the states each command starts from and where it leads ("-" = status unchanged). */
    @ParameterizedTest(name = "{0}: from {1} to {2}")
    @CsvSource(delimiter = '|', textBlock = """
            UPDATE_SETTLING    | WAITING                             | -
            QUEUE              | WAITING                             | QUEUED
            DROP_DUPLICATE     | WAITING                             | CANCELLED
            CLAIM              | QUEUED                              | PROCESSING
            COMPLETE           | PROCESSING                          | COMPLETED
            FAIL               | WAITING PROCESSING PAUSED           | FAILED
            SCHEDULE_RETRY     | PROCESSING                          | QUEUED
            REQUEUE_AFTER_STOP | PROCESSING PAUSED                   | QUEUED
            RECOVER            | PROCESSING PAUSED                   | QUEUED
            RECOVER_EXHAUSTED  | PROCESSING PAUSED                   | FAILED
            PAUSE              | QUEUED PROCESSING                   | PAUSED
            RESUME_RUNNING     | PAUSED                              | PROCESSING
            RELEASE            | PAUSED                              | QUEUED
            CANCEL             | WAITING QUEUED PROCESSING PAUSED    | CANCELLED
            RETRY              | COMPLETED FAILED CANCELLED          | QUEUED
            DELETE             | COMPLETED FAILED CANCELLED          | -
            SET_PRIORITY       | WAITING QUEUED PROCESSING PAUSED COMPLETED FAILED CANCELLED | -
            """)
    void eachCommandStartsOnlyFromItsStatesAndLeadsToItsTarget(String command, String sources, String target) {
        JobCommand cmd = JobCommand.valueOf(command);
        List<JobStatus> from =
                Arrays.stream(sources.split(" ")).map(JobStatus::valueOf).toList();
        for (JobStatus status : JobStatus.values()) {
            if (from.contains(status)) {
                cmd.require(9, status); // does not throw
            } else {
                assertThatThrownBy(() -> cmd.require(9, status))
                        .as(command + " from " + status)
                        .isInstanceOf(IllegalTransitionException.class)
                        .hasMessageStartingWith("job 9 is " + status.wireName() + "; only ");
            }
        }
        assertThat(cmd.target()).isEqualTo(target.equals("-") ? null : JobStatus.valueOf(target));
    }

    @Test
    void everyCommandIsInTheTableTest() {
        assertThat(JobCommand.values()).hasSize(17);
    }

    @Test
    void aRefusalSaysWhichStatesWouldAllowIt() {
        assertThatThrownBy(() -> JobCommand.PAUSE.require(12, JobStatus.COMPLETED))
                .hasMessage("job 12 is completed; only queued or processing jobs can be paused");
        assertThatThrownBy(() -> JobCommand.DELETE.require(5, JobStatus.PAUSED))
                .hasMessage("job 5 is paused; only completed, failed or cancelled jobs can be deleted");
    }

    static Stream<Arguments> allowedActionsByState() {
        return Stream.of(
                Arguments.of(JobStatus.WAITING, List.of(JobAction.CANCEL, JobAction.PRIORITY)),
                Arguments.of(JobStatus.QUEUED, List.of(JobAction.PAUSE, JobAction.CANCEL, JobAction.PRIORITY)),
                Arguments.of(JobStatus.PROCESSING, List.of(JobAction.PAUSE, JobAction.CANCEL, JobAction.PRIORITY)),
                Arguments.of(JobStatus.PAUSED, List.of(JobAction.RESUME, JobAction.CANCEL, JobAction.PRIORITY)),
                Arguments.of(JobStatus.COMPLETED, List.of(JobAction.RETRY, JobAction.DELETE, JobAction.PRIORITY)),
                Arguments.of(JobStatus.FAILED, List.of(JobAction.RETRY, JobAction.DELETE, JobAction.PRIORITY)),
                Arguments.of(JobStatus.CANCELLED, List.of(JobAction.RETRY, JobAction.DELETE, JobAction.PRIORITY)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("allowedActionsByState")
    void clientsAreToldExactlyWhatTheDaemonAccepts(JobStatus status, List<JobAction> expected) {
        assertThat(JobCommand.allowedActions(status)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(JobStatus.class)
    void everyAllowedActionHasACommandThatAcceptsTheState(JobStatus status) {
        for (JobAction action : JobCommand.allowedActions(status)) {
            assertThat(JobCommand.commandsOf(action)).anyMatch(command -> command.allowsFrom(status));
        }
    }
}
