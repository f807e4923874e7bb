package dev.bulletproof.daemon.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A program run after a job completes or fails, from the config file's {@code hooks:} list (only there: a
 * hook runs a program, and the API must never be a way to run one; decision 0008).
 *
 * @param command the program and its arguments, run directly (never through a shell)
 * @param events {@code job.completed} and/or {@code job.failed}
 * @param timeout after this the hook's process tree is killed and the hook reported as failed
 */
public record HookCommand(List<String> command, Set<String> events, Duration timeout) {

    public static final List<String> EVENTS = List.of("job.completed", "job.failed");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public HookCommand {
        command = List.copyOf(command);
        events = Set.copyOf(events);
    }

    public boolean wants(String event) {
        return events.contains(event);
    }
}
