package dev.bulletproof.daemon.jobs;

import java.util.Objects;
import java.util.Set;

/**
 * Which watch folders a claim may take a job from, for schedules per folder (decision 0032): every folder,
 * every folder but some (folders whose own schedule is closed or at its worker limit), or only some (while
 * the global schedule holds, the folders whose own schedule is open). Jobs without a folder (added by
 * hand, or from before folders were recorded) follow the global schedule: {@link #except} lets them
 * through, {@link #only} does not.
 *
 * @param only true: only jobs of {@code folders}; false: every job except those of {@code folders}
 * @param folders the folders' keys, as jobs record them ({@code jobs.watch_folder})
 */
public record ClaimFolders(boolean only, Set<String> folders) {

    public static final ClaimFolders ANY = new ClaimFolders(false, Set.of());

    public ClaimFolders {
        folders = Set.copyOf(Objects.requireNonNull(folders, "folders"));
    }

    public static ClaimFolders except(Set<String> folders) {
        return new ClaimFolders(false, folders);
    }

    public static ClaimFolders only(Set<String> folders) {
        return new ClaimFolders(true, folders);
    }

    /** A claim that can take nothing: only folders, and none of them. */
    public boolean excludesEverything() {
        return only && folders.isEmpty();
    }

    public boolean admits(String watchFolder) {
        if (only) {
            return watchFolder != null && folders.contains(watchFolder);
        }
        return watchFolder == null || !folders.contains(watchFolder);
    }

    /** The same filter with each folder key translated (to the database's canonical paths, decision 0030). */
    public ClaimFolders map(java.util.function.UnaryOperator<String> translate) {
        return new ClaimFolders(
                only, folders.stream().map(translate).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }
}
