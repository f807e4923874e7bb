package dev.bulletproof.daemon.config;

import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.RuleModel;
import dev.bulletproof.model.WatchFolderModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of a {@code watch_folders:} list, keyed {@code watch_folders[1].path} like every other field.
 * Beyond each folder's own values: no two folders may be the same or nest (a file would belong to two
 * folders, with two rule sets, and be processed twice), and no output or processed folder may lie inside a
 * watched folder or contain one (outputs would come back as inputs, or every file be skipped as an output).
 */
final class WatchFolderChecks {

    /** A folder whose path could be used, with the places its files go and the field each came from. */
    private record Entry(int index, Path path, List<Place> places) {
        String field() {
            return "watch_folders[" + index + "].path";
        }
    }

    private record Place(String field, Path folder, String inside) {}

    private WatchFolderChecks() {}

    /** @param top the configuration's top-level values in effect (what a folder that sets a key not inherits) */
    static void check(
            ConfigModel model,
            DaemonConfig top,
            Path baseDir,
            Set<String> knownProfiles,
            Map<String, String> problems) {
        List<WatchFolderModel> folders = model.watchFolders();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            WatchFolderModel folder = folders.get(i);
            if (folder == null) {
                continue; // reported by the reader
            }
            String field = "watch_folders[" + i + "].";
            boolean enabled = folder.enabled() == null || folder.enabled();
            Path path = null;
            if (folder.path() == null || folder.path().isBlank()) {
                problems.putIfAbsent(field + "path", "required: the folder to watch");
            } else {
                path = pathOf(field + "path", folder.path(), baseDir, problems);
            }
            if (path != null) {
                if (enabled) {
                    ConfigValidator.checkFolder(field + "path", path, problems);
                }
                SystemFolders.problem(path).ifPresent(p -> problems.putIfAbsent(field + "path", p));
            }
            List<Place> places = new ArrayList<>();
            Path output = folder.outputFolder() == null
                    ? top.outputFolder()
                    : pathOf(field + "output_folder", folder.outputFolder(), baseDir, problems);
            String outputField = folder.outputFolder() == null ? "output_folder" : field + "output_folder";
            if (output != null) {
                if (folder.outputFolder() != null) {
                    ConfigValidator.checkFolder(outputField, output, problems);
                    SystemFolders.problem(output).ifPresent(p -> problems.putIfAbsent(outputField, p));
                }
                places.add(new Place(outputField, output, "outputs would be re-ingested"));
            }
            OnSuccess onSuccess = folder.onSuccess() != null ? folder.onSuccess() : top.onSuccess();
            List<RuleModel> rules = folder.rules() != null ? folder.rules() : top.rules();
            boolean moves = onSuccess == OnSuccess.MOVE
                    || rules.stream().anyMatch(r -> r != null && r.onSuccess() == OnSuccess.MOVE);
            String processedField = folder.processedFolder() == null ? "processed_folder" : field + "processed_folder";
            Path processed = folder.processedFolder() == null
                    ? top.processedFolder()
                    : pathOf(processedField, folder.processedFolder(), baseDir, problems);
            if (processed != null && folder.processedFolder() != null) {
                ConfigValidator.checkFolder(processedField, processed, problems);
                SystemFolders.problem(processed).ifPresent(p -> problems.putIfAbsent(processedField, p));
            }
            if (processed != null && (moves || folder.processedFolder() != null || model.processedFolder() != null)) {
                places.add(new Place(processedField, processed, "moved inputs would be re-ingested"));
            }
            ConfigValidator.checkPositive(problems, field + "stable_seconds", folder.stableSeconds(), 3600);
            ConfigValidator.checkRules(folder.rules(), field + "rules", knownProfiles, problems);
            if (path != null) {
                entries.add(new Entry(i, path, places));
            }
        }
        checkApart(entries, problems);
        if (model.outputFolder() != null) {
            for (Entry watched : entries) {
                ConfigValidator.checkApartFromWatchFolder(
                        "output_folder",
                        top.outputFolder(),
                        watched.field(),
                        watched.path(),
                        "outputs would be re-ingested",
                        problems);
            }
        }
    }

    private static void checkApart(List<Entry> entries, Map<String, String> problems) {
        for (int b = 0; b < entries.size(); b++) {
            Entry later = entries.get(b);
            for (int a = 0; a < b; a++) {
                Entry earlier = entries.get(a);
                Path p = later.path();
                Path q = earlier.path();
                Path realP = SystemFolders.canonical(p);
                Path realQ = SystemFolders.canonical(q);
                if (p.equals(q) || realP.equals(realQ)) {
                    problems.putIfAbsent(
                            later.field(), "is the same folder as " + earlier.field() + "; list each folder once");
                } else if (p.startsWith(q) || realP.startsWith(realQ)) {
                    problems.putIfAbsent(
                            later.field(),
                            "is inside " + earlier.field() + " (" + q + "): its files would belong to both folders");
                } else if (q.startsWith(p) || realQ.startsWith(realP)) {
                    problems.putIfAbsent(
                            later.field(),
                            "contains " + earlier.field() + " (" + q + "): its files would belong to both folders");
                }
            }
        }
        for (Entry owner : entries) {
            for (Place place : owner.places()) {
                for (Entry watched : entries) {
                    ConfigValidator.checkApartFromWatchFolder(
                            place.field(), place.folder(), watched.field(), watched.path(), place.inside(), problems);
                }
            }
        }
    }

    private static Path pathOf(String field, String value, Path baseDir, Map<String, String> problems) {
        String usable = ConfigValidator.usablePath(field, value, problems);
        return usable == null ? null : DaemonConfig.resolve(baseDir, usable);
    }
}
