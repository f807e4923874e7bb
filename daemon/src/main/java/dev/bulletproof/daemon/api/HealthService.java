package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.media.MediaTools;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

/** /api/health (liveness, answered without a token) and /api/openapi.yaml (the contract). */
final class HealthService implements HttpService {

    static final String OPENAPI_RESOURCE = "/api/openapi.yaml";

    record FfmpegInfo(String path, String version, String source) {}

    /** One configured watch folder: a disabled one is never counted as unavailable. */
    record FolderHealth(String path, boolean enabled, boolean available) {}

    /**
     * @param status {@code ok}, or {@code failing} (answered with 503) when the daemon can no longer do its
     *     work and should be restarted; {@code problems} says why
     * @param watchFolderAvailable false while any enabled watch folder is missing (then see watchFolders)
     */
    record Health(
            String status,
            java.util.List<String> problems,
            String version,
            long uptimeSeconds,
            boolean watchFolderAvailable,
            FfmpegInfo ffmpeg,
            java.util.List<FolderHealth> watchFolders) {}

    private final ApiContext context;
    private final byte[] openApi;

    HealthService(ApiContext context) {
        this.context = context;
        this.openApi = resource(OPENAPI_RESOURCE);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/health", this::health).get("/api/openapi.yaml", this::openApi);
    }

    private void health(ServerRequest request, ServerResponse response) {
        MediaTools tools = context.engine().tools();
        long uptime =
                Duration.between(context.startedAt(), context.clock().instant()).toSeconds();
        java.util.List<FolderHealth> folders = context.config().config().folders().stream()
                .map(f -> new FolderHealth(f.key(), f.enabled(), f.enabled() && Files.isDirectory(f.path())))
                .toList();
        java.util.List<String> problems =
                context.engine().queue().stalledBecause().stream().toList();
        JsonBodies.send(
                response,
                problems.isEmpty() ? io.helidon.http.Status.OK_200 : io.helidon.http.Status.SERVICE_UNAVAILABLE_503,
                new Health(
                        problems.isEmpty() ? "ok" : "failing",
                        problems,
                        context.options().version(),
                        uptime,
                        folders.stream().allMatch(f -> f.available() || !f.enabled()),
                        new FfmpegInfo(tools.ffmpeg().toString(), tools.version(), tools.source()),
                        folders));
    }

    private void openApi(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "application/yaml; charset=utf-8");
        response.send(openApi);
    }

    static byte[] resource(String name) {
        try (InputStream in = HealthService.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
