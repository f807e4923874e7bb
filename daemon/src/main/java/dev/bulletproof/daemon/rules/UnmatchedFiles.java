package dev.bulletproof.daemon.rules;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Remembers which files no rule matched, so each is reported once instead of on every rescan (the
 * original tool logged and broadcast the same warning every few seconds, forever). A file is reported
 * again after it was gone and came back, or after the rules changed.
 */
public final class UnmatchedFiles {

    private final Set<Path> reported = new HashSet<>();

    /** True the first time {@code file} is seen unmatched: report it then, and only then. */
    public synchronized boolean firstTime(Path file) {
        return reported.add(file);
    }

    /** The file vanished (or was matched after all): a later unmatched sighting is news again. */
    public synchronized void forget(Path file) {
        reported.remove(file);
    }

    /** The rules changed: every unmatched file deserves one new report. */
    public synchronized void clear() {
        reported.clear();
    }

    public synchronized int size() {
        return reported.size();
    }
}
