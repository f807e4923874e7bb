package dev.bulletproof.desktop.history;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.format.Formats;
import dev.bulletproof.model.HistoryBucketModel;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.TimelinePointModel;
import dev.bulletproof.model.ws.ServerMessage;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The history charts' data. The view model owns the ChartFX data sets: a reload refills them, a job that
 * finishes while the range is shown is added to them, and the charts only redraw.
 */
public final class HistoryViewModel {

    public static final String HOUR = "hour";
    public static final String DAY = "day";

    private final Supplier<BulletproofClient> client;
    private final BackgroundCalls calls;
    private final Clock clock;
    private final ZoneId zone;

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty bucket = new SimpleStringProperty(HOUR);
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty mediaUnit = new SimpleStringProperty(Formats.TimeUnit.SECONDS.label());
    private final StringProperty processingUnit = new SimpleStringProperty(Formats.TimeUnit.SECONDS.label());

    /** Where in its bucket each series' bar stands, as a fraction of the bucket. */
    static final double COMPLETED_OFFSET = 0.3;

    static final double FAILED_OFFSET = 0.7;
    /** A year by hour; longer ranges should be asked for by day. */
    private static final int MAX_BUCKETS = 366 * 24;

    private final DoubleDataSet completed = new DoubleDataSet("Completed");
    private final DoubleDataSet failed = new DoubleDataSet("Failed");
    private final DoubleDataSet mediaProcessed = new DoubleDataSet("Media processed");
    private final DoubleDataSet processingTimes = new DoubleDataSet("Jobs");

    /** Per bucket start (epoch seconds): completed, failed, media seconds. */
    private final TreeMap<Long, double[]> buckets = new TreeMap<>();

    private final List<Double> durations = new ArrayList<>();
    private final Set<String> counted = new HashSet<>();

    public HistoryViewModel(Supplier<BulletproofClient> client, BackgroundCalls calls, Clock clock, ZoneId zone) {
        this.client = client;
        this.calls = calls;
        this.clock = clock;
        this.zone = zone;
        LocalDate today = LocalDate.now(clock.withZone(zone));
        from.set(today.minusDays(1));
        to.set(today);
    }

    /** Reloads the charts for the chosen range and bucket. */
    public void refresh() {
        Instant start = rangeStart();
        Instant end = rangeEnd();
        String size = bucket.get();
        calls.run(
                () -> new Loaded(
                        client.get().history(start, end, size), client.get().timeline(start, end)),
                this::show,
                e -> message.set(BackgroundCalls.describe(e)));
    }

    private record Loaded(List<HistoryBucketModel> buckets, List<TimelinePointModel> points) {}

    private void show(Loaded loaded) {
        buckets.clear();
        durations.clear();
        counted.clear();
        for (HistoryBucketModel b : loaded.buckets()) {
            buckets.put(
                    b.start().getEpochSecond(), new double[] {b.completed(), b.failed(), b.mediaSecondsProcessed()});
        }
        for (TimelinePointModel point : loaded.points()) {
            counted.add(point.jobId());
            if ("completed".equals(point.status()) && point.processingSeconds() != null) {
                durations.add(point.processingSeconds());
            }
        }
        message.set("");
        publish();
    }

    /** Adds a job that just finished, once, when it falls in the shown range. */
    public void apply(ServerMessage message) {
        if (message instanceof ServerMessage.JobUpdate update) {
            jobFinished(update.job());
        }
    }

    void jobFinished(JobModel job) {
        boolean done = job.status() == JobStatus.COMPLETED || job.status() == JobStatus.FAILED;
        if (!done || job.completedAt() == null || !counted.add(job.id())) {
            return;
        }
        Instant at = job.completedAt();
        if (at.isBefore(rangeStart()) || !at.isBefore(rangeEnd())) {
            return;
        }
        long size = bucketSeconds();
        long start = Math.floorDiv(at.getEpochSecond(), size) * size;
        Long known = buckets.floorKey(at.getEpochSecond());
        if (known != null && at.getEpochSecond() < known + size) {
            start = known;
        }
        double[] counts = buckets.computeIfAbsent(start, key -> new double[3]);
        if (job.status() == JobStatus.COMPLETED) {
            counts[0]++;
            counts[2] += job.duration() == null ? 0 : job.duration();
            if (job.elapsedSeconds() != null) {
                durations.add(job.elapsedSeconds());
            }
        } else {
            counts[1]++;
        }
        publish();
    }

