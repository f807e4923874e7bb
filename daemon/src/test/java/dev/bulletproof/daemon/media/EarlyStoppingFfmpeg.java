package dev.bulletproof.daemon.media;

import dev.bulletproof.daemon.testing.TestMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Fault injection: an "ffmpeg" that runs the real one but cuts every encode short with {@code -t}, the way a
 * buggy encoder or filter would, and exits 0. Tool checks and decodes pass through untouched. An ffprobe link
 * beside it makes the folder usable as a configured {@code ffmpeg_path}.
 */
public final class EarlyStoppingFfmpeg {

    private EarlyStoppingFfmpeg() {}

    /** @return the tools to run, with {@code folder/ffmpeg} as the encoder */
    public static MediaTools install(Path folder, double stopAfterSeconds) {
        MediaTools real = TestMedia.tools();
        try {
            Files.createDirectories(folder);
            Path ffmpeg = folder.resolve("ffmpeg");
            Files.writeString(ffmpeg, """
                    #!/bin/bash
                    # An encode is the call that reports -progress; everything else runs unchanged.
                    args=("$@")
                    if [[ " $* " == *" -progress "* ]]; then
                      last=$((${#args[@]} - 1))
                      exec "%s" "${args[@]:0:last}" -t %s "${args[last]}"
                    fi
                    exec "%s" "$@"
                    """.formatted(
                            real.ffmpeg(), String.format(Locale.ROOT, "%.3f", stopAfterSeconds), real.ffmpeg()));
            Files.setPosixFilePermissions(ffmpeg, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path ffprobe = folder.resolve("ffprobe");
            Files.deleteIfExists(ffprobe);
            Files.createSymbolicLink(ffprobe, real.ffprobe());
            return new MediaTools(ffmpeg, real.ffprobe(), "test wrapper", real.version());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
