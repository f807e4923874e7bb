package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.daemon.config.ConfigValidationException;
import dev.bulletproof.daemon.events.EventBus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Token, cookie, Host and start-up refusals: the defects of the original tool's API must stay fixed. */
class ApiSecurityTest {

    @TempDir
    Path root;

    @Test
    void tokenFileIsOwnerOnlyAndKeptAcrossRestarts() throws Exception {
        String first;
        try (ApiFixture api = ApiFixture.started(root)) {
            first = api.token;
            assertThat(first).hasSizeGreaterThanOrEqualTo(43);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(api.data.resolve("token"))))
                    .isEqualTo("rw-------");
        }
        try (ApiFixture again = ApiFixture.started(root)) {
            assertThat(again.token).isEqualTo(first);
        }
    }

    @Test
    void openingThePrintedUrlSetsAStrictHttpOnlyCookieThatThenAuthorisesTheApi() {
        try (ApiFixture api = ApiFixture.started(root)) {
            HttpResponse<String> opened =
                    api.send(HttpRequest.newBuilder(api.uri("/?token=" + api.token + "&view=jobs"))
                            .build());

            assertThat(opened.statusCode()).isEqualTo(303);
            assertThat(opened.headers().firstValue("Location")).hasValue("/?view=jobs");
            String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
            String pair = cookie.substring(0, cookie.indexOf(';'));
            HttpResponse<String> withCookie = api.send(HttpRequest.newBuilder(api.uri("/api/jobs"))
                    .header("Cookie", pair)
                    .build());
            assertThat(withCookie.statusCode()).isEqualTo(200);
            HttpResponse<String> wrongToken =
                    api.send(HttpRequest.newBuilder(api.uri("/?token=nope")).build());
            assertThat(wrongToken.statusCode()).isEqualTo(401);
            assertThat(wrongToken.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void rootPageExplainsHowToBuildTheDashboardWhenItIsMissing() {
        try (ApiFixture api = ApiFixture.started(root)) {
            HttpResponse<String> page =
                    api.send(HttpRequest.newBuilder(api.uri("/")).build());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body())
                    .contains("mvn -pl web-ui -am package")
                    .contains("/api/health")
                    .contains("/api/openapi.yaml");
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            evil.example,           403
            evil.example:PORT,      403
            127.0.0.1.evil.example, 403
            localhost:1,            403
            localhost:PORT,         200
            127.0.0.1:PORT,         200
            [::1]:PORT,             200
            """)
    void onlyThisServersOwnHostNamesAreAnswered(String host, int expected) {
        try (ApiFixture api = ApiFixture.started(root)) {
            String response = api.raw(
                    "GET /api/queue HTTP/1.1\r\nHost: " + host.replace("PORT", Integer.toString(api.server.port()))
                            + "\r\nAuthorization: Bearer " + api.token + "\r\nConnection: close\r\n\r\n");

            assertThat(response).startsWith("HTTP/1.1 " + expected);
        }
    }

    @Test
    void markupInAFileNameComesBackAsAPlainJsonString() throws Exception {
        try (ApiFixture api = ApiFixture.started(root)) {
            String name = "<img src=x onerror=alert(1)>.mov";
            api.drop(name, 1);
            api.awaitAllFinished(1);

            HttpResponse<String> response = api.get("/api/jobs");

            JsonNode job = ApiFixture.json(response).get(0);
            assertThat(job.get("filename").asText()).isEqualTo(name);
            assertThat(response.body()).doesNotContain("&lt;").doesNotContain("\\u003c");
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    /**
     * A daemon bound to every interface, opened by address from another machine: the page, the API and
     * the live updates must all answer. 127.0.0.2 stands in for the LAN address: it is not one of the
     * loopback names the rules know, only an address this machine has.
     */
    @Test
    void aDaemonBoundToEveryInterfaceServesApiAndLiveUpdatesToItsAddressAndListedNames() throws Exception {
        try (ApiFixture api = new ApiFixture(
                                root, "server: { host: 0.0.0.0, port: 0, allowed_hosts: [ingest.local] }\n")
                        .start();
                WsClient client = WsClient.connect(api, api.token, "127.0.0.2")) {
            client.await(WsClient.type("queue_update"), Duration.ofSeconds(10));

            for (String name : new String[] {"ingest.local", "other.local"}) {
                String response = api.raw("GET /api/queue HTTP/1.1\r\nHost: " + name + ":" + api.server.port()
                        + "\r\nAuthorization: Bearer " + api.token + "\r\nConnection: close\r\n\r\n");
                assertThat(response)
                        .as("a LAN name is answered only when listed in server.allowed_hosts")
                        .startsWith(name.equals("ingest.local") ? "HTTP/1.1 200" : "HTTP/1.1 403");
            }

            HttpResponse<String> queue = java.net.http.HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            java.net.URI.create("http://127.0.0.2:" + api.server.port() + "/api/queue"))
                                    .header("Authorization", "Bearer " + api.token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(queue.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void authNoneOnANonLoopbackAddressRefusesToStart() {
        ApiFixture fixture = new ApiFixture(root, "server: { host: 0.0.0.0, port: 0, auth: none }\n");

        assertThatThrownBy(() ->
                        Daemon.start(new Daemon.Options(fixture.configFile, fixture.data, null, null), new EventBus()))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("server.auth");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            127.0.0.1,   true
            localhost,   true
            ::1,         true
            [::1],       true
            0.0.0.0,     false
            192.0.2.10,  false
            """)
    void onlyLoopbackAddressesMayRunWithoutAuth(String host, boolean loopback) {
        assertThat(ApiServer.isLoopback(host)).isEqualTo(loopback);
    }

    @Test
    void authNoneOnLoopbackNeedsNoToken() {
        try (ApiFixture api = new ApiFixture(root, "server: { host: 127.0.0.1, port: 0, auth: none }\n").start()) {
            HttpResponse<String> response =
                    api.send(HttpRequest.newBuilder(api.uri("/api/queue")).build());

            assertThat(api.token).isNull();
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPortInUseIsAClearStartError() {
        try (ApiFixture first = ApiFixture.started(root)) {
            assertThatThrownBy(() -> ApiServer.start(
                            first.daemon.engine(), ApiOptions.defaults().withPort(first.server.port())))
                    .isInstanceOf(ApiStartException.class)
                    .hasMessageContaining("already in use");
            assertThat(first.get("/api/queue").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void stopIsIdempotent() {
        ApiFixture api = ApiFixture.started(root);
        api.server.stop();
        api.server.stop();
        api.daemon.stop(Duration.ofSeconds(5));
    }
}
