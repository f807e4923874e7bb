package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.testing.MutableClock;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules per watch folder on the real daemon (decision 0032): two folders, one with a window that
 * closes in the middle of its encode. Real HTTP, a real SQLite file, real ffmpeg; only the clock injected.
 */
class FolderScheduleDaemonTest {

    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final String CONFIG = """
            max_workers: 2
            scan_interval_seconds: 1
            stall_timeout_seconds: 30
            max_attempts: 2
            rules:
              - { pattern: '*.mov', profile: live-qlab }
            watch_folders:
              - path: ./drop/night   # the folder with a window of its own
                output_folder: ./out-night
                stable_seconds: 0.5
                schedule:
                  outside: pause
                  windows:
                    - { days: daily, from: "10:00", to: "14:00" }
              - path: ./drop/day
                output_folder: ./out-day
                stable_seconds: 0.5
            """;

    @TempDir
    Path root;

    @Test
    void aFoldersWindowClosingMidEncodeSuspendsItsJobWhileTheOtherFoldersJobRunsOnThenBothComplete() throws Exception {
        MutableClock clock = new MutableClock(local("2026-12-02T11:00"));
        try (ApiFixture api = new ApiFixture(root, "").withClock(clock)) {
            Files.writeString(api.configFile, CONFIG);
            api.start();
            Path night = root.resolve("drop/night");
            Path day = root.resolve("drop/day");

            JsonNode open = ApiFixture.json(api.get("/api/schedule"));
            assertThat(open.get("configured").asBoolean())
                    .as("no global schedule")
                    .isFalse();
            JsonNode folderOpen = open.at("/folders/0");
            assertThat(open.get("folders")).hasSize(1);
            assertThat(folderOpen.get("folder").asText()).isEqualTo(night.toString());
            assertThat(folderOpen.get("state").asText()).isEqualTo("open");
            assertThat(Instant.parse(folderOpen.get("next_change").asText())).isEqualTo(local("2026-12-02T14:00"));

            // Long enough (ProRes of 720p) that the window closes in the middle of the encode.
            ApiFixture.moveInto(night, TestClips.hd(api.staging, "night.mov", 8), "night.mov");
            String nightJob = awaitJobIn(
                    api,
                    clock,
                    night,
                    job -> job.get("status").asText().equals("processing")
                            && job.get("progress").asDouble() > 0);
            ApiFixture.moveInto(day, TestClips.hd(api.staging, "day.mov", 16), "day.mov");
            String dayJob = awaitJobIn(
                    api,
                    clock,
                    day,
                    job -> job.get("status").asText().equals("processing")
                            && job.get("progress").asDouble() > 0);

            clock.advance(Duration.between(clock.instant(), local("2026-12-02T14:00"))); // the night window closes

            JsonNode suspended =
                    awaitJob(api, nightJob, job -> job.get("status").asText().equals("paused"));
            JsonNode closed = ApiFixture.json(api.get("/api/schedule"));
            assertThat(closed.get("state").asText()).as("the global schedule").isEqualTo("open");
            assertThat(closed.at("/folders/0/state").asText()).isEqualTo("paused");
            assertThat(Instant.parse(closed.at("/folders/0/next_change").asText()))
                    .isEqualTo(local("2026-12-03T10:00"));
            assertThat(closed.at("/folders/0/suspended_jobs").toString()).contains("\"" + nightJob + "\"");
            assertThat(closed.get("suspended_jobs").toString())
                    .as("the global list names it too")
                    .contains("\"" + nightJob + "\"");

            ProcessHandle nightEncoder = encoderOf("night.mov");
            ProcessHandle dayEncoder = encoderOf("day.mov");
            ApiFixture.await(
                    "the night encoder to be stopped", Duration.ofSeconds(10), () -> state(nightEncoder) == 'T');
            long cpuBefore = cpuTicks(nightEncoder);
            double nightProgress = job(api, nightJob).get("progress").asDouble();
            double dayProgress = job(api, dayJob).get("progress").asDouble();
            Thread.sleep(1000);
            assertThat(state(nightEncoder)).as("stopped (SIGSTOP)").isEqualTo('T');
            assertThat(cpuTicks(nightEncoder)).as("no CPU while suspended").isEqualTo(cpuBefore);
            assertThat(job(api, nightJob).get("progress").asDouble())
                    .as("the night job's progress is frozen")
                    .isEqualTo(nightProgress)
                    .isEqualTo(suspended.get("progress").asDouble())
                    .isLessThan(1.0);
            JsonNode dayNow = job(api, dayJob);
            assertThat(dayNow.get("status").asText()).isEqualTo("processing");
            assertThat(state(dayEncoder))
                    .as("the other folder's encoder runs on")
                    .isNotEqualTo('T');
            assertThat(dayNow.get("progress").asDouble())
                    .as("the other folder's job goes on")
                    .isGreaterThan(dayProgress);
            JsonNode dayDone =
                    awaitJob(api, dayJob, job -> job.get("status").asText().equals("completed"));
            assertThat(dayDone.get("verified").asBoolean()).isTrue();
            assertThat(job(api, nightJob).get("status").asText())
                    .as("still suspended after the other folder's job ended")
                    .isEqualTo("paused");

            clock.advance(Duration.between(clock.instant(), local("2026-12-03T10:00"))); // the window opens

            awaitJob(
                    api,
                    nightJob,
                    job -> job.get("status").asText().equals("processing")
                            && job.get("progress").asDouble() > nightProgress);
            JsonNode nightDone =
                    awaitJob(api, nightJob, job -> job.get("status").asText().equals("completed"));
            assertThat(nightDone.get("attempts").asInt())
                    .as("continued, not restarted")
                    .isEqualTo(1);
            assertThat(nightDone.get("verified").asBoolean()).isTrue();
            assertThat(Files.size(Path.of(nightDone.get("output_path").asText())))
                    .isPositive();
            assertThat(nightDone.get("output_path").asText())
                    .startsWith(root.resolve("out-night").toString());
            assertThat(ApiFixture.json(api.get("/api/schedule"))
                            .at("/folders/0/state")
                            .asText())
                    .isEqualTo("open");
        }
    }

