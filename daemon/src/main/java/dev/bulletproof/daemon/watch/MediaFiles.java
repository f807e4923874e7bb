package dev.bulletproof.daemon.watch;

import dev.bulletproof.daemon.media.OutputPaths;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Which files in a watched folder are worth looking at: video and audio by extension, minus the debris
 * that copy tools, browsers and operating systems leave behind, and minus our own in-progress outputs.
 * macOS writes an AppleDouble "._clip.mov" next to every file copied to a non-Apple volume; it carries
 * the video's extension but holds only metadata, and the original tool tried to transcode it.
 */
public final class MediaFiles {

    public static final Set<String> VIDEO_EXTENSIONS = Set.of(
            "mov", "mp4", "m4v", "mkv", "avi", "mxf", "mts", "m2ts", "m2t", "webm", "mpg", "mpeg", "m2v", "wmv", "flv",
            "ts", "dv", "3gp", "ogv", "vob", "hevc", "h264", "y4m");
    public static final Set<String> AUDIO_EXTENSIONS = Set.of(
            "wav", "wave", "aif", "aiff", "aifc", "mp3", "m4a", "aac", "flac", "ogg", "oga", "opus", "wma", "ac3",
            "eac3", "caf", "w64", "bwf");

    /** Suffixes of files still being written by browsers, rsync, editors and copy tools. */
    private static final Set<String> IN_PROGRESS_EXTENSIONS =
            Set.of("part", "partial", "tmp", "temp", "crdownload", "download", "filepart", "!ut");

    private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini", ".ds_store", "icon\r");

    private MediaFiles() {}

    /** True when {@code file}'s name says it is a finished video or audio file we may transcode. */
    public static boolean isCandidate(Path file) {
        String name = file.getFileName().toString();
        if (isIgnored(name)) {
            return false;
        }
        String extension = OutputPaths.extensionOf(name).toLowerCase(Locale.ROOT);
        return VIDEO_EXTENSIONS.contains(extension) || AUDIO_EXTENSIONS.contains(extension);
    }

    /**
     * True for names that are never inputs: hidden files (which includes AppleDouble "._x" files and our
     * ".x.bp-partial.mov" temporaries), partial downloads, editor backups ("x~") and OS clutter.
     */
    public static boolean isIgnored(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.endsWith("~") || name.startsWith("~$")) {
            return true;
        }
        if (SYSTEM_FILES.contains(name.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (OutputPaths.isTemp(Path.of(name))) {
            return true;
        }
        String extension = OutputPaths.extensionOf(name).toLowerCase(Locale.ROOT);
        return IN_PROGRESS_EXTENSIONS.contains(extension);
    }

    /** Folders a recursive watch does not enter: hidden ones (.Trashes, .Spotlight-V100, .git...). */
    public static boolean isIgnoredFolder(String name) {
        return name.startsWith(".") || name.equals("$RECYCLE.BIN") || name.equals("System Volume Information");
    }
}
