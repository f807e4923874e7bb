package dev.bulletproof.daemon.api;

import static dev.bulletproof.daemon.api.HandlerServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.model.JobStatus;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/jobs/actions over stand-ins: one outcome per job, and a refusal does not stop the others. */
class BulkJobActionsTest {

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
    void eachJobGetsItsOwnOutcomeInTheOrderSent() {
        engine.jobs.add(StandInEngine.job(1, JobStatus.QUEUED));
        engine.jobs.add(StandInEngine.job(2, JobStatus.COMPLETED));
        engine.jobs.add(StandInEngine.job(3, JobStatus.PROCESSING));

        HttpResponse<String> response =
                api.post("/api/jobs/actions", "{\"action\": \"cancel\", \"ids\": [3, \"2\", 9, 1]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode outcomes = json(response).get("outcomes");
        assertThat(json(response).get("action").asText()).isEqualTo("cancel");
        assertThat(outcomes.valueStream().map(outcome -> outcome.get("id").asText()))
                .as("ids as the job model writes them, numbers or strings sent")
                .containsExactly("3", "2", "9", "1");
        assertThat(outcomes.findValuesAsText("result")).containsExactly("done", "refused", "not_found", "done");
        assertThat(outcomes.get(0).get("job").get("status").asText()).isEqualTo("cancelled");
        assertThat(outcomes.get(1).get("reason").asText()).contains("job 2 is completed");
        assertThat(outcomes.get(1).get("job").isNull()).isTrue();
        assertThat(engine.jobs.byId.get(2L).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(engine.jobs.byId.get(1L).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(engine.jobs.calls).containsExactly("cancel 3", "cancel 2", "cancel 9", "cancel 1");
    }

    @Test
    void anIdSentTwiceIsActedOnOnce() {
        engine.jobs.add(StandInEngine.job(4, JobStatus.FAILED));

        JsonNode body = json(api.post("/api/jobs/actions", "{\"action\": \"retry\", \"ids\": [4, 4]}"));

        assertThat(body.get("outcomes").size()).isEqualTo(1);
        assertThat(engine.jobs.calls).containsExactly("retry 4");
    }

    @Test
    void deletedJobsAreDoneWithoutAJob() {
        engine.jobs.add(StandInEngine.job(6, JobStatus.COMPLETED));

        JsonNode outcome = json(api.post("/api/jobs/actions", "{\"action\": \"delete\", \"ids\": [6]}"))
                .get("outcomes")
                .get(0);

        assertThat(outcome.get("result").asText()).isEqualTo("done");
        assertThat(outcome.get("job").isNull()).isTrue();
        assertThat(engine.jobs.byId).doesNotContainKey(6L);
    }

    @Test
    void priorityAndUnknownActionsAreRefusedBeforeTheEngine() {
        engine.jobs.add(StandInEngine.job(1, JobStatus.QUEUED));

        HttpResponse<String> priority = api.post("/api/jobs/actions", "{\"action\": \"priority\", \"ids\": [1]}");
        HttpResponse<String> unknown = api.post("/api/jobs/actions", "{\"action\": \"explode\", \"ids\": [1]}");

        assertThat(priority.statusCode()).isEqualTo(422);
        assertThat(json(priority).get("fields").get("action").asText()).contains("cancel");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(engine.jobs.calls).isEmpty();
    }

    @Test
    void theIdsMustBeANonEmptyListOfWholeNumbersAndNothingElseIsAccepted() {
        assertThat(api.post("/api/jobs/actions", "{\"action\": \"cancel\", \"ids\": []}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(api.post("/api/jobs/actions", "{\"action\": \"cancel\", \"ids\": [1.5]}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(api.post("/api/jobs/actions", "{\"action\": \"cancel\", \"ids\": [\"one\"]}")
                        .statusCode())
                .isEqualTo(422);
        HttpResponse<String> extra =
                api.post("/api/jobs/actions", "{\"action\": \"cancel\", \"ids\": [1], \"all\": true}");
        assertThat(extra.statusCode()).isEqualTo(422);
        assertThat(json(extra).get("fields").has("all")).isTrue();
        assertThat(engine.jobs.calls).isEmpty();
    }
}
