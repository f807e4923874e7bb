package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Remembers which ffmpeg processes the daemon has running, in small files in the data folder, so that a
 * daemon restarted after a hard crash (kill -9, power loss of the JVM only) can find an ffmpeg its
 * predecessor left behind and kill it before the job runs again. Without this an orphaned encode would
 * keep burning CPU and could race the new attempt.
 */
public final class EncodeRegistry {

    private static final System.Logger LOG = System.getLogger(EncodeRegistry.class.getName());

    private final Path folder;

    public EncodeRegistry(Path folder) {
        this.folder = folder;
    }

    /** Records that {@code pid} encodes {@code jobId}; the process's start time guards against pid reuse. */
    public void register(long jobId, long pid) {
        if (pid <= 0) {
            return;
        }
        Optional<Instant> started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant());
        String line = pid + " " + started.map(Instant::toString).orElse("-");
        try {
            Files.createDirectories(folder);
            Files.writeString(fileOf(jobId), line, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot record the ffmpeg process of job " + jobId + ": " + e);
        }
    }

    public void unregister(long jobId) {
        try {
            Files.deleteIfExists(fileOf(jobId));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove the process record of job " + jobId + ": " + e);
        }
    }

    /**
     * Kills every recorded process that is still alive and is the same process (same start time) as the
     * one recorded, then forgets all records. Returns the ids of the jobs whose encoder was still running.
     */
    public List<Long> killLeftovers() {
        List<Long> killed = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return killed;
        }
        try (DirectoryStream<Path> records = Files.newDirectoryStream(folder, "job-*.pid")) {
            for (Path record : records) {
                long jobId = jobIdOf(record);
                if (killIfSameProcess(
                        Files.readString(record, StandardCharsets.UTF_8).strip())) {
                    killed.add(jobId);
                }
                Files.deleteIfExists(record);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot check for encoders left by a previous run: " + e);
        }
        return killed;
    }

    private static boolean killIfSameProcess(String line) {
        String[] parts = line.split(" ", 2);
        long pid;
        try {
            pid = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        String recordedStart = parts.length > 1 ? parts[1] : "-";
        String actualStart =
                process.get().info().startInstant().map(Instant::toString).orElse("-");
        if (!recordedStart.equals(actualStart)) {
            return false; // the pid was reused by an unrelated process
        }
        LOG.log(System.Logger.Level.WARNING, "killing ffmpeg (pid " + pid + ") left running by a previous daemon");
        return ProcessTree.killAndWait(process.get(), 5_000);
    }

    private Path fileOf(long jobId) {
        return folder.resolve("job-" + jobId + ".pid");
    }

    private static long jobIdOf(Path record) {
        String name = record.getFileName().toString();
        try {
            return Long.parseLong(name.substring("job-".length(), name.length() - ".pid".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
