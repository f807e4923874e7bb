package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.daemon.config.ConfigValidationException;
import dev.bulletproof.daemon.events.Alert;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEventType;
import dev.bulletproof.daemon.jobs.JobHistoryEntry;
import dev.bulletproof.daemon.media.MediaInfo;
import dev.bulletproof.daemon.media.MediaProber;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.daemon.testing.TestMedia;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.JobStatus;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline with real files, real ffmpeg and a real SQLite database. */
class MonitorTest {

    private static final Duration ENCODES = Duration.ofSeconds(120);

    @TempDir
    Path root;

    @Test
    void droppedClipsBecomeVerifiedOutputsWithTheirHistoryInOrder() throws Exception {
        try (MonitorFixture fixture = new MonitorFixture(root, "")) {
            fixture.start();
            List<Path> inputs = List.of(
                    fixture.drop("first clip.mov", 1), fixture.drop("second.mp4", 1), fixture.drop("ümlaut's.mkv", 1));

            fixture.awaitAllFinished(3, ENCODES);

            MediaProber prober = new MediaProber(TestMedia.tools());
            for (Path input : inputs) {
                Job job = fixture.jobFor(input);
                assertThat(job.status()).as(job.toString()).isEqualTo(JobStatus.COMPLETED);
                assertThat(job.verified()).isTrue();
                assertThat(job.attempts()).isEqualTo(1);
                Path output = Path.of(job.outputPath());
                String stem = input.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                assertThat(output).isEqualTo(fixture.out.resolve(stem + "__processed__live-qlab.mov"));
                MediaInfo info = prober.probe(output);
                assertThat(info.video().codec()).isEqualTo("prores");
                assertThat(info.durationSeconds()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.1));
                assertThat(input).as("inputs are kept by default").exists();
                assertThat(fixture.daemon().jobs().events(job.id()))
                        .extracting(JobHistoryEntry::type)
                        .containsExactly(
                                JobEventType.CREATED,
                                JobEventType.QUEUED,
                                JobEventType.STARTED,
                                JobEventType.COMPLETED);
                assertThat(fixture.changes.stream()
                                .filter(change -> change.id() == job.id())
                                .map(Job::status)
                                .distinct())
                        .containsExactly(
                                JobStatus.WAITING, JobStatus.QUEUED, JobStatus.PROCESSING, JobStatus.COMPLETED);
            }
            assertThat(fixture.filesUnder(fixture.out))
                    .hasSize(3)
                    .noneMatch(p -> p.getFileName().toString().startsWith("."));
        }
    }

    @Test
    void fileStillBeingWrittenIsTakenOnlyAfterItsLastWrite() throws Exception {
        try (MonitorFixture fixture = new MonitorFixture(root, "")) {
            Files.writeString(
                    fixture.configFile,
                    Files.readString(fixture.configFile).replace("stable_seconds: 0.5", "stable_seconds: 1.5"));
            fixture.start();
            byte[] clip = Files.readAllBytes(TestClips.videoWithAudio(fixture.staging, "slow.mov", 2));
            Path target = fixture.in.resolve("slow.mov");

            // Eight chunks with pauses well under stable_seconds: a copy that stalls now and then.
            Instant lastWrite = null;
            try (OutputStream stream = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                int chunk = clip.length / 8 + 1;
                for (int offset = 0; offset < clip.length; offset += chunk) {
                    if (offset > 0) {
                        Thread.sleep(500);
                    }
                    stream.write(Arrays.copyOfRange(clip, offset, Math.min(clip.length, offset + chunk)));
                    stream.flush();
                    lastWrite = Instant.now();
                }
            }
            assertThat(fixture.jobFor(target).status())
                    .as("a job is visible while the file settles")
                    .isEqualTo(JobStatus.WAITING);
            assertThat(fixture.jobFor(target).statusReason()).startsWith("settling");

            fixture.awaitStatus(target, JobStatus.COMPLETED, ENCODES);

            Job job = fixture.jobFor(target);
            Instant queuedAt = fixture.daemon().jobs().events(job.id()).stream()
                    .filter(e -> e.type() == JobEventType.QUEUED)
                    .findFirst()
                    .orElseThrow()
                    .at();
            assertThat(queuedAt).isAfterOrEqualTo(lastWrite.plusMillis(1400));
            assertThat(job.inputSize()).isEqualTo(clip.length);
            MediaInfo output = new MediaProber(TestMedia.tools()).probe(Path.of(job.outputPath()));
            assertThat(output.durationSeconds()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.1));
        }
    }

    @Test
    void badInputsFailWithAClearReasonAndAreLeftUntouchedWhileGoodOnesComplete() throws Exception {
        try (MonitorFixture fixture = new MonitorFixture(root, "")) {
            fixture.start();
            Path zero = fixture.moveIn(TestClips.zeroBytes(fixture.staging, "empty.mov"), "empty.mov");
            Path clip = TestClips.videoWithAudio(fixture.staging, "whole.mp4", 2);
            Path truncated =
                    fixture.moveIn(TestClips.truncatedCopy(clip, fixture.staging.resolve("cut.mp4"), 0.5), "cut.mp4");
            Path random = fixture.moveIn(TestClips.randomBytes(fixture.staging, "noise.mov", 200_000), "noise.mov");
            Path audioOnly = fixture.moveIn(TestClips.audioOnly(fixture.staging, "tone.wav", 1), "tone.wav");
            Path still = fixture.moveIn(TestClips.stillImage(fixture.staging, "image.mov"), "image.mov");
            Path oneFrame = fixture.moveIn(TestClips.singleFrame(fixture.staging, "one.mp4"), "one.mp4");
            Path cutShort =
                    fixture.moveIn(TestClips.playableButCut(fixture.staging, "cut short.mp4", 3), "cut short.mp4");
            Path good = fixture.drop("good.mov", 1);
            byte[] randomBytes = Files.readAllBytes(random);

            fixture.awaitAllFinished(8, ENCODES);

            assertThat(fixture.jobFor(good).status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(fixture.jobFor(still).error()).startsWith("input is a still image (png), not video");
            assertThat(fixture.jobFor(oneFrame).error()).startsWith("input is a single frame, not video");
            assertThat(fixture.jobFor(cutShort).error()).contains("the source is cut short: it declares 3.0");
            for (Path bad : List.of(zero, truncated, random, audioOnly, still, oneFrame, cutShort)) {
                Job job = fixture.jobFor(bad);
                assertThat(job.status()).as(bad.getFileName().toString()).isEqualTo(JobStatus.FAILED);
                assertThat(job.error())
                        .as(bad.getFileName().toString())
                        .isNotBlank()
                        .doesNotContain("Exception");
                assertThat(job.attempts())
                        .as("an unreadable input is not retried")
                        .isEqualTo(1);
                assertThat(job.error()).as("says what to do").contains("the source file is at fault");
                assertThat(fixture.data.resolve("logs/job-" + job.id() + ".log"))
                        .as("every job has a log, also one that failed before ffmpeg ran")
                        .exists();
                assertThat(bad).exists();
            }
            assertThat(fixture.jobFor(audioOnly).error()).contains("no video");
            assertThat(Files.readAllBytes(random)).isEqualTo(randomBytes);
            assertThat(fixture.filesUnder(fixture.out))
                    .containsExactly(fixture.out.resolve("good__processed__live-qlab.mov"));

            // The daemon carries on.
            Path later = fixture.drop("later.mov", 1);
            fixture.awaitStatus(later, JobStatus.COMPLETED, ENCODES);
        }
    }

    @Test
    void fileDeletedWhileSettlingIsDroppedWithAReason() throws Exception {
        try (MonitorFixture fixture = new MonitorFixture(root, "")) {
            Files.writeString(
                    fixture.configFile,
                    Files.readString(fixture.configFile).replace("stable_seconds: 0.5", "stable_seconds: 30"));
            fixture.start();
            Path partial = fixture.in.resolve("abandoned.mov");
            Files.write(partial, new byte[50_000]);
            fixture.awaitStatus(partial, JobStatus.WAITING, Duration.ofSeconds(10));

            Files.delete(partial);

            fixture.awaitStatus(partial, JobStatus.FAILED, Duration.ofSeconds(10));
            assertThat(fixture.jobFor(partial).error()).contains("disappeared");
        }
    }

    @Test
    void restartDoesNotProcessACompletedFileAgainButDoesAChangedOne() throws Exception {
        try (MonitorFixture fixture = new MonitorFixture(root, "")) {
            fixture.start();
            Path input = fixture.drop("show.mov", 1);
            fixture.awaitStatus(input, JobStatus.COMPLETED, ENCODES);
            fixture.stop();

            fixture.start();
            // Several rescans and stability periods: the unchanged file must not become a new job.
            Thread.sleep(3_000);
            fixture.daemon().folders().drain();
            assertThat(fixture.jobs()).hasSize(1);

            Path replacement = TestClips.videoWithAudio(fixture.staging, "show.mov", 2);
            Files.move(replacement, input, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            MonitorFixture.await(
                    "a second job for the changed file",
                    ENCODES,
                    () -> fixture.jobs().stream()
                                    .filter(job -> job.status() == JobStatus.COMPLETED)
                                    .count()
                            == 2);

            assertThat(fixture.jobs()).hasSize(2);
            assertThat(fixture.filesUnder(fixture.out))
                    .as("the earlier output is never overwritten")
                    .containsExactly(
                            fixture.out.resolve("show__processed__live-qlab-2.mov"),
                            fixture.out.resolve("show__processed__live-qlab.mov"));
        }
    }

    @Test
    void onSuccessMovesOrDeletesInputsOnlyAfterAVerifiedOutput() throws Exception {
        String rules = """
                rules:
                  - pattern: "*.mov"
                    profile: live-h264
                    on_success: move
                  - pattern: "*.mp4"
                    profile: live-h264
                    on_success: delete
                """;
        try (MonitorFixture fixture = new MonitorFixture(root, rules)) {
            fixture.start();
            Path moved = fixture.drop("to move.mov", 1);
            Path deleted = fixture.drop("to delete.mp4", 1);
            Path broken = fixture.moveIn(TestClips.randomBytes(fixture.staging, "broken.mp4", 100_000), "broken.mp4");

            fixture.awaitAllFinished(3, ENCODES);

            assertThat(fixture.jobFor(moved).status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(moved).doesNotExist();
            assertThat(fixture.processed.resolve("to move.mov")).exists();
            assertThat(fixture.jobFor(deleted).status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(deleted).doesNotExist();
            assertThat(fixture.jobFor(broken).status()).isEqualTo(JobStatus.FAILED);
            assertThat(broken).as("the input of a failed job is never touched").exists();
            assertThat(fixture.filesUnder(fixture.out))
                    .containsExactly(
                            fixture.out.resolve("to delete__processed__live-h264.mp4"),
                            fixture.out.resolve("to move__processed__live-h264.mp4"));
        }
    }

    @Test
    void pauseSuspendsCancelStopsAndRetryRerunsARealEncode() throws Exception {
        String rules = """
                rules:
                  - pattern: "*.mkv"
                    profile: live-linux-hevc-mkv
                """;
        try (MonitorFixture fixture = new MonitorFixture(root, rules)) {
            fixture.start();
            Path input = fixture.moveIn(TestClips.hd(fixture.staging, "long.mkv", 8), "long.mkv");
            fixture.awaitStatus(input, JobStatus.PROCESSING, Duration.ofSeconds(30));
            long id = fixture.jobFor(input).id();
            MonitorFixture.await(
                    "progress",
                    Duration.ofSeconds(30),
                    () -> fixture.daemon()
                            .pool()
                            .progress(id)
                            .map(p -> p.fraction() > 0)
                            .orElse(false));

            fixture.daemon().pool().pause(id);
            assertThat(fixture.jobFor(input).status()).isEqualTo(JobStatus.PAUSED);
            Thread.sleep(500); // let a progress block already in the pipe arrive
            double frozen = fixture.daemon().pool().progress(id).orElseThrow().fraction();
            Thread.sleep(1_500);
            assertThat(fixture.daemon().pool().progress(id).orElseThrow().fraction())
                    .as("a paused encode makes no progress")
                    .isEqualTo(frozen);

            fixture.daemon().pool().resume(id);
            assertThat(fixture.jobFor(input).status()).isEqualTo(JobStatus.PROCESSING);
            fixture.daemon().pool().cancel(id);
            fixture.awaitStatus(input, JobStatus.CANCELLED, Duration.ofSeconds(30));
            assertThat(fixture.filesUnder(fixture.out))
                    .as("no output, not even a temporary one")
                    .isEmpty();
            assertThat(input).exists();

            fixture.daemon().pool().retry(id);
            fixture.awaitStatus(input, JobStatus.COMPLETED, ENCODES);
            assertThat(fixture.filesUnder(fixture.out))
                    .containsExactly(fixture.out.resolve("long__processed__live-linux-hevc-mkv.mkv"));
        }
    }

    @Test
    void aConfigChangeAppliesLiveAndAnInvalidOneChangesNothing() throws Exception {
        try (MonitorFixture fixture = new MonitorFixture(root, "")) {
            fixture.start();
            Path otherIn = Files.createDirectories(root.resolve("other in"));
            ConfigModel current = fixture.daemon().config().toModel();

            fixture.daemon().liveConfig().apply(withFoldersAndWorkers(current, otherIn.toString(), 3));

            assertThat(fixture.daemon().pool().maxWorkers()).isEqualTo(3);
            assertThat(Files.readString(fixture.configFile)).contains("other in");
            Path clip = TestClips.videoWithAudio(fixture.staging, "moved watch.mov", 1);
            Path dropped = Files.move(clip, otherIn.resolve("moved watch.mov"));
            fixture.awaitStatus(dropped, JobStatus.COMPLETED, ENCODES);

            String fileBefore = Files.readString(fixture.configFile);
            ConfigModel invalid =
                    withFoldersAndWorkers(current, root.resolve("missing").toString(), 0);
            assertThatThrownBy(() -> fixture.daemon().liveConfig().apply(invalid))
                    .isInstanceOfSatisfying(
                            ConfigValidationException.class,
                            e -> assertThat(e.fields()).containsKeys("max_workers"));
            assertThat(Files.readString(fixture.configFile)).isEqualTo(fileBefore);
            assertThat(fixture.daemon().pool().maxWorkers()).isEqualTo(3);
            assertThat(fixture.daemon().config().monitorFolder()).isEqualTo(otherIn);

            ConfigModel missingFolder =
                    withFoldersAndWorkers(current, root.resolve("missing").toString(), 2);
            assertThatThrownBy(() -> fixture.daemon().liveConfig().apply(missingFolder))
                    .isInstanceOfSatisfying(
                            ConfigValidationException.class,
                            e -> assertThat(e.fields()).containsOnlyKeys("monitor_folder"));
            assertThat(root.resolve("missing")).doesNotExist();
        }
    }

    private static ConfigModel withFoldersAndWorkers(ConfigModel model, String monitorFolder, int workers) {
        return new ConfigModel(
                monitorFolder,
                model.outputFolder(),
                workers,
                model.recursive(),
                model.stableSeconds(),
                model.scanIntervalSeconds(),
                model.onSuccess(),
                model.processedFolder(),
                model.maxAttempts(),
                model.stallTimeoutSeconds(),
                model.ffmpegPath(),
                model.server(),
                model.profiles(),
                model.rules());
    }

    @Test
    void aFileNoRuleMatchesGetsNoJobAndOneAlert() throws Exception {
        String rules = """
                rules:
                  - pattern: "*.mov"
                    profile: live-h264
                """;
        try (MonitorFixture fixture = new MonitorFixture(root, rules)) {
            List<Alert> alerts = new java.util.concurrent.CopyOnWriteArrayList<>();
            fixture.start().bus().subscribe(Alert.class, alerts::add);
            fixture.drop("unmatched.mp4", 1);

            Thread.sleep(3_500); // several rescans and stability sweeps
            fixture.daemon().folders().drain();

            assertThat(fixture.jobs()).isEmpty();
            assertThat(alerts).hasSize(1);
            assertThat(alerts.getFirst().message()).contains("unmatched.mp4").contains("no rule matches");
        }
    }
}
