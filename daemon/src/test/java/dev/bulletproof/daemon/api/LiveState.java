package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.jobs.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * What a refused request must leave untouched: whether the queue is paused, every job with the fields a
 * control or an edit would change, and the config file byte for byte.
 */
record LiveState(boolean queuePaused, List<String> jobs, String configFile) {

    static LiveState of(ApiFixture api) {
        try {
            return new LiveState(
                    api.daemon.pool().isQueuePaused(),
                    api.jobs().stream().map(LiveState::describe).toList(),
                    Arrays.toString(Files.readAllBytes(api.configFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Job job) {
        return job.id() + " " + job.status().wireName() + " priority " + job.priority() + " attempts " + job.attempts()
                + " version " + job.version() + " " + job.inputPath() + " -> " + job.outputPath();
    }
}
