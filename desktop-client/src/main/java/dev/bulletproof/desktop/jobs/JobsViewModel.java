package dev.bulletproof.desktop.jobs;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.client.JobQuery;
import dev.bulletproof.client.Page;
import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.format.Formats;
import dev.bulletproof.model.BulkActionOutcome;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.JobAction;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.MediaFacts;
import dev.bulletproof.model.ProfileModel;
import dev.bulletproof.model.WatchFolderModel;
import dev.bulletproof.model.ws.ServerMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The jobs table: a filtered list loaded a page at a time (the history may hold 100,000 jobs), kept current
 * by live updates, with the actions on one job and the details of the selected one.
 */
public final class JobsViewModel {

    public static final int PAGE_SIZE = 200;

    private final Supplier<BulletproofClient> client;
    private final BackgroundCalls calls;

    private final ObservableList<JobModel> jobs = FXCollections.observableArrayList();
    private final LongProperty total = new SimpleLongProperty(0);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final ObjectProperty<JobStatus> statusFilter = new SimpleObjectProperty<>();
    private final StringProperty profileFilter = new SimpleStringProperty("");
    private final StringProperty search = new SimpleStringProperty("");
    /** A watch folder's path as the config names it; empty means every folder. */
    private final StringProperty folderFilter = new SimpleStringProperty("");

    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    /** The configured watch folders the list can be narrowed to (the single folder included). */
    private final ObservableList<String> folders = FXCollections.observableArrayList();

    private final ObjectProperty<JobModel> selected = new SimpleObjectProperty<>();
    /** Every selected row, for the actions on several jobs at once; {@link #selected} is the one in detail. */
    private final ObservableList<JobModel> chosen = FXCollections.observableArrayList();

    private final ObjectProperty<JobsSort> sort = new SimpleObjectProperty<>(JobsSort.NEWEST_FIRST);
    private final JobLogViewModel log;
    private final StringProperty message = new SimpleStringProperty("");
    private final Set<String> loadedIds = new HashSet<>();
    /** Poster frames by job id, as JPEG bytes; the view turns them into images. */
    private final ObservableMap<String, byte[]> thumbnails = FXCollections.observableHashMap();
    /** Asked for once per job, so a row that updates every second does not refetch its image. */
    private final Set<String> thumbnailsAsked = new HashSet<>();

    private long generation;
    /** True while rows are being replaced, added or removed here (see {@link #changingRows()}). */
    private boolean changingRows;

