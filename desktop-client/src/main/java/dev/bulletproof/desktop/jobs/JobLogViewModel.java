package dev.bulletproof.desktop.jobs;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.model.JobLogModel;
import dev.bulletproof.model.JobModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The whole ffmpeg log of the job in the detail pane, from the same endpoint the web dashboard reads
 * ({@code GET /api/jobs/{id}/log?full=true}): searchable (matching lines marked, or only those shown) and
 * saved to a file of the user's choice.
 */
public final class JobLogViewModel {

    private final Supplier<BulletproofClient> client;
    private final BackgroundCalls calls;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final FilteredList<String> shown = new FilteredList<>(lines);
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty onlyMatching = new SimpleBooleanProperty(false);
    private final IntegerProperty matches = new SimpleIntegerProperty(0);
    private final BooleanProperty truncated = new SimpleBooleanProperty(false);
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private String jobId;
    private long generation;

    public JobLogViewModel(Supplier<BulletproofClient> client, BackgroundCalls calls) {
        this.client = client;
        this.calls = calls;
        search.addListener((o, before, now) -> filter());
        onlyMatching.addListener((o, before, now) -> filter());
        lines.addListener((javafx.collections.ListChangeListener<String>) change -> filter());
    }

    /** Loads the whole log of {@code job}; nothing for no job. A newer load wins over an older one. */
    public void load(JobModel job) {
        long current = ++generation;
        message.set("");
        if (job == null) {
            jobId = null;
            lines.clear();
            truncated.set(false);
            note.set("");
            return;
        }
        boolean sameJob = job.id().equals(jobId);
        jobId = job.id();
        if (!sameJob) {
            lines.clear();
            note.set("Loading the log…");
        }
        calls.run(
                () -> client.get().fullLog(job.id()),
                log -> {
                    if (current == generation) {
                        lines.setAll(log.lines());
                        truncated.set(log.truncated());
                        note.set(noteFor(log));
                    }
                },
                e -> {
                    if (current == generation) {
                        lines.clear();
                        note.set("No log: " + BackgroundCalls.describe(e));
                    }
                });
    }

    private static String noteFor(JobLogModel log) {
        if (log.lines().isEmpty()) {
            return "No log yet: the job has not run.";
        }
        return log.truncated() ? "The log is longer than 4 MiB; this is its end." : "";
    }

    /**
     * Saves the whole log as it is now (fetched again, so a running job's latest lines are in it) to {@code
     * target}, through a temporary file beside it, so a failed save never leaves half a log under the name.
     */
    public void save(Path target) {
        String id = jobId;
        if (id == null) {
            return;
        }
        calls.run(
                () -> {
                    List<String> text = client.get().fullLog(id).lines();
                    write(target, text);
                    return text.size();
                },
                count -> message.set("Saved " + (count == 1 ? "1 line" : count + " lines") + " to " + target),
                e -> message.set("Could not save the log: " + BackgroundCalls.describe(e)));
    }

    private static void write(Path target, List<String> text) {
        Path folder = target.toAbsolutePath().getParent();
        try {
            Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".part");
            try {
                Files.write(temporary, text, StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The name the daemon gives a downloaded log, for the save dialog. */
    public String suggestedFileName() {
        return "bulletproof-job-" + (jobId == null ? "log" : jobId) + ".log";
    }

    /** Whether {@code line} holds the search text, ignoring case; false while nothing is searched. */
    public boolean matches(String line) {
        String wanted = search.get() == null ? "" : search.get().strip();
        return !wanted.isEmpty() && line.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
    }

    /** The index in {@link #shown()} of the first matching line after {@code from}, wrapping; -1 for none. */
    public int nextMatch(int from) {
        int size = shown.size();
        for (int step = 1; step <= size; step++) {
            int index = Math.floorMod(from + step, size);
            if (matches(shown.get(index))) {
                return index;
            }
        }
        return -1;
    }

    private void filter() {
        String wanted = search.get() == null ? "" : search.get().strip();
        shown.setPredicate(onlyMatching.get() && !wanted.isEmpty() ? this::matches : null);
        matches.set(
                wanted.isEmpty()
                        ? 0
                        : (int) lines.stream().filter(this::matches).count());
    }

    /** Every line of the log, oldest first. */
    public ObservableList<String> lines() {
        return lines;
    }

    /** The lines the view lists: all of them, or only the matching ones. */
    public ObservableList<String> shown() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty onlyMatchingProperty() {
        return onlyMatching;
    }

    public IntegerProperty matchesProperty() {
        return matches;
    }

    public BooleanProperty truncatedProperty() {
        return truncated;
    }

    /** Why the list is empty or cut, in words; empty when there is nothing to say. */
    public StringProperty noteProperty() {
        return note;
    }

    /** What the last save did. */
    public StringProperty messageProperty() {
        return message;
    }
}
