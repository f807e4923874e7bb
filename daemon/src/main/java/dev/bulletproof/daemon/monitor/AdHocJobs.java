package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.config.LiveConfig;
import dev.bulletproof.daemon.jobs.DuplicateJobException;
import dev.bulletproof.daemon.jobs.InvalidJobRequestException;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.Registration;
import dev.bulletproof.daemon.media.PlannedProfile;
import dev.bulletproof.daemon.media.Profile;
import dev.bulletproof.daemon.rules.OutputNamer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A job for a file already on the daemon's disk, queued at once with the profile the caller chose: the
 * intake of a file by request rather than by the watch folder.
 */
final class AdHocJobs {

    private final JobRepository jobs;
    private final LiveConfig config;
    private final OutputNamer namer;

    AdHocJobs(JobRepository jobs, LiveConfig config, Clock clock) {
        this.jobs = jobs;
        this.config = config;
        this.namer = new OutputNamer(clock);
    }

    /**
     * @param output where to write, relative to the output folder; null means the default output name
     */
    Job enqueue(String path, String profileName, String output) {
        Path input = existingFile(path);
        Profile profile = config.profiles()
                .find(profileName)
                .orElseThrow(() -> new InvalidJobRequestException("profile", "no profile named '" + profileName + "'"));
        Path relative = output == null
                ? namer.relativeOutput(null, input.getFileName().toString(), profile.name(), profile.extension())
                : relativeOutput(output);
        Path finalOutput = OutputNamer.resolveFree(config.config().outputFolder(), relative);
        try {
            Registration registration = jobs.registerFile(NewFile.ready(
                    input.toString(),
                    Files.size(input),
                    Files.getLastModifiedTime(input).toMillis(),
                    JobPlan.of(profile.name(), finalOutput.toString(), 0)
                            .withPlannedProfile(PlannedProfile.toJson(profile))));
            if (!registration.created()) {
                throw new DuplicateJobException(
                        "this exact file already has job " + registration.job().id() + " ("
                                + registration.job().status().wireName() + "); retry that job instead");
            }
            return registration.job();
        } catch (IOException e) {
            throw new InvalidJobRequestException("path", "cannot read the file: " + e.getMessage());
        }
    }

    private static Path existingFile(String path) {
        try {
            Path input = Path.of(path);
            if (!input.isAbsolute()) {
                throw new InvalidJobRequestException("path", "must be an absolute path on the daemon's machine");
            }
            Path normalized = input.normalize();
            if (!Files.isRegularFile(normalized)) {
                throw new InvalidJobRequestException("path", "no such file: " + normalized);
            }
            return normalized;
        } catch (InvalidPathException e) {
            throw new InvalidJobRequestException("path", "not a valid path: " + e.getMessage());
        }
    }

    private static Path relativeOutput(String output) {
        try {
            Path relative = Path.of(output);
            if (relative.isAbsolute()) {
                throw new InvalidJobRequestException("output", "must be relative to the output folder");
            }
            return relative;
        } catch (InvalidPathException e) {
            throw new InvalidJobRequestException("output", "not a valid path: " + e.getMessage());
        }
    }
}
