package dev.bulletproof.daemon.jobs;

/** What the jobs feature publishes on the event bus about individual jobs. */
public sealed interface JobEvent {

    /** A job was created, changed state, or changed a visible field; carries the job as committed. */
    record Changed(Job job) implements JobEvent {}

    /** A progress tick of a running job; not coalesced here. */
    record Progress(LiveProgress progress) implements JobEvent {}

    /** A finished job was deleted. */
    record Deleted(long jobId) implements JobEvent {}
}
