package dev.bulletproof.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.model.BulkActionModel;
import dev.bulletproof.model.BulkActionOutcome;
import dev.bulletproof.model.JobAction;
import dev.bulletproof.model.JobLogModel;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.StatsModel;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mapping layer against canned answers; the behaviour against a real daemon is tested in the daemon module. */
class BulletproofClientTest {

    private static final String JOB = """
            {"id":"7","filename":"show.mov","status":"processing","progress":0.25,
             "started_at":"2026-03-01T10:00:00Z","completed_at":null,"error":null,"profile":"live-qlab",
             "duration":12.5,"priority":0,"attempts":1,"created_at":"2026-03-01T09:59:00","some_future_field":1}
            """;

    private final CannedDaemon daemon;
    private final BulletproofClient client;

    BulletproofClientTest() throws IOException {
        daemon = new CannedDaemon();
        client = new BulletproofClient(URI.create(daemon.url() + "/"), "secret-token");
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void listingJobsReadsThePageAndTheTotalFromTheHeader() {
        daemon.respond(
                "GET /api/jobs",
                new CannedDaemon.Answer(200, "application/json", "[" + JOB + "]", Map.of("X-Total-Count", "42")));

        Page<JobModel> page = client.listJobs(JobQuery.all()
                .withStatuses(Set.of(JobStatus.FAILED, JobStatus.PROCESSING))
                .withText("show reel")
                .withLimit(5));

        assertThat(page.total()).isEqualTo(42);
        JobModel job = page.items().getFirst();
        assertThat(job.id()).isEqualTo("7");
        assertThat(job.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-03-01T09:59:00Z"));
        assertThat(daemon.last().pathAndQuery()).isEqualTo("/api/jobs?status=processing,failed&q=show+reel&limit=5");
    }

    @Test
    void withoutATotalHeaderThePageSizeIsTheTotal() {
        daemon.json("GET /api/jobs", 200, "[" + JOB + "," + JOB + "]");

        assertThat(client.listJobs(null).total()).isEqualTo(2);
    }

    @Test
    void everyRequestCarriesTheBearerTokenAndPostsAreJson() {
        daemon.json("POST /api/jobs/7/priority", 200, JOB);

        client.setPriority("7", 5);

        CannedDaemon.Received request = daemon.last();
        assertThat(request.headers().get("Authorization")).containsExactly("Bearer secret-token");
        assertThat(request.headers().get("Content-type")).containsExactly("application/json");
        assertThat(request.body()).isEqualTo("{\"priority\":5}");
    }

    /** The daemon refuses any state change that is not declared JSON, body or not (a browser form cannot be). */
    @Test
    void stateChangesWithoutABodyAreDeclaredJsonToo() {
        daemon.json("POST /api/queue/pause", 200, "{\"paused\":true,\"max_workers\":2,\"running\":0}");
        daemon.json("POST /api/jobs/7/retry", 200, JOB);
        daemon.respond("DELETE /api/jobs/7", new CannedDaemon.Answer(204, "application/json", "", Map.of()));
        daemon.json("DELETE /api/config/reset", 200, "{}");

        client.pauseQueue();
        client.retry("7");
        client.deleteJob("7");
        client.resetConfig();

        assertThat(daemon.received)
                .hasSize(4)
                .allSatisfy(request -> assertThat(request.headers().get("Content-type"))
                        .as(request.method() + " " + request.pathAndQuery())
                        .containsExactly("application/json"));
    }

    @Test
    void withoutATokenNoAuthorizationHeaderIsSent() {
        daemon.json("GET /api/stats", 200, "{\"total_jobs\":3,\"successful\":2,\"failed\":1,\"avg_duration\":1.5}");

        StatsModel stats = new BulletproofClient(daemon.url(), null).stats();

        assertThat(stats).isEqualTo(new StatsModel(3, 2, 1, 1.5, 0, 0, 0, 0));
        assertThat(daemon.last().headers()).doesNotContainKey("Authorization");
    }

    @Test
    void aRefusalCarriesTheDaemonsCodeMessageAndFields() {
        daemon.json(
                "POST /api/config",
                422,
                "{\"error\":\"invalid_config\",\"message\":\"max_workers: must be 1..32\","
                        + "\"fields\":{\"max_workers\":\"must be 1..32\"}}");

        assertThatThrownBy(() -> client.saveConfig(null)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.code()).isEqualTo("invalid_config");
            assertThat(e.getMessage()).isEqualTo("max_workers: must be 1..32");
            assertThat(e.fields()).containsEntry("max_workers", "must be 1..32");
        });
    }

    @Test
    void aConflictOnAJobActionIsAnApiException() {
        daemon.json("POST /api/jobs/7/retry", 409, "{\"error\":\"conflict\",\"message\":\"job 7 is still running\"}");

        assertThatThrownBy(() -> client.retry("7"))
                .isInstanceOf(ApiException.class)
                .hasMessage("job 7 is still running")
                .extracting(e -> ((ApiException) e).code())
                .isEqualTo("conflict");
    }

    @Test
    void anAnswerThatIsNotTheDaemonsIsDescribedWithItsStatusAndStart() {
        daemon.respond(
                "GET /api/health", new CannedDaemon.Answer(502, "text/html", "<html>Bad   gateway</html>", Map.of()));

        assertThatThrownBy(() -> client.health())
                .isInstanceOf(ApiException.class)
                .hasMessage("the daemon at " + daemon.url() + " answered HTTP 502: <html>Bad gateway</html>");
    }

