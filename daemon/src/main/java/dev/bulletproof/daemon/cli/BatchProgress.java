package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.ProgressListener;
import dev.bulletproof.daemon.media.TranscodeProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A batch on a terminal: a bar for the file being encoded and, under it, the whole batch (files done,
 * time so far, estimated time left). Without a terminal nothing is redrawn; the command prints one line
 * per file instead.
 *
 * <p>The estimate weighs files by their size: a batch of one long film and nine short stings is not 10 %
 * done after the first sting. Sizes are known without probing every file first.
 */
final class BatchProgress implements ProgressListener {

    private static final int BAR_WIDTH = 24;

    private final LiveArea area;
    private final LongSupplier nanoTime;
    private final long[] sizes;
    private final long totalBytes;
    private final long startNanos;
    private int current;
    private long doneBytes;
    private String currentName = "";

    BatchProgress(PrintWriter out, boolean terminal, List<Path> inputs, LongSupplier nanoTime) {
        this.area = terminal ? new LiveArea(out) : null;
        this.nanoTime = nanoTime;
        this.sizes = inputs.stream().mapToLong(BatchProgress::sizeOf).toArray();
        this.totalBytes = java.util.Arrays.stream(sizes).sum();
        this.startNanos = nanoTime.getAsLong();
    }

    private static long sizeOf(Path file) {
        try {
            // An empty file still counts for something, or a batch of them would never move.
            return Math.max(1, Files.size(file));
        } catch (IOException e) {
            return 1;
        }
    }

    /** The encode of input number {@code index} (from 0) begins. */
    synchronized void starting(int index, String name) {
        current = index;
        currentName = name;
        redraw(null);
    }

    /** The current file is over, whatever its outcome; wipes the bars so its result line can be printed. */
    synchronized void finished() {
        doneBytes += sizes[current];
        current++;
        if (area != null) {
            area.clear();
        }
    }

    /** Wipes the bars for good. */
    synchronized void close() {
        if (area != null) {
            area.clear();
        }
    }

    @Override
    public synchronized void onProgress(TranscodeProgress progress) {
        redraw(progress);
    }

    private void redraw(TranscodeProgress progress) {
        if (area == null || current >= sizes.length) {
            // A late report from an encode that is already over.
            return;
        }
        double fileFraction = progress == null ? 0 : progress.fraction();
        String fileLine = "[" + (current + 1) + "/" + sizes.length + "] " + currentName + "  "
                + Figures.bar(fileFraction, BAR_WIDTH) + " " + Figures.percent(fileFraction)
                + (progress == null ? "" : ProgressDisplay.details(progress));
        area.draw(List.of(fileLine, overallLine(fileFraction)));
    }

    String overallLine(double fileFraction) {
        double elapsed = (nanoTime.getAsLong() - startNanos) / 1e9;
        double fraction = totalBytes == 0 ? 0 : (doneBytes + fileFraction * sizes[current]) / totalBytes;
        StringBuilder line = new StringBuilder("batch  ")
                .append(current)
                .append(" of ")
                .append(sizes.length)
                .append(" files done  ")
                .append(Figures.percent(fraction).strip())
                .append("  ")
                .append(Figures.duration(elapsed))
                .append(" so far");
        // Too early an estimate is noise: wait for a few percent or a finished file.
        if (fraction >= 0.03 && elapsed > 0.5) {
            line.append("  eta ").append(Figures.duration(elapsed * (1 - fraction) / fraction));
        }
        return line.toString();
    }
}
