package dev.bulletproof.daemon.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How this node's folders relate to the cluster's names for them. The nodes of a cluster mount one share
 * at different places ({@code /mnt/media} on the Linux nodes, {@code /Volumes/media} on a Mac); the store
 * keeps every path in the canonical form (the map's keys), so one file has one name cluster-wide (and one
 * job), and each node turns it into its own path before it touches the file.
 *
 * <p>Prefixes match whole path components ({@code /mnt/media} covers {@code /mnt/media/a.mov}, not
 * {@code /mnt/media2/a.mov}); the longest matching prefix wins. A path no entry covers is the same on
 * every node and passes unchanged, which is also all an empty map (one machine) ever does.
 */
public final class PathMap {

    /** canonical prefix and this node's prefix, longest canonical first. */
    private record Entry(Path canonical, Path local) {}

    private static final PathMap NONE = new PathMap(List.of());

    private final List<Entry> entries;

    private PathMap(List<Entry> entries) {
        this.entries = entries;
    }

    public static PathMap none() {
        return NONE;
    }

    /**
     * @param canonicalToLocal the config file's {@code path_map:}: each cluster-wide prefix and where this
     *     node mounts it; both absolute
     * @throws IllegalArgumentException for a relative path (the config reader reports it by key first)
     */
    public static PathMap of(Map<String, String> canonicalToLocal) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, String> entry : new LinkedHashMap<>(canonicalToLocal).entrySet()) {
            entries.add(new Entry(absolute(entry.getKey()), absolute(entry.getValue())));
        }
        entries.sort(Comparator.comparingInt((Entry e) -> e.canonical().getNameCount())
                .reversed());
        return entries.isEmpty() ? NONE : new PathMap(List.copyOf(entries));
    }

    private static Path absolute(String text) {
        Path path = Path.of(text).normalize();
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("not an absolute path: " + text);
        }
        return path;
    }

    /** The cluster-wide name of a file this node sees at {@code local}, as the store keeps it. */
    public String canonical(Path local) {
        Path normalized = local.toAbsolutePath().normalize();
        return entries.stream()
                .filter(entry -> normalized.startsWith(entry.local()))
                .max(Comparator.comparingInt(entry -> entry.local().getNameCount()))
                .map(entry -> rebase(normalized, entry.local(), entry.canonical()))
                .orElse(normalized)
                .toString();
    }

    /** Where this node finds the file the store names {@code canonical}. */
    public Path local(String canonical) {
        Path path = Path.of(canonical).normalize();
        Optional<Entry> covering = entries.stream()
                .filter(entry -> path.startsWith(entry.canonical()))
                .findFirst();
        return covering.map(entry -> rebase(path, entry.canonical(), entry.local()))
                .orElse(path);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static Path rebase(Path path, Path from, Path to) {
        return to.resolve(from.relativize(path));
    }

    @Override
    public String toString() {
        return entries.isEmpty() ? "no path map" : entries.toString();
    }
}
