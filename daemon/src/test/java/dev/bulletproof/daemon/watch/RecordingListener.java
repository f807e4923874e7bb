package dev.bulletproof.daemon.watch;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every stability report, in order, for assertions. */
final class RecordingListener implements StabilityListener {

    record Report(String kind, Path path, long size, String reason) {}

    final List<Report> reports = new CopyOnWriteArrayList<>();

    @Override
    public void settling(Path path, long size, Duration unchangedFor, String reason) {
        reports.add(new Report("settling", path, size, reason));
    }

    @Override
    public void stable(Path path, long size, FileTime mtime) {
        reports.add(new Report("stable", path, size, ""));
    }

    @Override
    public void vanished(Path path) {
        reports.add(new Report("vanished", path, -1, ""));
    }

    List<Report> of(String kind) {
        return reports.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    Report last() {
        return reports.getLast();
    }
}
