package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.jobs.QueueDrained;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedule and the drain on the real daemon: real HTTP, a real SQLite file, real ffmpeg, and only the
 * clock injected (moved by hand across the window's edges).
 */
class ScheduleDaemonTest {

    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final String DAILY_10_TO_14 = """
            schedule:
              outside: pause
              windows:
                - { days: daily, from: "10:00", to: "14:00" }
            """;

    @TempDir
    Path root;

    @Test
    void aWindowClosingMidEncodeSuspendsTheJobAndTheNextWindowContinuesIt() throws Exception {
        MutableClock clock = new MutableClock(local("2026-12-02T11:00"));
        try (ApiFixture api =
                new ApiFixture(root, 1, DAILY_10_TO_14).withClock(clock).start()) {
            JsonNode open = ApiFixture.json(api.get("/api/schedule"));
            assertThat(open.get("state").asText()).isEqualTo("open");
            assertThat(Instant.parse(open.get("next_change").asText())).isEqualTo(local("2026-12-02T14:00"));
            // Long enough (ProRes of 720p) that the window closes in the middle of the encode.
            String id = enqueue(api, TestClips.hd(api.staging, "long.mov", 8));
            awaitJob(
                    api,
                    id,
                    job -> job.get("status").asText().equals("processing")
                            && job.get("progress").asDouble() > 0);

            clock.advance(Duration.ofHours(3)); // 14:00: the window closes

            JsonNode suspended =
                    awaitJob(api, id, job -> job.get("status").asText().equals("paused"));
            JsonNode closed = ApiFixture.json(api.get("/api/schedule"));
            assertThat(closed.get("state").asText()).isEqualTo("paused");
            assertThat(Instant.parse(closed.get("next_change").asText())).isEqualTo(local("2026-12-03T10:00"));
            assertThat(closed.get("suspended_jobs").toString()).contains("\"" + id + "\"");
            JsonNode queue = ApiFixture.json(api.get("/api/queue"));
            assertThat(queue.get("running").asInt())
                    .as("a suspended job holds no worker")
                    .isZero();
            assertThat(queue.get("schedule").get("state").asText()).isEqualTo("paused");

            ProcessHandle ffmpeg = encoderOf("long.mov");
            ApiFixture.await("the encoder to be stopped", Duration.ofSeconds(10), () -> state(ffmpeg) == 'T');
            long cpuBefore = cpuTicks(ffmpeg);
            double progressBefore = job(api, id).get("progress").asDouble();
            Thread.sleep(1000);
            assertThat(state(ffmpeg)).as("stopped (SIGSTOP)").isEqualTo('T');
            assertThat(cpuTicks(ffmpeg)).as("no CPU while suspended").isEqualTo(cpuBefore);
            assertThat(job(api, id).get("progress").asDouble())
                    .as("progress frozen")
                    .isEqualTo(progressBefore);
            assertThat(progressBefore)
                    .isEqualTo(suspended.get("progress").asDouble())
                    .isLessThan(1.0);

            String later = enqueue(api, TestClips.videoWithAudio(api.staging, "later.mov", 1));
            Thread.sleep(500);
            assertThat(job(api, later).get("status").asText())
                    .as("nothing new starts")
                    .isEqualTo("queued");

            clock.advance(Duration.ofHours(20)); // 10:00 the next day: the window opens

            awaitJob(
                    api,
                    id,
                    job -> job.get("status").asText().equals("processing")
                            && job.get("progress").asDouble() > progressBefore);
            JsonNode done = awaitJob(api, id, job -> job.get("status").asText().equals("completed"));
            assertThat(done.get("attempts").asInt())
                    .as("continued, not restarted")
                    .isEqualTo(1);
            assertThat(done.get("verified").asBoolean()).isTrue();
            assertThat(Files.size(Path.of(done.get("output_path").asText()))).isPositive();
            awaitJob(api, later, job -> job.get("status").asText().equals("completed"));
        }
    }

    @Test
    void drainLetsTheRunningJobFinishStartsNothingAndSaysDrained() throws Exception {
        try (ApiFixture api = new ApiFixture(root, 1, "").start()) {
            List<QueueDrained> drained = new CopyOnWriteArrayList<>();
            api.daemon.bus().subscribe(QueueDrained.class, drained::add);
            String running = enqueue(api, TestClips.hd(api.staging, "running.mov", 4));
            awaitJob(api, running, job -> job.get("status").asText().equals("processing"));
            String waiting = enqueue(api, TestClips.videoWithAudio(api.staging, "waiting.mov", 1));

            JsonNode draining = ApiFixture.json(api.post("/api/queue/drain", ""));

            assertThat(draining.get("state").asText()).isEqualTo("draining");
            assertThat(draining.get("paused").asBoolean()).isTrue();
            JsonNode done =
                    awaitJob(api, running, job -> job.get("status").asText().equals("completed"));
            assertThat(done.get("verified").asBoolean()).isTrue();
            ApiFixture.await("the drained event", Duration.ofSeconds(10), () -> !drained.isEmpty());
            assertThat(ApiFixture.json(api.get("/api/queue")).get("state").asText())
                    .isEqualTo("paused");
            Thread.sleep(1000);
            assertThat(job(api, waiting).get("status").asText())
                    .as("nothing new starts")
                    .isEqualTo("queued");
            assertThat(drained).hasSize(1);

            JsonNode resumed = ApiFixture.json(api.post("/api/queue/resume", ""));

            assertThat(resumed.get("state").asText()).isEqualTo("running");
            awaitJob(api, waiting, job -> job.get("status").asText().equals("completed"));
        }
    }

    @Test
    void anOverrideHoldsTheQueueAndSurvivesARestartUntilCleared() throws Exception {
        MutableClock clock = new MutableClock(local("2026-12-02T11:00"));
        try (ApiFixture api =
                new ApiFixture(root, 1, DAILY_10_TO_14).withClock(clock).start()) {
            var refused =
                    api.post("/api/schedule/override", "{\"mode\": \"hold\", \"until\": \"2026-12-01T07:00:00Z\"}");
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(ApiFixture.json(refused).get("fields").has("until")).isTrue();
            assertThat(api.post("/api/schedule/override", "{\"mode\": \"nap\", \"duration_seconds\": 60}")
                            .statusCode())
                    .isEqualTo(422);

            JsonNode held = ApiFixture.json(
                    api.post("/api/schedule/override", "{\"mode\": \"hold\", \"duration_seconds\": 7200}"));

            assertThat(held.get("state").asText()).isEqualTo("paused");
            assertThat(held.get("override").get("mode").asText()).isEqualTo("hold");
            assertThat(Instant.parse(held.get("next_change").asText())).isEqualTo(local("2026-12-02T13:00"));
            String id = enqueue(api, TestClips.videoWithAudio(api.staging, "held.mov", 1));

            api.restart();

            JsonNode afterRestart = ApiFixture.json(api.get("/api/schedule"));
            assertThat(afterRestart.get("state").asText()).isEqualTo("paused");
            assertThat(Instant.parse(afterRestart.get("override").get("until").asText()))
                    .isEqualTo(local("2026-12-02T13:00"));
            Thread.sleep(500);
            assertThat(job(api, id).get("status").asText())
                    .as("held across the restart")
                    .isEqualTo("queued");

            JsonNode cleared = ApiFixture.json(api.delete("/api/schedule/override"));

            assertThat(cleared.get("state").asText()).isEqualTo("open");
            assertThat(cleared.get("override").isNull()).isTrue();
            awaitJob(api, id, job -> job.get("status").asText().equals("completed"));
        }
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ZONE).toInstant();
    }

    /** The ffmpeg this daemon (this JVM) runs for the given input. */
    private static ProcessHandle encoderOf(String input) {
        Optional<ProcessHandle> found = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info()
                        .commandLine()
                        // Only the encode reports -progress; the poster frame's ffmpeg also names the input.
                        .map(c -> c.contains("ffmpeg") && c.contains("-progress") && c.contains(input))
                        .orElse(false))
                .findFirst();
        assertThat(found).as("the encoder of " + input).isPresent();
        return found.get();
    }

    /** The process state letter of /proc/PID/stat: R running, S sleeping, T stopped. */
    private static char state(ProcessHandle process) {
        return statFields(process)[0].charAt(0);
    }

    /** User plus system CPU time in clock ticks. */
    private static long cpuTicks(ProcessHandle process) {
        String[] fields = statFields(process);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The fields after the command name, which may contain spaces; field 3 (state) comes first. */
    private static String[] statFields(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            throw new AssertionError("cannot read the encoder's state", e);
        }
    }

    private static String enqueue(ApiFixture api, Path clip) {
        var created = api.post("/api/jobs", "{\"path\": \"" + clip + "\", \"profile\": \"live-qlab\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiFixture.json(created).get("id").asText();
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
}
