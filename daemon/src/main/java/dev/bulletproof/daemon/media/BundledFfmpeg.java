package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.Optional;
import java.util.Properties;

/**
 * The ffmpeg shipped inside the application (org.bytedeco's GPL build). javacpp extracts the executables
 * into its per-user cache on first use; ffprobe is loaded too so that it lands beside ffmpeg.
 *
 * <p>Asking javacpp costs about 0.2 s on every start, because it also loads ffmpeg's shared libraries
 * into the JVM, which we never use: we only run the executables. So the extracted paths are remembered
 * in a small file in javacpp's cache folder, together with what identifies them (the bundled jar, and
 * the size and modification time of both executables). The next start uses them directly when all of
 * that still matches, and asks javacpp again otherwise. The locator runs {@code -version} on whatever
 * this returns, so a remembered file that no longer works is still caught.
 */
final class BundledFfmpeg {

    private static final System.Logger LOG = System.getLogger(BundledFfmpeg.class.getName());
    private static final String REMEMBERED_FILE_PREFIX = "bulletproof-bundled-ffmpeg-";

    private BundledFfmpeg() {}

    static Optional<Path> extract() {
        String location = bundleLocation();
        Path memo = location == null ? null : memoFile(location);
        String bundle = memo == null ? null : bundleIdentity(location);
        Optional<Path> remembered = remembered(memo, bundle);
        if (remembered.isPresent()) {
            return remembered;
        }
        String ffmpeg = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        String ffprobe = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
        if (ffmpeg == null || ffprobe == null) {
            return Optional.empty();
        }
        Path ffmpegPath = Path.of(ffmpeg);
        Path ffprobePath = Path.of(ffprobe);
        // Both normally land in the same cache folder; the locator expects ffprobe beside ffmpeg.
        if (!ffprobePath.getParent().equals(ffmpegPath.getParent())) {
            throw new IllegalStateException("bundled ffprobe is not beside ffmpeg: " + ffprobePath);
        }
        remember(memo, bundle, ffmpegPath, ffprobePath);
        return Optional.of(ffmpegPath);
    }

    /** Where the location is remembered, or null when javacpp's cache folder cannot be created. */
    private static Path memoFile(String bundleLocation) {
        try {
            return org.bytedeco.javacpp.Loader.getCacheDir().toPath().resolve(memoFileName(bundleLocation));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * One memo per installation: javacpp's cache folder is per user, and a user with two installations
     * (an installed app and a checkout, or two checkouts) would otherwise have each overwrite the other's
     * memo and pay for javacpp on every other start.
     */
    static String memoFileName(String bundleLocation) {
        return REMEMBERED_FILE_PREFIX + java.util.HexFormat.of().toHexDigits(bundleLocation.hashCode()) + ".properties";
    }

    /** The remembered ffmpeg, if it was extracted from this same bundle and neither executable changed since. */
    static Optional<Path> remembered(Path file, String bundle) {
        if (file == null || bundle == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties saved = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            saved.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String ffmpeg = saved.getProperty("ffmpeg");
        String ffprobe = saved.getProperty("ffprobe");
        if (!bundle.equals(saved.getProperty("bundle")) || ffmpeg == null || ffprobe == null) {
            return Optional.empty();
        }
        Path ffmpegPath = Path.of(ffmpeg);
        Path ffprobePath = Path.of(ffprobe);
        if (!ffprobePath.getParent().equals(ffmpegPath.getParent())
                || !fileIdentity(ffmpegPath).equals(saved.getProperty("ffmpeg.identity"))
                || !fileIdentity(ffprobePath).equals(saved.getProperty("ffprobe.identity"))) {
            return Optional.empty();
        }
        return Optional.of(ffmpegPath);
    }

    /** Best effort: a cache that cannot be written only costs the next start its 0.2 s. */
    static void remember(Path file, String bundle, Path ffmpeg, Path ffprobe) {
        if (file == null || bundle == null) {
            return;
        }
        Properties saved = new Properties();
        saved.setProperty("bundle", bundle);
        saved.setProperty("ffmpeg", ffmpeg.toString());
        saved.setProperty("ffmpeg.identity", fileIdentity(ffmpeg));
        saved.setProperty("ffprobe", ffprobe.toString());
        saved.setProperty("ffprobe.identity", fileIdentity(ffprobe));
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), ".bulletproof-ffmpeg-", ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                saved.store(writer, "where Bulletproof found its bundled ffmpeg; safe to delete");
            }
            // Written aside and renamed: two daemons starting at once never read a half-written file.
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not remember the bundled ffmpeg's location: " + e);
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not delete " + temporary + ": " + e);
        }
    }

    /** Size and modification time of a file, or "missing"; a re-extracted or replaced file differs. */
    static String fileIdentity(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }

    /** Where the jar that ships the executables' classes is, or null when it cannot be told. */
    private static String bundleLocation() {
        CodeSource source =
                org.bytedeco.ffmpeg.ffmpeg.class.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null
                ? null
                : source.getLocation().toString();
    }

    /** That jar's location with its size and time. */
    private static String bundleIdentity(String location) {
        try {
            Path jar = Path.of(java.net.URI.create(location));
            return Files.isRegularFile(jar) ? location + " " + fileIdentity(jar) : location;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return location;
        }
    }
}
