package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.media.MediaProber;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.daemon.testing.TestMedia;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several watch folders on the real daemon, with real ffmpeg and a real SQLite file: each folder's files
 * get that folder's rules and land in that folder's output, and the folders follow live config changes.
 */
class WatchFoldersTest {

    private static final Duration ENCODES = Duration.ofSeconds(120);

    @TempDir
    Path root;

    private static final String TWO_FOLDERS = """
            max_workers: 2
            scan_interval_seconds: 1
            stall_timeout_seconds: 30
            # Files in folders without rules of their own get these.
            rules:
              - { pattern: '*', profile: live-qlab }
            watch_folders:
              - path: ./drop/qlab
                output_folder: ./cues
                stable_seconds: 0.5
                rules:
                  - { pattern: '*.mov', profile: live-qlab }
              - path: ./drop/web
                output_folder: ./web
                stable_seconds: 0.5
                on_success: move
                processed_folder: ./web-done
                rules:
                  - { pattern: '*', profile: live-h264 }
            """;

    @Test
    void eachFolderUsesItsOwnRulesAndOutput() throws Exception {
        try (MonitorFixture fixture = new MonitorFixture(root, "")) {
            Files.writeString(fixture.configFile, TWO_FOLDERS);
            fixture.start();
            Path qlab = root.resolve("drop/qlab");
            Path web = root.resolve("drop/web");
            assertThat(fixture.daemon().folders().watched()).containsExactly(qlab, web);

            // The same name in both folders: only the folder decides what happens to it.
            Path cue = dropInto(fixture, qlab, "clip.mov");
            Path stream = dropInto(fixture, web, "clip.mov");
            fixture.awaitAllFinished(2, ENCODES);

            Job cueJob = fixture.jobFor(cue);
            Job streamJob = fixture.jobFor(stream);
            assertThat(cueJob.status()).as(cueJob.toString()).isEqualTo(JobStatus.COMPLETED);
            assertThat(streamJob.status()).as(streamJob.toString()).isEqualTo(JobStatus.COMPLETED);
            assertThat(cueJob.profile()).isEqualTo("live-qlab");
            assertThat(streamJob.profile()).isEqualTo("live-h264");
            assertThat(cueJob.watchFolder()).isEqualTo(qlab.toString());
            assertThat(streamJob.watchFolder()).isEqualTo(web.toString());
            assertThat(Path.of(cueJob.outputPath()).getParent()).isEqualTo(root.resolve("cues"));
            assertThat(Path.of(streamJob.outputPath()).getParent()).isEqualTo(root.resolve("web"));
            MediaProber prober = new MediaProber(TestMedia.tools());
            assertThat(prober.probe(Path.of(cueJob.outputPath())).video().codec())
                    .isEqualTo("prores");
            assertThat(prober.probe(Path.of(streamJob.outputPath())).video().codec())
                    .isEqualTo("h264");

            // on_success: move of the web folder puts its input into its own processed folder; qlab keeps.
            assertThat(cue).exists();
            fixture.await("the web input moved", ENCODES, () -> !Files.exists(stream));
            assertThat(root.resolve("web-done/clip.mov")).exists();

            // The job list filters by folder.
            List<Job> webJobs = fixture.daemon().jobs().list(JobFilter.all().inFolder(web.toString()));
            assertThat(webJobs).extracting(Job::id).containsExactly(streamJob.id());
        }
    }

    @Test
    void theOriginalToolsSingleFolderConfigStillLoadsAndRuns() throws Exception {
        try (MonitorFixture fixture = new MonitorFixture(root, "")) {
            Files.writeString(fixture.configFile, """
                    watch_directory: ./in
                    output_directory: ./out
                    poll_interval: 1
                    delete_input: false
                    stable_seconds: 0.5
                    rules:
                      - pattern: "*.mov"
                        profile: live-h264
                    """);
            fixture.start();
            assertThat(fixture.daemon().config().listsFolders()).isFalse();
            assertThat(fixture.daemon().folders().watched()).containsExactly(fixture.in);

            Path input = fixture.drop("old.mov", 1);
            fixture.awaitStatus(input, JobStatus.COMPLETED, ENCODES);

            Job job = fixture.jobFor(input);
            assertThat(job.profile()).isEqualTo("live-h264");
            assertThat(job.watchFolder()).isEqualTo(fixture.in.toString());
            assertThat(Path.of(job.outputPath()).getParent()).isEqualTo(fixture.out);
            assertThat(input).as("delete_input: false keeps the input").exists();
        }
    }

