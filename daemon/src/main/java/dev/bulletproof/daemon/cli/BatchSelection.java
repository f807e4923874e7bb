package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.OutputPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The entries of a batch folder, split into the files to encode and the ones left alone, each of those
 * with the reason, so a file that is not encoded never goes unmentioned.
 */
record BatchSelection(List<Path> inputs, List<Skipped> skipped) {

    record Skipped(Path file, String reason) {}

    static BatchSelection of(Path folder, Set<String> wanted) throws IOException {
        List<Path> inputs = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> listing = Files.list(folder)) {
            entries = listing.sorted().toList();
        }
        for (Path entry : entries) {
            String reason = reasonToSkip(entry, wanted);
            if (reason == null) {
                inputs.add(entry);
            } else {
                skipped.add(new Skipped(entry, reason));
            }
        }
        return new BatchSelection(List.copyOf(inputs), List.copyOf(skipped));
    }

    /** Null when the file is to be encoded. */
    static String reasonToSkip(Path entry, Set<String> wanted) {
        String name = entry.getFileName().toString();
        if (Files.isDirectory(entry)) {
            return "a folder (batch does not go into subfolders)";
        }
        if (!Files.isRegularFile(entry)) {
            return "not a regular file";
        }
        if (OutputPaths.isTemp(entry)) {
            return "an unfinished encode's temporary file";
        }
        if (name.startsWith("._")) {
            return "macOS metadata (AppleDouble), not media";
        }
        if (name.startsWith(".")) {
            return "a hidden file";
        }
        if (name.contains("__processed__")) {
            return "an output of an earlier encode";
        }
        String extension = OutputPaths.extensionOf(name).toLowerCase(Locale.ROOT);
        if (!wanted.contains(extension)) {
            return extension.isEmpty()
                    ? "no extension (add one with --extension to take it)"
                    : "." + extension + " is not taken (add it with --extension)";
        }
        return null;
    }
}
