package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulletproof.daemon.app.Daemon;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route the server registers is described in the hand-written OpenAPI document, and nothing more. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "post", "delete", "put", "patch");

    record Route(String method, String path) {}

    @TempDir
    Path root;

    @Test
    void everyRegisteredRouteIsInTheDocument() throws Exception {
        List<Route> routes;
        try (ApiFixture api = ApiFixture.started(root)) {
            routes = registeredRoutes(api.daemon);
        }
        JsonNode paths = new ObjectMapper(new YAMLFactory())
                .readTree(HealthService.resource(HealthService.OPENAPI_RESOURCE))
                .get("paths");

        assertThat(routes).hasSizeGreaterThan(20);
        for (Route route : routes) {
            assertThat(paths.has(route.path())).as(route.path()).isTrue();
            assertThat(paths.get(route.path()).has(route.method()))
                    .as(route.method() + " " + route.path())
                    .isTrue();
        }
        assertThat(paths.has("/ws/updates")).isTrue();
        List<Route> documented = new ArrayList<>();
        paths.properties()
                .forEach(path -> path.getValue().properties().stream()
                        .filter(method -> METHODS.contains(method.getKey()))
                        .forEach(method -> documented.add(new Route(method.getKey(), path.getKey()))));
        documented.remove(new Route("get", "/ws/updates"));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void documentIsOpenApi31() throws Exception {
        JsonNode document =
                new ObjectMapper(new YAMLFactory()).readTree(HealthService.resource(HealthService.OPENAPI_RESOURCE));

        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.get("components").get("schemas").has("Job")).isTrue();
    }

    /** Runs each service's routing against a recorder instead of a server. */
    private static List<Route> registeredRoutes(Daemon daemon) {
        ApiContext context = new ApiContext(
                daemon.engine(),
                new AccessRules(null, "127.0.0.1"),
                null,
                new ApiOptions(0, 1024, "test", Clock.systemUTC()),
                Clock.systemUTC().instant());
        List<Route> routes = new ArrayList<>();
        HttpRules recorder = (HttpRules) Proxy.newProxyInstance(
                HttpRules.class.getClassLoader(), new Class<?>[] {HttpRules.class}, (proxy, method, args) -> {
                    if (METHODS.contains(method.getName())
                            && args != null
                            && args.length == 2
                            && args[0] instanceof String path) {
                        routes.add(new Route(method.getName().toLowerCase(Locale.ROOT), path));
                    }
                    return proxy;
                });
        for (HttpService service : ApiServer.services(context)) {
            service.routing(recorder);
        }
        return routes;
    }
}
