package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.metrics.DaemonMetrics;
import dev.bulletproof.model.ErrorModel;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * GET /metrics for Prometheus, written by the Prometheus client library in the format the scraper asks
 * for (text by default). It lives outside /api, where Prometheus looks, so it checks the API token here.
 */
final class MetricsService implements HttpService {

    private static final ExpositionFormats FORMATS = ExpositionFormats.init();

    private final ApiContext context;

    MetricsService(ApiContext context) {
        this.context = context;
        context.engine()
                .metrics()
                .describe(context.options().version(), context.engine().tools().shortVersion());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/metrics", this::metrics);
    }

    private void metrics(ServerRequest request, ServerResponse response) {
        if (!context.access()
                .authorized(
                        request.headers().first(HeaderNames.AUTHORIZATION).orElse(null),
                        request.headers().first(HeaderNames.COOKIE).orElse(null))) {
            ApiErrors.send(
                    response,
                    401,
                    new ErrorModel("unauthorized", "a valid token is required (Authorization: Bearer <token>)"));
            return;
        }
        DaemonMetrics metrics = context.engine().metrics();
        ExpositionFormatWriter writer =
                FORMATS.findWriter(request.headers().first(HeaderNames.ACCEPT).orElse(null));
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        try {
            writer.write(body, metrics.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory; cannot happen
        }
        response.header(HeaderNames.CONTENT_TYPE, writer.getContentType());
        response.send(body.toByteArray());
    }
}
