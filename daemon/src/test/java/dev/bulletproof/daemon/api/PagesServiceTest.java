package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built dashboard's files, with index.html for the single-page app's own routes. */
class PagesServiceTest {

    private static WebServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void serveTheTestDashboard() {
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.register(new PagesService("api-test-web/")))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            /,                       200, text/html,        dashboard
            /jobs/42,                200, text/html,        dashboard
            /assets/app.js,          200, text/javascript,  console.log
            /assets/missing.js,      200, text/html,        dashboard
            /../../etc/passwd,       200, text/html,        dashboard
            /api/nothing-here,       404, application/json, not_found
            """)
    void servesFilesAndFallsBackToTheAppPage(String path, int status, String type, String content) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(type));
        assertThat(response.body()).contains(content);
    }

    @Test
    void pagesForbidFramingAndForeignScripts() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
    }
}