    /**
     * Every bucket of the range gets a point, empty ones at zero, so bars keep the bucket's width however
     * sparse the history is. Completed and failed bars of one bucket stand side by side, at 30 % and 70 %
     * of the bucket (the view draws each a third of a bucket wide); drawn at the same x, a small "failed"
     * bar would hide behind a tall "completed" one.
     */
    private void publish() {
        long size = bucketSeconds();
        List<Long> grid = bucketGrid(size);
        int n = grid.size();
        double[] completedAt = new double[n];
        double[] failedAt = new double[n];
        double[] middle = new double[n];
        double[] done = new double[n];
        double[] bad = new double[n];
        double[] media = new double[n];
        long total = 0;
        long totalFailed = 0;
        double mediaSeconds = 0;
        for (int i = 0; i < n; i++) {
            long start = grid.get(i);
            double[] counts = buckets.getOrDefault(start, new double[3]);
            completedAt[i] = start + size * COMPLETED_OFFSET;
            failedAt[i] = start + size * FAILED_OFFSET;
            middle[i] = start + size * 0.5;
            done[i] = counts[0];
            bad[i] = counts[1];
            media[i] = counts[2];
            total += (long) done[i];
            totalFailed += (long) bad[i];
            mediaSeconds += counts[2];
        }
        completed.set(completedAt, done);
        failed.set(failedAt, bad);
        publishMedia(middle, media);
        publishDistribution();
        summary.set(Formats.count(total) + " completed, " + Formats.count(totalFailed) + " failed, "
                + Formats.duration(mediaSeconds) + " of media processed in the range");
    }

    /** Media seconds per bucket, drawn in the unit that suits the largest bar (never "0.0225 hours"). */
    private void publishMedia(double[] at, double[] seconds) {
        Formats.TimeUnit unit = Formats.axisUnit(Arrays.stream(seconds).max().orElse(0));
        double[] inUnit = Arrays.stream(seconds).map(unit::of).toArray();
        mediaUnit.set(unit.label());
        mediaProcessed.set(at, inUnit);
    }

    /**
     * Processing times in about a dozen equal bins of whole seconds, minutes or hours (the unit that suits
     * the longest), from 0 to the longest.
     */
    private void publishDistribution() {
        if (durations.isEmpty()) {
            processingTimes.set(new double[0], new double[0]);
            return;
        }
        double longestSeconds =
                durations.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        Formats.TimeUnit unit = Formats.axisUnit(longestSeconds);
        processingUnit.set(unit.label());
        double longest = unit.of(longestSeconds);
        double width = Math.max(1, Math.ceil(longest / 12));
        int bins = (int) Math.floor(longest / width) + 1;
        double[] centers = new double[bins];
        double[] counts = new double[bins];
        for (int b = 0; b < bins; b++) {
            centers[b] = b * width + width / 2;
        }
        for (double seconds : durations) {
            counts[Math.min(bins - 1, (int) Math.floor(unit.of(seconds) / width))]++;
        }
        processingTimes.set(centers, counts);
    }

    /**
     * Bucket starts covering the shown range, on the grid of the buckets the daemon sent (its day buckets
     * may start at another hour than local midnight), or on the epoch grid when there are none yet.
     */
    private List<Long> bucketGrid(long size) {
        long rangeStart = rangeStart().getEpochSecond();
        long rangeEnd = rangeEnd().getEpochSecond();
        long anchor = buckets.isEmpty() ? 0 : buckets.firstKey();
        long first = anchor + Math.floorDiv(rangeStart - anchor, size) * size;
        List<Long> grid = new ArrayList<>();
        for (long start = first; start < rangeEnd && grid.size() < MAX_BUCKETS; start += size) {
            grid.add(start);
        }
        // Buckets outside the computed grid (a range changed under a reply) are still shown.
        for (long key : buckets.keySet()) {
            if (key < first || key >= rangeEnd || (key - first) % size != 0) {
                grid.add(key);
            }
        }
        grid.sort(null);
        return grid;
    }

    Instant rangeStart() {
        return from.get().atStartOfDay(zone).toInstant();
    }

    Instant rangeEnd() {
        return to.get().plusDays(1).atStartOfDay(zone).toInstant();
    }

    long bucketSeconds() {
        return DAY.equals(bucket.get())
                ? Duration.ofDays(1).toSeconds()
                : Duration.ofHours(1).toSeconds();
    }

    public DoubleDataSet completed() {
        return completed;
    }

    public DoubleDataSet failed() {
        return failed;
    }

    /** Media time processed per bucket, in the unit {@link #mediaUnitProperty()} names. */
    public DoubleDataSet mediaProcessed() {
        return mediaProcessed;
    }

    /** "seconds", "minutes" or "hours": the unit of {@link #mediaProcessed()}. */
    public StringProperty mediaUnitProperty() {
        return mediaUnit;
    }

    /** "seconds", "minutes" or "hours": the unit of the processing-time bins. */
    public StringProperty processingUnitProperty() {
        return processingUnit;
    }

    public DoubleDataSet processingTimes() {
        return processingTimes;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty bucketProperty() {
        return bucket;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty messageProperty() {
        return message;
    }

    Clock clock() {
        return clock;
    }

    /** The time zone the range and the bucket labels are in. */
    public ZoneId zone() {
        return zone;
    }
}