    public JobsViewModel(Supplier<BulletproofClient> client, BackgroundCalls calls) {
        this.client = client;
        this.calls = calls;
        this.log = new JobLogViewModel(client, calls);
        jobs.addListener((ListChangeListener<JobModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::loadThumbnail);
            }
        });
        selected.addListener((observable, before, now) -> {
            if (now == null || before == null || !now.id().equals(before.id())) {
                loadLog();
            }
            // A job picked on its own (not added to a selection) is the whole selection.
            if (now != null && chosen.stream().noneMatch(job -> job.id().equals(now.id()))) {
                chosen.setAll(List.of(now));
            }
        });
        // A new order is a new list: the daemon sorts every page, the rows loaded so far are not re-sorted here.
        sort.addListener((observable, before, now) -> refresh());
    }

    /** Reloads the first page with the current filters, and the profile names for the filter. */
    public void refresh() {
        long current = ++generation;
        JobQuery query = query().withLimit(PAGE_SIZE);
        loading.set(true);
        calls.run(
                () -> client.get().listJobs(query),
                page -> {
                    if (current == generation) {
                        loadedIds.clear();
                        append(page, true);
                        reselect();
                        rechoose();
                    }
                },
                this::failed);
        calls.run(
                () -> client.get().profiles().stream().map(ProfileModel::name).toList(),
                profiles::setAll,
                this::failed);
        calls.run(
                () -> folderChoices(client.get().config()),
                folders::setAll,
                // Without the config the list is simply not narrowed by folder; the jobs still load.
                error -> folders.clear());
    }

    /** The folders a job list can be narrowed to: the configured ones, the single folder included. */
    static List<String> folderChoices(ConfigModel config) {
        if (config == null) {
            return List.of();
        }
        if (config.watchFolders() != null) {
            return config.watchFolders().stream()
                    .map(WatchFolderModel::path)
                    .filter(path -> !isBlank(path))
                    .toList();
        }
        return isBlank(config.monitorFolder()) ? List.of() : List.of(config.monitorFolder());
    }

    /**
     * Loads the next page in the current order; nothing when all are shown. Newest first pages by id (older
     * than the last job shown), which stays exact while new jobs arrive; any other order pages by offset.
     */
    public void loadMore() {
        if (loading.get() || jobs.size() >= total.get() || jobs.isEmpty()) {
            return;
        }
        long current = generation;
        JobQuery query = sort.get().newestFirst()
                ? query().withLimit(PAGE_SIZE).withBefore(jobs.getLast().id())
                : query().withLimit(PAGE_SIZE).withOffset(jobs.size());
        loading.set(true);
        calls.run(
                () -> client.get().listJobs(query),
                page -> {
                    if (current == generation) {
                        append(page, false);
                    }
                },
                this::failed);
    }

    public boolean hasMore() {
        return jobs.size() < total.get();
    }

    /** Adds a page in one change (one redraw of the table), or replaces the rows with it. */
    private void append(Page<JobModel> page, boolean replace) {
        List<JobModel> fresh = new ArrayList<>();
        for (JobModel job : page.items()) {
            if (loadedIds.add(job.id())) {
                fresh.add(job);
            }
        }
        total.set(page.total());
        changeRows(() -> {
            if (replace) {
                jobs.setAll(fresh);
            } else {
                jobs.addAll(fresh);
            }
        });
        loading.set(false);
    }

    JobQuery query() {
        JobQuery query = JobQuery.all().withSort(sort.get().parameter());
        if (statusFilter.get() != null) {
            query = query.withStatuses(Set.of(statusFilter.get()));
        }
        if (!isBlank(profileFilter.get())) {
            query = query.withProfile(profileFilter.get().strip());
        }
        if (!isBlank(search.get())) {
            query = query.withText(search.get().strip());
        }
        if (!isBlank(folderFilter.get())) {
            query = query.withFolder(folderFilter.get().strip());
        }
        return query;
    }

    /** Applies one live update: changed jobs are replaced in place, new ones that match appear on top. */
    public void apply(ServerMessage message) {
        if (message instanceof ServerMessage.JobUpdate update) {
            jobChanged(update.job());
        }
    }

    void jobChanged(JobModel job) {
        int index = indexOf(job.id());
        if (index >= 0) {
            if (matches(job)) {
                changeRows(() -> jobs.set(index, job));
                replaceChosen(job);
            } else {
                removeRow(index);
            }
        } else if (matches(job)) {
            // Newest first, a new job belongs on top. In another order only the daemon knows its place: it
            // is counted, and shows up where it belongs on the next load or page.
            if (sort.get().newestFirst()) {
                changeRows(() -> jobs.addFirst(job));
                loadedIds.add(job.id());
            }
            total.set(total.get() + 1);
        }
        if (selected.get() != null && selected.get().id().equals(job.id())) {
            selected.set(job);
            if (job.status() != null && job.status().isFinished()) {
                loadLog();
            }
        }
    }

    /** The same filter the daemon applies, for jobs that arrive live. */
    boolean matches(JobModel job) {
        if (statusFilter.get() != null && job.status() != statusFilter.get()) {
            return false;
        }
        if (!isBlank(profileFilter.get()) && !profileFilter.get().strip().equals(job.profile())) {
            return false;
        }
        if (!isBlank(folderFilter.get()) && !folderKey(folderFilter.get()).equals(folderKey(job.watchFolder()))) {
            return false;
        }
        String text = search.get();
        return isBlank(text)
                || (job.filename() != null
                        && job.filename()
                                .toLowerCase(Locale.ROOT)
                                .contains(text.strip().toLowerCase(Locale.ROOT)));
    }

    public void pauseSelected() {
        act(BulletproofClient::pause);
    }

    public void resumeSelected() {
        act(BulletproofClient::resume);
    }

    /** Space on a job: pause what runs, resume what is paused. */
    public void togglePauseSelected() {
        JobModel job = selected.get();
        if (job != null && job.status() == JobStatus.PAUSED) {
            resumeSelected();
        } else if (job != null && job.status() == JobStatus.PROCESSING) {
            pauseSelected();
        }
    }

    public void cancelSelected() {
        act(BulletproofClient::cancel);
    }

    public void retrySelected() {
        act(BulletproofClient::retry);
    }

    /** Forgets the selected job (finished jobs only; the daemon refuses the others). */
    public void deleteSelected() {
        JobModel job = selected.get();
        if (job == null) {
            return;
        }
        calls.run(
                () -> {
                    client.get().deleteJob(job.id());
                    return job;
                },
                deleted -> {
                    int index = indexOf(deleted.id());
                    if (index >= 0) {
                        removeRow(index);
                    }
                    selected.set(null);
                    message.set("Removed " + deleted.filename() + " from the history");
                },
                this::failed);
    }

    private void act(ActionCall action) {
        JobModel job = selected.get();
        if (job == null) {
            return;
        }
        JobModel sent = rowOf(job.id());
        calls.run(
                () -> action.apply(client.get(), job.id()),
                updated -> {
                    answered(sent, updated);
                    message.set("");
                },
                this::failed);
    }

    /**
     * Applies the daemon's answer to an action unless a live update of the job arrived after the action was
     * sent: the answer may be older than that update (a retried job cancelled at once answers "queued"
     * after the update that says "cancelled"), and the live updates carry the action's change anyway.
     */
    private void answered(JobModel sent, JobModel answer) {
        if (rowOf(answer.id()) == sent) {
            jobChanged(answer);
        }
    }

    private JobModel rowOf(String id) {
        int index = indexOf(id);
        return index < 0 ? null : jobs.get(index);
    }

    /** Sets the rows an action on several jobs applies to, as the table's selection changes. */
    public void choose(List<JobModel> rows) {
        chosen.setAll(rows);
    }

    /**
     * Sends {@code action} for every chosen job that allows it, in one call ({@code POST /api/jobs/actions}).
     * Each job is changed on its own; the ones the daemon refused (their state changed meanwhile) are
     * counted in the message with its reasons.
     */
    public void bulk(JobAction action) {
        List<JobModel> targets = JobSelection.applicable(chosen, action);
        if (targets.isEmpty()) {
            return;
        }
        List<String> ids = targets.stream().map(JobModel::id).toList();
        java.util.Map<String, JobModel> sent = new java.util.HashMap<>();
        ids.forEach(id -> sent.put(id, rowOf(id)));
        calls.run(
                () -> client.get().bulkAction(action, ids),
                result -> {
                    List<String> refused = new ArrayList<>();
                    for (BulkActionOutcome outcome : result.outcomes()) {
                        if (outcome.result() != BulkActionOutcome.Result.DONE) {
                            refused.add(outcome.reason());
                        } else if (outcome.job() != null) {
                            answered(sent.get(outcome.id()), outcome.job());
                        } else if (indexOf(outcome.id()) >= 0) {
                            removeRow(indexOf(outcome.id()));
                        }
                    }
                    if (selected.get() != null && indexOf(selected.get().id()) < 0) {
                        selected.set(null);
                    }
                    message.set(
                            refused.isEmpty()
                                    ? ""
                                    : refused.size() + " of " + ids.size() + " could not be changed: "
                                            + String.join("; ", refused));
                },
                this::failed);
    }

    private void removeRow(int index) {
        JobModel removed = jobs.get(index);
        changeRows(() -> jobs.remove(index));
        loadedIds.remove(removed.id());
        chosen.removeIf(job -> job.id().equals(removed.id()));
        total.set(Math.max(0, total.get() - 1));
    }

    /**
     * Whether the rows are being changed by a load or a live update right now. A table drops the selection
     * of a row whose item is replaced; that is not the user unselecting it, so the view ignores selection
     * changes while this is true and selects the chosen rows again afterwards.
     */
    public boolean changingRows() {
        return changingRows;
    }

    private void changeRows(Runnable change) {
        boolean outer = !changingRows;
        changingRows = true;
        try {
            change.run();
        } finally {
            if (outer) {
                changingRows = false;
            }
        }
    }

    private void replaceChosen(JobModel job) {
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i).id().equals(job.id())) {
                chosen.set(i, job);
            }
        }
    }

    @FunctionalInterface
    private interface ActionCall {
        JobModel apply(BulletproofClient client, String id);
    }

    private void loadThumbnail(JobModel job) {
        if (!job.thumbnail() || !thumbnailsAsked.add(job.id())) {
            return;
        }
        calls.run(
                () -> client.get().thumbnail(job.id()),
                image -> image.ifPresent(bytes -> thumbnails.put(job.id(), bytes)),
                e -> thumbnailsAsked.remove(job.id())); // a later update asks again
    }

    /** The poster frames loaded so far, JPEG bytes by job id. */
    public ObservableMap<String, byte[]> thumbnails() {
        return thumbnails;
    }

    private void loadLog() {
        log.load(selected.get());
    }

    private void reselect() {
        JobModel current = selected.get();
        if (current != null) {
            int index = indexOf(current.id());
            selected.set(index >= 0 ? jobs.get(index) : null);
        }
    }

    /** After a reload, the chosen rows that are still listed, in their new versions. */
    private void rechoose() {
        List<JobModel> still = new ArrayList<>();
        for (JobModel job : chosen) {
            int index = indexOf(job.id());
            if (index >= 0) {
                still.add(jobs.get(index));
            }
        }
        chosen.setAll(still);
    }

    private int indexOf(String id) {
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void failed(Exception e) {
        loading.set(false);
        message.set(BackgroundCalls.describe(e));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** The text of a status badge. */
    public static String badge(JobStatus status) {
        return status == null ? "" : status.wireName().toUpperCase(Locale.ROOT);
    }

    /**
     * Rows for the detail pane: label and value, in reading order. The output is named only once it exists,
     * the error only once (not again as the status), and "verified" says what it means in the job's state.
     */
    public static List<String[]> details(JobModel job) {
        Function<Object, String> text = value -> value == null ? "–" : value.toString();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Input", text.apply(job.inputPath())});
        rows.add(output(job));
        rows.add(new String[] {"Profile", text.apply(job.profile())});
        rows.add(new String[] {"Status", statusLine(job)});
        rows.add(new String[] {"Node", job.node() == null ? "none yet: no node has started it" : job.node()});
        rows.add(new String[] {
            "Media",
            Formats.duration(job.duration())
                    + (job.resolution() == null ? "" : ", " + job.resolution())
                    + (job.bitrate() == null ? "" : ", " + Formats.bitrate(job.bitrate()))
        });
        rows.add(new String[] {"Video", video(job.media())});
        rows.add(new String[] {"Audio", audio(job.media())});
        rows.add(new String[] {"Input size", Formats.size(job.inputSize())});
        rows.add(new String[] {"Output size", Formats.size(job.outputSize()) + compression(job.compressionRatio())});
        rows.add(new String[] {"Attempts", Integer.toString(job.attempts())});
        rows.add(new String[] {"Verified", verified(job)});
        rows.add(new String[] {"Run time", Formats.duration(job.elapsedSeconds())});
        rows.add(new String[] {"Created", time(job.createdAt())});
        rows.add(new String[] {"Started", time(job.startedAt())});
        rows.add(new String[] {"Finished", time(job.completedAt())});
        if (!isBlank(job.error())) {
            rows.add(new String[] {"Error", job.error()});
        }
        return List.copyOf(rows);
    }

    /**
     * "Processing – attempt 1": the state in words, then the daemon's reason without the state's name
     * repeated, and nothing more when the reason only restates the state or the error shown below.
     */
    public static String statusLine(JobModel job) {
        if (job.status() == null) {
            return "";
        }
        String name = job.status().wireName();
        String state = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String reason = job.statusReason() == null ? "" : job.statusReason().strip();
        // "processing, attempt 1" → "attempt 1"; "queued again: …" keeps its words.
        reason = reason.replaceFirst("(?i)^" + name + "\\s*(?:[,:;–-]\\s*|$)", "");
        if (reason.isEmpty()
                || (job.error() != null && reason.equals(job.error().strip()))) {
            return state;
        }
        return state + " – " + reason;
    }

    private static String[] output(JobModel job) {
        String path = job.outputPath() == null ? "–" : job.outputPath();
        return switch (job.status()) {
            case COMPLETED -> new String[] {"Output", path};
            case FAILED, CANCELLED -> new String[] {"Output", "none: no output was written"};
            case null -> new String[] {"Output", path};
            default -> new String[] {"Output (when done)", path};
        };
    }

    private static String verified(JobModel job) {
        if (job.verified() != null) {
            return job.verified() ? "yes, output checked" : "no: output failed verification";
        }
        return switch (job.status()) {
            case COMPLETED -> "not checked";
            case FAILED, CANCELLED -> "no output to check";
            case null -> "–";
            default -> "after the output is written";
        };
    }

    /** "h264, 25 fps (mov,mp4,…)"; unknown until the probe ran. */
    static String video(MediaFacts media) {
        if (media == null) {
            return "–";
        }
        String container = media.container() == null ? "" : " (" + media.container() + ")";
        if (media.videoCodec() == null) {
            return "none, audio only" + container;
        }
        return media.videoCodec() + ", " + Formats.fps(media.frameRate()) + container;
    }

    /** "aac stereo 48 kHz; ac3 6 ch 48 kHz"; unknown until the probe ran. */
    static String audio(MediaFacts media) {
        if (media == null) {
            return "–";
        }
        if (media.audioTracks().isEmpty()) {
            return "none";
        }
        return String.join(
                "; ", media.audioTracks().stream().map(JobsViewModel::track).toList());
    }

    private static String track(MediaFacts.AudioTrack track) {
        String channels =
                switch (track.channels()) {
                    case 1 -> "mono";
                    case 2 -> "stereo";
                    default -> track.channels() + " ch";
                };
        String rate = track.sampleRate() > 0
                ? " "
                        + new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                                .format(track.sampleRate() / 1000.0)
                        + " kHz"
                : "";
        return (track.codec() == null ? "–" : track.codec()) + " " + channels + rate;
    }

    /** ", 4.00x smaller" after the size, as the web dashboard words it; nothing until completed. */
    static String compression(Double ratio) {
        if (ratio == null || !(ratio > 0)) {
            return "";
        }
        return ratio >= 1 ? ", " + Formats.speed(ratio) + " smaller" : ", " + Formats.speed(1 / ratio) + " larger";
    }

    private static String time(Instant at) {
        return Formats.dateTime(at, ZoneId.systemDefault());
    }

    public ObservableList<JobModel> jobs() {
        return jobs;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public ObjectProperty<JobStatus> statusFilterProperty() {
        return statusFilter;
    }

    public StringProperty profileFilterProperty() {
        return profileFilter;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    public StringProperty folderFilterProperty() {
        return folderFilter;
    }

    public ObservableList<String> folders() {
        return folders;
    }

    /** A folder as the daemon compares it: "/media/drop/" is the folder "/media/drop". */
    static String folderKey(String path) {
        if (path == null) {
            return "";
        }
        String key = path.strip();
        while (key.length() > 1 && (key.endsWith("/") || key.endsWith("\\"))) {
            key = key.substring(0, key.length() - 1);
        }
        return key;
    }

    public ObjectProperty<JobModel> selectedProperty() {
        return selected;
    }

    /** Every selected row (one or more); the actions apply to all of them that allow it. */
    public ObservableList<JobModel> chosen() {
        return chosen;
    }

    public ObjectProperty<JobsSort> sortProperty() {
        return sort;
    }

    /** The whole ffmpeg log of the selected job. */
    public JobLogViewModel log() {
        return log;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Whether the daemon accepts {@code action} for {@code job} in its current state (its allowed_actions). */
    public static boolean allows(JobModel job, JobAction action) {
        return job != null && job.allowedActions().contains(action);
    }
}
