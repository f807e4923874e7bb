package dev.bulletproof.daemon.api;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** /api/stats: the summary cards, time buckets and the per-job timeline, all from the job history. */
final class StatsService implements HttpService {

    private static final Set<String> BUCKETS = Set.of("hour", "day");
    private static final long MAX_BUCKETS = 5000;
    static final int MAX_TIMELINE = 10_000;

    private final ApiContext context;

    StatsService(ApiContext context) {
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/stats", this::summary)
                .get("/api/stats/summary", this::summary)
                .get("/api/stats/history", this::history)
                .get("/api/stats/timeline", this::timeline);
    }

    private void summary(ServerRequest request, ServerResponse response) {
        JsonBodies.send(response, context.history().get().summary());
    }

    private void history(ServerRequest request, ServerResponse response) {
        String bucket = QueryParams.text(request, "bucket").orElse("hour");
        if (!BUCKETS.contains(bucket)) {
            throw ApiException.badParameter(
                    "bucket", "must be 'hour' or 'day', was '" + QueryParams.shown(bucket) + "'");
        }
        Duration size = bucket.equals("hour") ? Duration.ofHours(1) : Duration.ofDays(1);
        Range range = range(request, size.multipliedBy(bucket.equals("hour") ? 24 : 30));
        if (Duration.between(range.from(), range.to()).dividedBy(size) > MAX_BUCKETS) {
            throw ApiException.badParameter(
                    "from", "is too far before to: more than " + MAX_BUCKETS + " " + bucket + " buckets");
        }
        JsonBodies.send(response, context.history().get().buckets(range.from(), range.to(), bucket));
    }

    private void timeline(ServerRequest request, ServerResponse response) {
        Range range = range(request, Duration.ofDays(7));
        int limit = QueryParams.integer(request, "limit", 1000, 1, MAX_TIMELINE);
        JsonBodies.send(response, context.history().get().timeline(range.from(), range.to(), limit));
    }

    private record Range(Instant from, Instant to) {}

    /** {@code to} defaults to now and {@code from} to {@code defaultSpan} before it. */
    private Range range(ServerRequest request, Duration defaultSpan) {
        Instant to = QueryParams.instant(request, "to")
                .orElseGet(() -> context.clock().instant());
        Instant from = QueryParams.instant(request, "from").orElse(to.minus(defaultSpan));
        if (!from.isBefore(to)) {
            throw ApiException.badParameter("from", "must be before to");
        }
        return new Range(from, to);
    }
}
