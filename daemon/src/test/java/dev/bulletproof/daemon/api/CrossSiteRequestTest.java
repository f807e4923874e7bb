package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.api.OpenApiOperations.Operation;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What another web page can make a browser send with the daemon's cookie: a form post or a text/plain
 * fetch, from any origin, including another port of 127.0.0.1 (the same "site" for SameSite). Every
 * state-changing endpoint of the served OpenAPI document must refuse them all and change nothing.
 */
class CrossSiteRequestTest {

    /** Another server on this machine: same host, other port. */
    private static final String OTHER_PORT_PAGE = "http://127.0.0.1:1";

    @TempDir
    static Path root;

    static ApiFixture api;
    static String jobId;

    @BeforeAll
    static void startDaemonWithOneFinishedJob() {
        api = ApiFixture.started(root);
        api.drop("clip.mov", 1);
        api.awaitAllSettled(1);
        jobId = Long.toString(api.jobs().getFirst().id());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** What a browser sends; Origin is left out where an older browser would leave it out. */
    private record Attempt(String contentType, String body, String origin, String fetchSite, int expected) {
        @Override
        public String toString() {
            return contentType + " '" + body + "' Origin " + origin + " Sec-Fetch-Site " + fetchSite;
        }
    }

    private static final List<Attempt> ATTEMPTS = List.of(
            new Attempt("application/x-www-form-urlencoded", "priority=9&path=%2Fetc%2Fpasswd", null, null, 415),
            new Attempt("text/plain", "", null, null, 415),
            new Attempt("text/plain;charset=UTF-8", "{}", null, null, 415),
            new Attempt("multipart/form-data; boundary=x", "--x--", null, null, 415),
            new Attempt("application/x-www-form-urlencoded", "a=b", OTHER_PORT_PAGE, "same-site", 403),
            new Attempt("text/plain", "", OTHER_PORT_PAGE, "same-site", 403),
            new Attempt("text/plain", "", "http://evil.example", "cross-site", 403),
            new Attempt("application/x-www-form-urlencoded", "", "null", "cross-site", 403),
            // JSON needs a preflight this server never grants; refused even if a browser skipped it.
            new Attempt("application/json", "{}", OTHER_PORT_PAGE, "same-site", 403),
            new Attempt("application/json", "{}", "null", null, 403),
            new Attempt("application/json", "{}", null, "same-site", 403),
            new Attempt("application/json", "{}", null, "cross-site", 403));

    @Test
    void formAndTextPostsWithTheCookieChangeNothingAtAnyStateChangingEndpoint() {
        List<Operation> stateChanging = OpenApiOperations.servedBy(api).stateChanging();
        LiveState before = LiveState.of(api);
        List<String> wrong = new ArrayList<>();

        for (Operation operation : stateChanging) {
            for (Attempt attempt : ATTEMPTS) {
                HttpResponse<String> response = withCookie(operation.method(), operation.path(jobId), attempt);
                if (response.statusCode() != attempt.expected()) {
                    wrong.add(operation + " " + attempt + " -> " + response.statusCode() + " " + response.body());
                }
            }
        }

        assertThat(stateChanging)
                .extracting(Operation::toString)
                .contains("POST /api/queue/pause", "DELETE /api/jobs/{id}", "POST /api/config", "POST /api/jobs");
        assertThat(wrong).isEmpty();
        assertThat(LiveState.of(api)).isEqualTo(before);
    }

    /** The control: the dashboard's own page, with the cookie, JSON and its own Origin, may change state. */
    @Test
    void theDashboardsOwnPageMayChangeStateWithTheCookie() {
        String origin = "http://127.0.0.1:" + api.server.port();
        try {
            HttpResponse<String> paused = withCookie(
                    "POST", "/api/queue/pause", new Attempt("application/json", "", origin, "same-origin", 200));
            HttpResponse<String> resumed = withCookie(
                    "POST", "/api/queue/resume", new Attempt("application/json; charset=utf-8", "{}", null, null, 200));

            assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
            assertThat(ApiFixture.json(paused).get("paused").asBoolean()).isTrue();
            assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
            assertThat(api.daemon.pool().isQueuePaused()).isFalse();
        } finally {
            api.daemon.pool().resumeQueue();
        }
    }

    /** A bearer token is never sent by a browser on its own, so a bearer request's Origin does not matter. */
    @Test
    void aBearerRequestIsNotJudgedByItsOrigin() {
        try {
            HttpResponse<String> response = api.send(api.request("/api/queue/pause")
                    .header("Content-Type", "application/json")
                    .header("Origin", "http://evil.example")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());

            assertThat(response.statusCode()).isEqualTo(200);
        } finally {
            api.daemon.pool().resumeQueue();
        }
    }

    @Test
    void aBearerRequestStillNeedsJson() {
        HttpResponse<String> response = api.send(api.request("/api/queue/pause")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        JsonNode error = ApiFixture.json(response);
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(error.get("error").asText()).isEqualTo("unsupported_media_type");
        assertThat(api.daemon.pool().isQueuePaused()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            http://127.0.0.1:PORT,    127.0.0.1:PORT, true
            http://localhost:PORT,    localhost:PORT, true
            HTTP://LOCALHOST:PORT,    localhost:PORT, true
            http://127.0.0.1:PORT,    localhost:PORT, false
            http://127.0.0.1:1,       127.0.0.1:PORT, false
            http://127.0.0.1,         127.0.0.1:PORT, false
            https://127.0.0.1:PORT,   127.0.0.1:PORT, false
            http://127.0.0.1:PORT/x,  127.0.0.1:PORT, false
            http://u@127.0.0.1:PORT,  127.0.0.1:PORT, false
            null,                     127.0.0.1:PORT, false
            '',                       127.0.0.1:PORT, false
            http://[::1]:PORT,        [::1]:PORT,     true
            http://127.0.0.1,         127.0.0.1,      true
            """)
    void originMustBeExactlyTheAddressTheRequestWasSentTo(String origin, String host, boolean same) {
        String port = "8000";
        assertThat(AccessRules.sameOrigin(origin.replace("PORT", port), host.replace("PORT", port), "http"))
                .isEqualTo(same);
    }

    private static HttpResponse<String> withCookie(String method, String path, Attempt attempt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path))
                .header("Cookie", AccessRules.COOKIE_NAME + "=" + api.token)
                .header("Content-Type", attempt.contentType())
                .method(method, HttpRequest.BodyPublishers.ofString(attempt.body()));
        if (attempt.origin() != null) {
            request.header("Origin", attempt.origin());
        }
        if (attempt.fetchSite() != null) {
            request.header("Sec-Fetch-Site", attempt.fetchSite());
        }
        return api.send(request.build());
    }
}