    @Test
    void aClosedFoldersNewFilesWaitWhileTheOtherFoldersRun() throws Exception {
        MutableClock clock = new MutableClock(local("2026-12-02T15:00")); // after the night window
        try (ApiFixture api = new ApiFixture(root, "").withClock(clock)) {
            Files.writeString(api.configFile, CONFIG);
            api.start();

            ApiFixture.moveInto(
                    root.resolve("drop/night"), TestClips.videoWithAudio(api.staging, "night.mov", 1), "night.mov");
            String nightJob = awaitJobIn(
                    api,
                    clock,
                    root.resolve("drop/night"),
                    job -> job.get("status").asText().equals("queued"));
            ApiFixture.moveInto(
                    root.resolve("drop/day"), TestClips.videoWithAudio(api.staging, "day.mov", 1), "day.mov");
            String dayJob = awaitJobIn(
                    api,
                    clock,
                    root.resolve("drop/day"),
                    job -> job.get("status").asText().equals("completed"));

            assertThat(job(api, dayJob).get("verified").asBoolean()).isTrue();
            assertThat(job(api, nightJob).get("status").asText())
                    .as("its folder's window is closed")
                    .isEqualTo("queued");

            var unknown = api.post(
                    "/api/schedule/override",
                    "{\"mode\": \"run\", \"duration_seconds\": 60, \"folder\": \"/not/a/folder\"}");
            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(ApiFixture.json(unknown).get("fields").has("folder")).isTrue();
            String nightFolder = root.resolve("drop/night").toString();
            JsonNode heldOwn = ApiFixture.json(api.post(
                    "/api/schedule/override",
                    "{\"mode\": \"hold\", \"duration_seconds\": 7200, \"folder\": \"" + nightFolder + "\"}"));
            assertThat(heldOwn.at("/folders/0/override/mode").asText()).isEqualTo("hold");
            assertThat(heldOwn.get("override").isNull())
                    .as("no global override")
                    .isTrue();

            JsonNode run = ApiFixture.json(
                    api.post("/api/schedule/override", "{\"mode\": \"run\", \"duration_seconds\": 3600}"));
            assertThat(run.at("/folders/0/state").asText())
                    .as("the folder's own hold wins over the global run")
                    .isEqualTo("paused");
            Thread.sleep(500);
            assertThat(job(api, nightJob).get("status").asText()).isEqualTo("queued");

            JsonNode cleared = ApiFixture.json(api.delete(
                    "/api/schedule/override?folder=" + URLEncoder.encode(nightFolder, StandardCharsets.UTF_8)));
            assertThat(cleared.at("/folders/0/override").isNull()).isTrue();
            assertThat(cleared.at("/folders/0/state").asText())
                    .as("the global override runs the folder")
                    .isEqualTo("open");
            awaitJob(api, nightJob, job -> job.get("status").asText().equals("completed"));
        }
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ZONE).toInstant();
    }

    /**
     * The one job of {@code folder} once it matches, moving the clock on meanwhile: a dropped file settles
     * on the daemon's clock, and this one only moves when the test moves it. A second at a time stays well
     * inside the windows.
     */
    private static String awaitJobIn(ApiFixture api, MutableClock clock, Path folder, Predicate<JsonNode> condition) {
        String query = "/api/jobs?folder=" + URLEncoder.encode(folder.toString(), StandardCharsets.UTF_8);
        String[] id = new String[1];
        ApiFixture.await("a job of " + folder + " to match", ApiFixture.ENCODES, () -> {
            JsonNode jobs = ApiFixture.json(api.get(query));
            if (jobs.isEmpty() || !condition.test(jobs.get(0))) {
                clock.advance(Duration.ofMillis(500));
                return false;
            }
            id[0] = jobs.get(0).get("id").asText();
            return true;
        });
        return id[0];
    }

    private static JsonNode job(ApiFixture api, String id) {
        return ApiFixture.json(api.get("/api/jobs/" + id));
    }

    private static JsonNode awaitJob(ApiFixture api, String id, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        ApiFixture.await("job " + id + " to match", ApiFixture.ENCODES, () -> {
            last[0] = job(api, id);
            return condition.test(last[0]);
        });
        return last[0];
    }

    /** The encoding ffmpeg this daemon (this JVM) runs for the given input. */
    private static ProcessHandle encoderOf(String input) {
        Optional<ProcessHandle> found = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("ffmpeg") && c.contains("-progress") && c.contains(input))
                        .orElse(false))
                .findFirst();
        assertThat(found).as("the encoder of " + input).isPresent();
        return found.get();
    }

    private static char state(ProcessHandle process) {
        return statFields(process)[0].charAt(0);
    }

    private static long cpuTicks(ProcessHandle process) {
        String[] fields = statFields(process);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String[] statFields(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            throw new AssertionError("cannot read the encoder's state", e);
        }
    }
}
