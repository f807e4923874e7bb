package dev.bulletproof.daemon.api;

import static dev.bulletproof.daemon.api.HandlerServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.jobs.LiveProgress;
import dev.bulletproof.model.JobStatus;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/jobs over stand-ins: what each route answers, and which request reaches the engine. */
class JobsServiceTest {

    @TempDir
    Path root;

    private StandInEngine engine;
    private HandlerServer api;

    @BeforeEach
    void serve() {
        engine = new StandInEngine(root);
        api = new HandlerServer(engine);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void listFiltersByStatusPagesAndCountsTheWholeMatch() {
        for (long id = 1; id <= 5; id++) {
            engine.jobs.add(StandInEngine.job(id, id % 2 == 0 ? JobStatus.COMPLETED : JobStatus.QUEUED));
        }

        HttpResponse<String> response = api.get("/api/jobs?status=queued&limit=2&offset=0");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Total-Count")).contains("3");
        assertThat(json(response).size()).isEqualTo(2);
        assertThat(json(response).findValuesAsText("id")).containsExactly("5", "3");
        assertThat(engine.jobs.filters.getFirst().statuses()).containsExactly(JobStatus.QUEUED);
    }

    @Test
    void theSortParameterReachesTheEngineWithItsDirection() {
        api.get("/api/jobs?sort=-finished");
        api.get("/api/jobs?sort=filename");
        api.get("/api/jobs");

        assertThat(engine.jobs.filters.stream()
                        .map(filter -> filter.sort().wireName())
                        .distinct())
                .as("the list and its count each see the sort")
                .containsExactly("-finished", "filename", "-created");
    }

    @Test
    void anUnknownSortKeyIsABadRequestThatListsTheKnownOnes() {
        HttpResponse<String> response = api.get("/api/jobs?sort=-size");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("fields").get("sort").asText())
                .contains("'size'")
                .contains("processing_time");
        assertThat(engine.jobs.filters).as("nothing was asked of the engine").isEmpty();
    }