    @Test
    void aSuccessfulAnswerThatCannotBeReadSaysWhichRequest() {
        daemon.json("GET /api/queue", 200, "[1, 2]");

        assertThatThrownBy(() -> client.queue())
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("unexpected answer from the daemon at " + daemon.url() + " to /api/queue");
    }

    @Test
    void noDaemonListeningIsReportedAsUnreachableWithTheAddress() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        BulletproofClient nobody = new BulletproofClient(URI.create("http://127.0.0.1:" + freePort), null);

        assertThatThrownBy(nobody::health)
                .isInstanceOf(DaemonUnreachableException.class)
                .hasMessage("cannot reach the daemon at http://127.0.0.1:" + freePort + ": connection refused");
    }

    @Test
    void theLogIsReadFromPlainTextOrJson() {
        daemon.respond(
                "GET /api/jobs/7/log", new CannedDaemon.Answer(200, "text/plain", "frame=1\nframe=2\n", Map.of()));
        assertThat(client.log("7", 50).lines()).containsExactly("frame=1", "frame=2");
        assertThat(daemon.last().pathAndQuery()).isEqualTo("/api/jobs/7/log?lines=50");

        daemon.json("GET /api/jobs/7/log", 200, "{\"lines\":[\"a\",\"b\"],\"truncated\":true}");
        assertThat(client.log("7", 2)).satisfies(log -> {
            assertThat(log.jobId()).isEqualTo("7");
            assertThat(log.lines()).containsExactly("a", "b");
            assertThat(log.truncated()).isTrue();
        });
    }

    @Test
    void theFullLogAsksForTheWholeFileAndSaysWhenItWasCut() {
        daemon.respond(
                "GET /api/jobs/7/log",
                new CannedDaemon.Answer(200, "text/plain", "a\nb\nc\n", Map.of("X-Log-Truncated", "true")));

        JobLogModel log = client.fullLog("7");

        assertThat(log.lines()).containsExactly("a", "b", "c");
        assertThat(log.truncated()).isTrue();
        assertThat(daemon.last().pathAndQuery()).isEqualTo("/api/jobs/7/log?full=true");
    }

    @Test
    void aBulkActionSendsTheIdsAsNumbersAndReadsEachOutcome() {
        daemon.json("POST /api/jobs/actions", 200, """
                {"action":"cancel","outcomes":[
                  {"id":"3","result":"done","reason":null,"job":%s},
                  {"id":"4","result":"refused","reason":"job 4 is completed","job":null}]}
                """.formatted(JOB));

        BulkActionModel result = client.bulkAction(JobAction.CANCEL, List.of("3", "4"));

        assertThat(daemon.last().body()).isEqualTo("{\"action\":\"cancel\",\"ids\":[3,4]}");
        assertThat(result.outcomes())
                .extracting(BulkActionOutcome::result)
                .containsExactly(BulkActionOutcome.Result.DONE, BulkActionOutcome.Result.REFUSED);
        assertThat(result.outcomes().get(1).reason()).isEqualTo("job 4 is completed");
    }

    @Test
    void historyAndTimelineSendTheRangeAsIsoInstants() {
        daemon.json(
                "GET /api/stats/history",
                200,
                "[{\"start\":\"2026-03-01T09:00:00Z\",\"completed\":2,\"failed\":1,"
                        + "\"avg_processing_seconds\":20.0,\"media_seconds_processed\":150.0}]");
        daemon.json(
                "GET /api/stats/timeline",
                200,
                "[{\"job_id\":12,\"filename\":\"a.mov\",\"status\":\"completed\",\"completed_at\":\"2026-03-01T09:10:00Z\"}]");
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-03-02T00:00:00Z");

        assertThat(client.history(from, to, "hour").getFirst().mediaSecondsProcessed())
                .isEqualTo(150.0);
        assertThat(daemon.last().pathAndQuery())
                .isEqualTo("/api/stats/history?from=2026-03-01T00%3A00%3A00Z&to=2026-03-02T00%3A00%3A00Z&bucket=hour");
        assertThat(client.timeline(from, to)).singleElement().satisfies(point -> {
            assertThat(point.jobId()).isEqualTo("12");
            assertThat(point.processingSeconds()).isNull();
        });
    }

    @Test
    void theUpdatesAddressFollowsTheBaseUrl() {
        assertThat(new BulletproofClient(URI.create("http://127.0.0.1:8000"), null).updatesUri())
                .isEqualTo(URI.create("ws://127.0.0.1:8000/ws/updates"));
        assertThat(new BulletproofClient(URI.create("https://studio.local:9443/bp/"), null).updatesUri())
                .isEqualTo(URI.create("wss://studio.local:9443/bp/ws/updates"));
    }

    @Test
    void aJobIdIsRequiredForJobCalls() {
        assertThatThrownBy(() -> client.cancel(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(daemon.received).isEmpty();
    }

    @Test
    void profilesDecodeAsAList() {
        daemon.json(
                "GET /api/profiles",
                200,
                "[{\"name\":\"live-qlab\",\"description\":\"ProRes\",\"extension\":\"mov\","
                        + "\"ffmpeg_args\":[\"-c:v\",\"prores_ks\"],\"builtin\":true}]");

        assertThat(client.profiles()).singleElement().satisfies(profile -> {
            assertThat(profile.ffmpegArgs()).isEqualTo(List.of("-c:v", "prores_ks"));
            assertThat(profile.builtin()).isTrue();
        });
    }
}
