package dev.bulletproof.daemon.jobs;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether a queued job may start now, asked by the worker pool just before it claims one (the disk guard: a job
 * whose output would not leave enough free space waits). A held job stays queued with the reason as its status
 * reason, and is asked again after {@link #recheck()} or at the next wake-up.
 */
public interface StartAdmission {

    /** Every job may start. */
    StartAdmission ALWAYS = new StartAdmission() {
        @Override
        public Optional<String> holdReason(Job job) {
            return Optional.empty();
        }

        @Override
        public Duration recheck() {
            return Duration.ofDays(1);
        }
    };

    /** Empty when {@code job} may start now; otherwise why it waits, in words a user understands. */
    Optional<String> holdReason(Job job);

    /** How soon to ask again while some job is held. */
    Duration recheck();

    /**
     * Called after each claim, outside its transaction: {@link #holdReason} runs inside it, so what it has to
     * announce (events whose subscribers write to the database) waits until here.
     */
    default void afterClaim() {}
}