    @Test
    void anUnknownStatusIsABadRequestThatNamesTheParameter() {
        HttpResponse<String> response = api.get("/api/jobs?status=finished");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("fields").has("status")).isTrue();
        assertThat(engine.jobs.filters).as("nothing was asked of the engine").isEmpty();
    }

    @Test
    void aRunningJobIsShownWithItsLiveProgress() {
        engine.jobs.add(StandInEngine.job(4, JobStatus.PROCESSING));
        engine.jobs.progress.put(4L, new LiveProgress(4, 0.25, 30.0, 1.5, 12.0, 3.0));

        JsonNode job = json(api.get("/api/jobs/4"));

        assertThat(job.get("progress").asDouble()).isEqualTo(0.25);
        assertThat(job.get("fps").asDouble()).isEqualTo(30.0);
        assertThat(job.get("eta_seconds").asDouble()).isEqualTo(12.0);
    }

    @Test
    void anUnknownJobIs404() {
        HttpResponse<String> response = api.get("/api/jobs/99");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).isEqualTo("job_not_found");
    }

    @Test
    void anActionReturnsTheJobAsItIsAfterwards() {
        engine.jobs.add(StandInEngine.job(2, JobStatus.QUEUED));

        HttpResponse<String> response = api.post("/api/jobs/2/pause", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("paused");
        assertThat(engine.jobs.calls).containsExactly("pause 2");
    }

    @Test
    void anActionTheJobsStateForbidsIs409() {
        engine.jobs.add(StandInEngine.job(3, JobStatus.COMPLETED));

        HttpResponse<String> response = api.post("/api/jobs/3/resume", "");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("error").asText()).isEqualTo("illegal_transition");
        assertThat(engine.jobs.byId.get(3L).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void anActionOnAnUnknownJobIs404() {
        assertThat(api.post("/api/jobs/42/cancel", "").statusCode()).isEqualTo(404);
    }

    @Test
    void anActionWithABodyIsRefusedBeforeItReachesTheEngine() {
        engine.jobs.add(StandInEngine.job(2, JobStatus.QUEUED));

        HttpResponse<String> response = api.post("/api/jobs/2/cancel", "{\"force\": true}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("fields").has("force")).isTrue();
        assertThat(engine.jobs.calls).isEmpty();
    }

    @Test
    void priorityMustBeAWholeNumber() {
        engine.jobs.add(StandInEngine.job(2, JobStatus.QUEUED));

        HttpResponse<String> refused = api.post("/api/jobs/2/priority", "{\"priority\": 1.5}");
        HttpResponse<String> accepted = api.post("/api/jobs/2/priority", "{\"priority\": 9}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("fields").has("priority")).isTrue();
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json(accepted).get("priority").asInt()).isEqualTo(9);
        assertThat(engine.jobs.calls).containsExactly("priority 2 9");
    }

    @Test
    void deleteAnswers204AndDeletesOnce() {
        engine.jobs.add(StandInEngine.job(6, JobStatus.COMPLETED));

        assertThat(api.delete("/api/jobs/6", "").statusCode()).isEqualTo(204);
        assertThat(api.delete("/api/jobs/6", "").statusCode()).isEqualTo(404);
    }

    @Test
    void anAdHocJobNeedsAPathAndAProfileAndIsCreated201() {
        HttpResponse<String> missing = api.post("/api/jobs", "{\"profile\": \"live-qlab\"}");
        HttpResponse<String> created =
                api.post("/api/jobs", "{\"path\": \"/media/a.mov\", \"profile\": \"live-qlab\"}");

        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(json(missing).get("fields").has("path")).isTrue();
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("status").asText()).isEqualTo("queued");
        assertThat(engine.jobs.calls).containsExactly("enqueue /media/a.mov live-qlab null");
    }

    @Test
    void theLogAnswersItsEndByDefaultAndTheWholeLogOnRequest() throws Exception {
        engine.jobs.add(StandInEngine.job(6, JobStatus.FAILED));
        String log =
                IntStream.rangeClosed(1, 500).mapToObj(n -> "line " + n + "\n").collect(Collectors.joining());
        Files.writeString(logFile(6), log);

        HttpResponse<String> tail = api.get("/api/jobs/6/log");
        HttpResponse<String> full = api.get("/api/jobs/6/log?full=true");

        assertThat(tail.body().lines()).hasSize(JobLogs.DEFAULT_LINES).last().isEqualTo("line 500");
        assertThat(tail.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(full.body()).isEqualTo(log);
        assertThat(full.headers().firstValue("X-Log-Truncated")).contains("false");
    }

    @Test
    void aDownloadedLogIsAnAttachmentNamedAfterTheJob() throws Exception {
        engine.jobs.add(StandInEngine.job(7, JobStatus.COMPLETED));
        Files.writeString(logFile(7), "ffmpeg version 7.1\n");

        HttpResponse<String> response = api.get("/api/jobs/7/log?full=true&download=true");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"bulletproof-job-7.log\"");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).isEqualTo("ffmpeg version 7.1\n");
    }

    @Test
    void aLogLongerThanTheCapIsSentFromAWholeLineNearItsEnd() throws Exception {
        engine.jobs.add(StandInEngine.job(8, JobStatus.FAILED));
        String line = "frame= 100 fps=25 warning: a long and repeated decoder complaint\n";
        String log = line.repeat(JobLogs.MAX_LOG_BYTES / line.length() + 1000) + "last line\n";
        Files.writeString(logFile(8), log);

        HttpResponse<String> response = api.get("/api/jobs/8/log?full=1");

        assertThat(response.headers().firstValue("X-Log-Truncated")).contains("true");
        assertThat(response.body().length()).isLessThanOrEqualTo(JobLogs.MAX_LOG_BYTES);
        assertThat(response.body()).startsWith("frame= 100").endsWith("last line\n");
    }

    @Test
    void aLogSwitchThatIsNotYesOrNoIsABadRequest() {
        engine.jobs.add(StandInEngine.job(9, JobStatus.COMPLETED));

        HttpResponse<String> response = api.get("/api/jobs/9/log?full=maybe");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("fields").has("full")).isTrue();
    }

    private Path logFile(long id) throws Exception {
        Path file = engine.engine().jobLog().apply(id);
        Files.createDirectories(file.getParent());
        return file;
    }
}
