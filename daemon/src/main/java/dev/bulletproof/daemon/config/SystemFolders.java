package dev.bulletproof.daemon.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Folders the daemon must never watch, publish into or move inputs into (docs/decisions/0008): the
 * operating system's own trees, where a stray output or a deleted "input" breaks the machine, and a few
 * folders too broad to be a show's folder (a file system root, /home, /var), where the exclusion of the
 * output folder from watching and the clutter would hit everything else.
 */
final class SystemFolders {

    /** Refused together with everything inside them. */
    private static final List<String> UNIX_TREES = List.of(
            "/bin",
            "/boot",
            "/dev",
            "/etc",
            "/lib",
            "/lib32",
            "/lib64",
            "/libx32",
            "/proc",
            "/sbin",
            "/sys",
            "/usr",
            "/System",
            "/private/etc");

    /** Refused as the folder itself; folders inside them are ordinary places (/var/media, /run/media/usb). */
    private static final List<String> UNIX_BROAD = List.of("/home", "/Users", "/var", "/run", "/opt", "/private");

    private SystemFolders() {}

    /** Why {@code folder} (absolute, normalised) may not hold media, or empty when it may. */
    static Optional<String> problem(Path folder) {
        Path real = canonical(folder);
        for (Path candidate : List.of(folder, real)) {
            if (candidate.getParent() == null) {
                return Optional.of("must not be the root of a file system (" + candidate + ")");
            }
            for (Path tree : trees(candidate)) {
                if (candidate.startsWith(tree)) {
                    return Optional.of("must not be in the system folder " + tree);
                }
            }
            for (Path broad : broad(candidate)) {
                if (candidate.equals(broad)) {
                    return Optional.of("must not be " + broad + " itself; use a folder inside it");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code path} with symbolic links resolved as far as it exists (the rest appended as written), so
     * /lib/x on a system where /lib links to /usr/lib is seen as /usr/lib/x.
     */
    static Path canonical(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path)).normalize();
        } catch (IOException | SecurityException e) {
            return path;
        }
    }

    private static List<Path> trees(Path like) {
        List<Path> trees = new ArrayList<>();
        if (isWindows(like)) {
            Stream.of("SystemRoot", "windir", "ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")
                    .map(System::getenv)
                    .filter(value -> value != null && !value.isBlank())
                    .forEach(value -> trees.add(like.getFileSystem().getPath(value)));
            trees.add(like.getFileSystem().getPath("C:\\Windows"));
        } else {
            UNIX_TREES.forEach(tree -> trees.add(like.getFileSystem().getPath(tree)));
        }
        return trees;
    }

    private static List<Path> broad(Path like) {
        if (isWindows(like)) {
            return Stream.of("C:\\Users", "C:\\ProgramData")
                    .map(name -> like.getFileSystem().getPath(name))
                    .toList();
        }
        return UNIX_BROAD.stream()
                .map(name -> like.getFileSystem().getPath(name))
                .toList();
    }

    private static boolean isWindows(Path like) {
        return like.getFileSystem().getSeparator().equals("\\")
                || System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
