package dev.bulletproof.daemon.media;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Finds a working ffmpeg/ffprobe pair: the configured path when there is one (and then only it), else the
 * ffmpeg bundled with the application, then the PATH. A candidate counts only if both executables actually
 * run {@code -version}, because a stale path or a binary missing a shared library is the usual failure on
 * a fresh machine.
 */
public final class MediaToolsLocator {

    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(20);
    private static final String EXE_SUFFIX =
            System.getProperty("os.name", "").toLowerCase().startsWith("windows") ? ".exe" : "";

    private MediaToolsLocator() {}

    /**
     * @param configuredFfmpeg the ffmpeg executable from the config or command line, or null; its ffprobe
     *     is expected beside it
     * @throws UnusableFfmpegException when the configured ffmpeg (or its ffprobe) does not work
     * @throws MediaToolsNotFoundException naming every candidate and why it was rejected
     */
    public static MediaTools locate(Path configuredFfmpeg) {
        return locate(configuredFfmpeg, BundledFfmpeg::extract, System.getenv("PATH"));
    }

    static MediaTools locate(Path configuredFfmpeg, Supplier<Optional<Path>> bundledFfmpeg, String pathVariable) {
        List<String> rejections = new ArrayList<>();
        if (configuredFfmpeg != null) {
            PairCheck configured = checkPair("configured", configuredFfmpeg);
            if (configured.problem() != null) {
                throw new UnusableFfmpegException(configuredFfmpeg, configured.problem());
            }
            return configured.tools();
        }
        Optional<Path> bundled;
        try {
            bundled = bundledFfmpeg.get();
        } catch (RuntimeException | LinkageError e) {
            rejections.add("bundled: could not be extracted (" + e.getMessage() + ")");
            bundled = Optional.empty();
        }
        if (bundled.isPresent()) {
            Optional<MediaTools> tools = tryPair("bundled", bundled.get(), rejections);
            if (tools.isPresent()) {
                return tools.get();
            }
        } else if (rejections.stream().noneMatch(r -> r.startsWith("bundled"))) {
            rejections.add("bundled: not available for this platform");
        }
        Optional<Path> onPath = findOnPath(pathVariable);
        if (onPath.isPresent()) {
            Optional<MediaTools> tools = tryPair("PATH", onPath.get(), rejections);
            if (tools.isPresent()) {
                return tools.get();
            }
        } else {
            rejections.add(
                    "PATH: no ffmpeg" + EXE_SUFFIX + " in " + (pathVariable == null ? "(PATH unset)" : pathVariable));
        }
        throw new MediaToolsNotFoundException(
                "no working ffmpeg/ffprobe found; tried " + String.join("; ", rejections));
    }

    private static Optional<MediaTools> tryPair(String source, Path ffmpeg, List<String> rejections) {
        PairCheck pair = checkPair(source, ffmpeg);
        if (pair.problem() != null) {
            rejections.add(source + " " + ffmpeg + ": " + pair.problem());
        }
        return Optional.ofNullable(pair.tools());
    }

    /** Either the working tools or why they cannot be used. */
    private record PairCheck(MediaTools tools, String problem) {}

    private static PairCheck checkPair(String source, Path ffmpeg) {
        Path ffprobe = ffmpeg.resolveSibling("ffprobe" + EXE_SUFFIX);
        // Both checks run at once: each is a process start, and this sits on every command's start-up path.
        CompletableFuture<VersionCheck> probeCheck = CompletableFuture.supplyAsync(() -> check(ffprobe));
        VersionCheck ffmpegCheck = check(ffmpeg);
        VersionCheck ffprobeCheck = probeCheck.join();
        String problem = ffmpegCheck.problem() != null ? ffmpegCheck.problem() : ffprobeCheck.problem();
        if (problem != null) {
            return new PairCheck(null, problem);
        }
        return new PairCheck(new MediaTools(ffmpeg, ffprobe, source, ffmpegCheck.version()), null);
    }

    /** The first line of {@code -version}, or why the executable cannot be used. */
    private record VersionCheck(String version, String problem) {}

    private static VersionCheck check(Path executable) {
        String name = executable.getFileName().toString();
        if (!Files.isRegularFile(executable)) {
            return new VersionCheck(null, name + " does not exist");
        }
        if (!Files.isExecutable(executable)) {
            return new VersionCheck(null, name + " is not executable");
        }
        try {
            ToolOutput output = ToolRunner.run(List.of(executable.toString(), "-version"), VERSION_TIMEOUT);
            if (!output.succeeded()) {
                String failed = name + " -version exited with code " + output.exitCode();
                return new VersionCheck(
                        null,
                        output.stderr().isBlank()
                                ? failed + " and printed no error"
                                : failed + ": " + output.lastErrorLine());
            }
            return new VersionCheck(
                    output.stdout().lines().findFirst().orElse("unknown").strip(), null);
        } catch (IOException e) {
            return new VersionCheck(null, name + " does not run: " + e.getMessage());
        }
    }

    private static Optional<Path> findOnPath(String pathVariable) {
        if (pathVariable == null || pathVariable.isBlank()) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve("ffmpeg" + EXE_SUFFIX);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