    @Test
    void liveChangesAddDisableAndRemoveFoldersWithoutARestart() throws Exception {
        try (MonitorFixture fixture = new MonitorFixture(root, "")) {
            Files.writeString(fixture.configFile, TWO_FOLDERS);
            fixture.start();
            Path qlab = root.resolve("drop/qlab");
            Path web = root.resolve("drop/web");
            Path extra = Files.createDirectories(root.resolve("drop/extra"));
            Files.createDirectories(root.resolve("extra-out"));

            // qlab disabled, web removed, a third folder added: all in one save.
            ObjectNode change = (ObjectNode)
                    Json.mapper().readTree("""
                    {"watch_folders": [
                      {"path": "%s", "output_folder": "%s", "enabled": false,
                       "rules": [{"pattern": "*.mov", "profile": "live-qlab"}]},
                      {"path": "%s", "output_folder": "%s", "stable_seconds": 0.5}
                    ]}
                    """.formatted(qlab, root.resolve("cues"), extra, root.resolve("extra-out")));
            fixture.daemon().liveConfig().update(change);
            assertThat(fixture.daemon().folders().watched()).containsExactly(extra);
            assertThat(Files.readString(fixture.configFile))
                    .as("the user's comment survives the save")
                    .contains("# Files in folders without rules of their own get these.")
                    .contains("enabled: false");

            Path added = dropInto(fixture, extra, "new.mov");
            Path ignored = dropInto(fixture, qlab, "ignored.mov");
            Path gone = dropInto(fixture, web, "gone.mov");
            fixture.awaitStatus(added, JobStatus.COMPLETED, ENCODES);

            Job job = fixture.jobFor(added);
            assertThat(job.watchFolder()).isEqualTo(extra.toString());
            assertThat(job.profile()).as("no rules of its own: the shared ones").isEqualTo("live-qlab");
            assertThat(Path.of(job.outputPath()).getParent()).isEqualTo(root.resolve("extra-out"));
            // Both unwatched folders have had several rescans (1 s) and a stable time (0.5 s) since.
            long scans = fixture.daemon().folders().scansCompleted();
            fixture.await(
                    "two more scans",
                    Duration.ofSeconds(10),
                    () -> fixture.daemon().folders().scansCompleted() >= scans + 2);
            fixture.daemon().folders().drain();
            assertThat(fixture.jobs()).extracting(Job::inputPath).doesNotContain(ignored.toString(), gone.toString());

            // Enabled again: the file that waited there is picked up.
            ObjectNode enable = (ObjectNode)
                    Json.mapper().readTree("""
                    {"watch_folders": [
                      {"path": "%s", "output_folder": "%s",
                       "rules": [{"pattern": "*.mov", "profile": "live-qlab"}]},
                      {"path": "%s", "output_folder": "%s", "stable_seconds": 0.5}
                    ]}
                    """.formatted(qlab, root.resolve("cues"), extra, root.resolve("extra-out")));
            fixture.daemon().liveConfig().update(enable);
            fixture.awaitStatus(ignored, JobStatus.COMPLETED, ENCODES);
            assertThat(fixture.jobFor(ignored).watchFolder()).isEqualTo(qlab.toString());
        }
    }

    @Test
    void aFolderThatGoesMissingIsReportedAloneWhileTheOthersRun() throws Exception {
        try (MonitorFixture fixture = new MonitorFixture(root, "")) {
            Files.writeString(fixture.configFile, TWO_FOLDERS);
            fixture.start();
            Path qlab = root.resolve("drop/qlab");
            Path web = root.resolve("drop/web");
            Files.delete(web); // an unmounted share

            assertThat(fixture.daemon().folders().status())
                    .containsExactly(
                            new WatchFolders.FolderStatus(qlab, true, true),
                            new WatchFolders.FolderStatus(web, true, false));
            Path cue = dropInto(fixture, qlab, "still.mov");
            fixture.awaitStatus(cue, JobStatus.COMPLETED, ENCODES);

            Files.createDirectories(web); // mounted again: watched again without a restart
            Path back = dropInto(fixture, web, "back.mov");
            fixture.awaitStatus(back, JobStatus.COMPLETED, ENCODES);
            assertThat(fixture.daemon().folders().status()).allMatch(WatchFolders.FolderStatus::available);
        }
    }

    private static Path dropInto(MonitorFixture fixture, Path folder, String name) throws Exception {
        Path clip = TestClips.videoWithAudio(fixture.staging, name, 1);
        return Files.move(clip, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
