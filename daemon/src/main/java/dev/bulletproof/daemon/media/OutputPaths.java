package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Naming rules shared by everything that writes outputs: where the in-progress temporary file lives, how
 * to recognise one (so the watcher never ingests it and crash recovery can delete it), and which free
 * name to use when the wanted one is taken (never overwrite).
 */
public final class OutputPaths {

    /** Marks our in-progress files; they are also hidden (leading dot) so other tools skip them. */
    static final String TEMP_MARKER = ".bp-partial";

    private OutputPaths() {}

    /**
     * The temporary file ffmpeg writes before verification: beside the final name (same file system, so
     * the publishing rename is atomic), hidden, and keeping the extension so ffmpeg picks the right muxer.
     * For {@code out/clip.mov} it is {@code out/.clip.bp-partial.mov}. Deterministic, so whoever knows the
     * final name can find and delete a leftover.
     */
    public static Path tempFor(Path finalOutput) {
        String name = finalOutput.getFileName().toString();
        String extension = extensionOf(name);
        String stem = extension.isEmpty() ? name : name.substring(0, name.length() - extension.length() - 1);
        String tempName = "." + stem + TEMP_MARKER + (extension.isEmpty() ? "" : "." + extension);
        return finalOutput.resolveSibling(tempName);
    }

    /**
     * Every temporary file beside {@code finalOutput} that an encode aiming at it may have left: its own and
     * those of its "-2", "-3"... variants (an encode whose wanted name was taken reserves the next free one).
     */
    public static List<Path> temporariesOf(Path finalOutput) {
        Path folder = finalOutput.toAbsolutePath().getParent();
        String name = finalOutput.getFileName().toString();
        String extension = extensionOf(name);
        String stem = stemOf(name);
        String suffix = TEMP_MARKER + (extension.isEmpty() ? "" : "." + extension);
        Pattern ours = Pattern.compile(Pattern.quote("." + stem) + "(-[0-9]+)?" + Pattern.quote(suffix));
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(
                            file -> ours.matcher(file.getFileName().toString()).matches())
                    .toList();
        } catch (IOException e) {
            return List.of(); // no folder, nothing left behind
        }
    }

    /** A piece of a segmented encode: {@code .<stem>.bp-partial.job<id>-<part>.<ext>} beside the output. */
    private static final Pattern PIECE =
            Pattern.compile("\\..*" + Pattern.quote(TEMP_MARKER) + "\\.job([0-9]+)-[a-z0-9]+\\.[^.]+");

    /**
     * Where a piece of job {@code jobId}'s segmented encode is kept (docs/decisions/0027-segmented-encoding.md):
     * beside the final name like its temporary file, hidden, and named after the job as well, so two jobs
     * aiming at the same output never share a piece and a piece left behind says whose it was.
     *
     * @param part "v0003" for the fourth video segment, "audio" for the audio, "list" for the join's list
     */
    public static Path pieceFor(Path finalOutput, long jobId, String part, String extension) {
        String stem = stemOf(finalOutput.getFileName().toString());
        return finalOutput.resolveSibling("." + stem + TEMP_MARKER + ".job" + jobId + "-" + part + "." + extension);
    }

    /** The video segment {@code index} of job {@code jobId}, in the output's own container. */
    public static Path videoSegmentFor(Path finalOutput, long jobId, int index) {
        return pieceFor(
                finalOutput, jobId, String.format(java.util.Locale.ROOT, "v%04d", index), extensionOf(finalOutput));
    }

    /** The audio of job {@code jobId}'s segmented encode, encoded once for the whole file. */
    public static Path audioUnitFor(Path finalOutput, long jobId) {
        return pieceFor(finalOutput, jobId, "audio", extensionOf(finalOutput));
    }

    /** The concat demuxer's list of job {@code jobId}'s segments. */
    public static Path concatListFor(Path finalOutput, long jobId) {
        return pieceFor(finalOutput, jobId, "list", "ffconcat");
    }

    /** Every piece of job {@code jobId} beside {@code finalOutput}. */
    public static List<Path> piecesOf(Path finalOutput, long jobId) {
        Path folder = finalOutput.toAbsolutePath().getParent();
        String prefix = "." + stemOf(finalOutput.getFileName().toString()) + TEMP_MARKER + ".job" + jobId + "-";
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)
                            && pieceJobId(file).isPresent())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The job a piece of a segmented encode belongs to; empty for any other file. */
    public static java.util.OptionalLong pieceJobId(Path file) {
        java.util.regex.Matcher piece = PIECE.matcher(file.getFileName().toString());
        return piece.matches()
                ? java.util.OptionalLong.of(Long.parseLong(piece.group(1)))
                : java.util.OptionalLong.empty();
    }

    private static String extensionOf(Path file) {
        String extension = extensionOf(file.getFileName().toString());
        return extension.isEmpty() ? "mkv" : extension;
    }

    /** True for files named by {@link #tempFor}. */
    public static boolean isTemp(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.contains(TEMP_MARKER);
    }

    /**
     * {@code wanted} if nothing exists there, otherwise the first free {@code stem-2.ext}, {@code stem-3.ext},
     * and so on. The check is advisory (someone may take the name a moment later); publishing still uses a
     * no-overwrite move.
     */
    public static Path nextFree(Path wanted) {
        if (!Files.exists(wanted) && !Files.exists(tempFor(wanted))) {
            return wanted;
        }
        for (int n = 2; ; n++) {
            Path candidate = withSuffix(wanted, n);
            if (!Files.exists(candidate) && !Files.exists(tempFor(candidate))) {
                return candidate;
            }
        }
    }

    /** {@code dir/clip.mov} with n=2 gives {@code dir/clip-2.mov}. */
    public static Path withSuffix(Path path, int n) {
        String name = path.getFileName().toString();
        String extension = extensionOf(name);
        String stem = extension.isEmpty() ? name : name.substring(0, name.length() - extension.length() - 1);
        return path.resolveSibling(stem + "-" + n + (extension.isEmpty() ? "" : "." + extension));
    }

    /** The text after the last dot, or "" when there is none (a leading dot alone does not count). */
    public static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1);
    }

    /** The file name without its extension. */
    public static String stemOf(String fileName) {
        String extension = extensionOf(fileName);
        return extension.isEmpty() ? fileName : fileName.substring(0, fileName.length() - extension.length() - 1);
    }
}
