package dev.bulletproof.daemon.api;

import dev.bulletproof.model.ErrorModel;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The browser dashboard: files under {@code web/} on the classpath (the web-ui module's jar), with every
 * unknown page path answered by {@code index.html} so the single-page app's own routes survive a reload.
 * Without the web-ui jar, a short page explains how to build it. Unknown /api paths get a JSON 404.
 */
final class PagesService implements HttpService {

    static final String WEB_ROOT = "web/";
    private static final String NOT_BUILT_PAGE = "/api/dashboard-not-built.html";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2",
            "map", "application/json");

    private final ClassLoader loader = PagesService.class.getClassLoader();
    private final String webRoot;
    private final boolean dashboardBuilt;
    private final byte[] notBuiltPage = HealthService.resource(NOT_BUILT_PAGE);

    PagesService() {
        this(WEB_ROOT);
    }

    /** @param webRoot the classpath folder holding index.html and its assets, ending in "/" */
    PagesService(String webRoot) {
        this.webRoot = webRoot;
        this.dashboardBuilt = loader.getResource(webRoot + "index.html") != null;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any("/api/*", this::unknownApi).any("/ws/*", this::unknownApi).get("/*", this::page);
    }

    private void unknownApi(ServerRequest request, ServerResponse response) {
        ApiErrors.send(
                response,
                404,
                new ErrorModel(
                        "not_found",
                        "no such endpoint: " + request.prologue().method().text() + " "
                                + request.path().path()));
    }

    private void page(ServerRequest request, ServerResponse response) {
        if (!dashboardBuilt) {
            send(response, "html", notBuiltPage);
            return;
        }
        String path = request.path().path();
        String name = path.equals("/") || path.contains("..") ? "index.html" : path.substring(1);
        byte[] file = read(webRoot + name);
        if (file == null) {
            name = "index.html";
            file = read(webRoot + name);
        }
        send(response, extension(name), file);
    }

    private static void send(ServerResponse response, String extension, byte[] body) {
        response.header(HeaderNames.CONTENT_TYPE, TYPES.getOrDefault(extension, "application/octet-stream"));
        response.header("Content-Security-Policy", "default-src 'self'; connect-src 'self'; img-src 'self' data:");
        response.header("X-Frame-Options", "DENY");
        response.send(body);
    }

    private byte[] read(String resource) {
        if (resource.endsWith("/")) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
