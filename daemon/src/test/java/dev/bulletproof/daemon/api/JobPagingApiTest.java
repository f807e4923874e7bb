package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.NewFile;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paging through a long job list: by offset, and by id with {@code before}, which stays stable while jobs arrive. */
class JobPagingApiTest {

    @TempDir
    Path root;

    @Test
    void pagesByOffsetAndByBeforeWalkTheSameJobsNewestFirst() {
        try (ApiFixture api = ApiFixture.started(root)) {
            api.daemon.pool().pauseQueue();
            for (int i = 0; i < 7; i++) {
                String path = root.resolve("in").resolve("clip " + i + ".mov").toString();
                api.daemon
                        .jobs()
                        .registerFile(NewFile.ready(path, 100 + i, i, JobPlan.of("live-qlab", path + ".out", 0)));
            }

            HttpResponse<String> first = api.get("/api/jobs?limit=3");
            assertThat(first.headers().firstValue("X-Total-Count")).hasValue("7");
            List<Long> newest = ids(first);
            assertThat(newest).hasSize(3).isSortedAccordingTo((a, b) -> Long.compare(b, a));

            List<Long> byBefore = ids(api.get("/api/jobs?limit=3&before=" + newest.getLast()));
            List<Long> byOffset = ids(api.get("/api/jobs?limit=3&offset=3"));
            assertThat(byBefore).hasSize(3).isEqualTo(byOffset).allMatch(id -> id < newest.getLast());

            // A job arriving meanwhile shifts offsets by one but leaves the "before" page where it was.
            String late = root.resolve("in").resolve("late.mov").toString();
            api.daemon.jobs().registerFile(NewFile.ready(late, 1, 1, JobPlan.of("live-qlab", late + ".out", 0)));
            assertThat(ids(api.get("/api/jobs?limit=3&before=" + newest.getLast())))
                    .isEqualTo(byBefore);
            assertThat(ids(api.get("/api/jobs?limit=3&offset=3"))).isNotEqualTo(byOffset);

            List<Long> last = ids(api.get("/api/jobs?limit=3&before=" + byBefore.getLast()));
            assertThat(last).hasSize(1);
            assertThat(ids(api.get("/api/jobs?limit=3&before=" + last.getFirst())))
                    .isEmpty();
        }
    }

    private static List<Long> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        for (JsonNode job : ApiFixture.json(response)) {
            ids.add(Long.parseLong(job.get("id").asText()));
        }
        return ids;
    }
}
