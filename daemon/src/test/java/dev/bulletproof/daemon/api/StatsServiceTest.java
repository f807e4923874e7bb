package dev.bulletproof.daemon.api;

import static dev.bulletproof.daemon.api.HandlerServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/stats over a stand-in history: the defaults of the ranges and the refusals of bad ones. */
class StatsServiceTest {

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
    void theSummaryIsTheHistorysTotals() {
        HttpResponse<String> response = api.get("/api/stats");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("total_jobs").asLong()).isEqualTo(7);
        assertThat(json(response).get("last_24h").asLong()).isEqualTo(3);
    }

    @Test
    void historyDefaultsToTheLast24HourlyBuckets() {
        HttpResponse<String> response = api.get("/api/stats/history");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(engine.history.asked).containsExactly("buckets 2026-02-28T10:00:00Z 2026-03-01T10:00:00Z hour");
    }

    @Test
    void anUnknownBucketOrAnEmptyRangeIsABadRequestThatNamesTheParameter() {
        HttpResponse<String> bucket = api.get("/api/stats/history?bucket=week");
        HttpResponse<String> range = api.get("/api/stats/timeline?from=2026-03-01T10:00:00Z&to=2026-03-01T09:00:00Z");

        assertThat(bucket.statusCode()).isEqualTo(400);
        assertThat(json(bucket).get("fields").has("bucket")).isTrue();
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(json(range).get("fields").has("from")).isTrue();
        assertThat(engine.history.asked).isEmpty();
    }
}
