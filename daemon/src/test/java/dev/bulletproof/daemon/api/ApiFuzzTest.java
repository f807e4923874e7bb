package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.api.OpenApiOperations.Operation;
import dev.bulletproof.daemon.api.OpenApiOperations.Parameter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Garbage of every kind at every endpoint of the OpenAPI document the daemon serves: never a 5xx, every
 * refusal a JSON error, and nothing changes (queue, jobs, config file). A new endpoint is fuzzed as soon
 * as it is documented. The body of POST /api/config is fuzzed by the config tests, and a JSON request to
 * /api/config/reset is exactly what resets, so those two get only the refusals the access filter makes.
 */
class ApiFuzzTest {

    private static final String CONFIG = "/api/config";

    /** Bodies that are not what any endpoint wants: malformed, wrong types, nesting bombs, unknown keys. */
    private static final List<String> BODIES = List.of(
            "",
            "{",
            "}",
            "[]",
            "[null]",
            "null",
            "42",
            "\"text\"",
            "{\"bogus\": 1}",
            "{\"a\": {\"b\": [null, {\"c\": null}]}}",
            "{\"path\": 5}",
            "{\"path\": [null]}",
            "{\"path\": \"/no/such/file.mov\", \"profile\": \"live-qlab\"}",
            "{\"path\": \"/tmp\", \"profile\": \"live-qlab\"}",
            "{\"path\": \"relative.mov\", \"profile\": \"live-qlab\"}",
            "{\"path\": \"/tmp/a\\u0000b.mov\", \"profile\": \"live-qlab\"}",
            "{\"path\": \"a\\u0000b\", \"profile\": \"x\"}",
            "{\"priority\": \"high\"}",
            "{\"priority\": 1e999}",
            "{\"priority\": 99999999999999999999}",
            "{\"priority\": -99999999999999999999}",
            "{\"priority\": [null]}",
            "{\"filename\": \"../../etc/passwd\"}",
            "{\"filename\": \"/etc/passwd\"}",
            "{\"filename\": 12}",
            "{\"filename\": \"a\\u0000b.mov\"}",
            "{\"filename\": \"\\ud800.mov\"}",
            "{\"type\": \"ping\"}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
            "{\"a\": \"" + "\u00e9".repeat(10_000) + "\"}");

    /** A value of each wrong kind, and for strings the nasty right kind, for one property at a time. */
    private static final List<String> ANY_TYPE_GARBAGE =
            List.of("null", "[]", "{}", "[null]", "true", "1e999", "99999999999999999999", "-0.0", "\"\"");

    private static final List<String> STRING_GARBAGE = List.of(
            "\"a\\u0000b\"",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "\"\\u202e\\ufeff\\u200b.mov\"",
            "\"\\ud83c\\udfac.mov\"",
            "\"../../../../etc/passwd\"",
            "\"/\"",
            "\"\\\\\\\\server\\\\share\\\\x.mov\"",
            "\"CON\"",
            "\"\\n\"",
            "\"*\"",
            "\"" + "x".repeat(100_000) + "\"");

    private static final List<String> INTEGER_GARBAGE =
            List.of("2147483648", "-2147483649", "9223372036854775808", "1.5", "\"5\"", "1e3");

    /** Ids that name no job, or are not ids: the real job's id is never among them. */
    private static final List<String> BAD_IDS = List.of(
            "0",
            "-1",
            "999999",
            "abc",
            "1e3",
            "%00",
            "99999999999999999999",
            "9223372036854775807",
            "-9223372036854775808",
            "1%2F..",
            "%C3%A9",
            "%FF");

    private static final List<String> INTEGER_VALUES = List.of(
            "-1",
            "0",
            "2147483648",
            "-2147483649",
            "99999999999999999999",
            "-99999999999999999999",
            "9223372036854775807",
            "-9223372036854775808",
            "1e3",
            "0x10",
            "abc",
            "",
            "%00",
            "1%002");

    private static final List<String> INSTANT_VALUES = List.of(
            "-999999999-01-01T00:00:00Z",
            "%2B999999999-12-31T23:59:59Z",
            "-1000000000-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "2025-13-01T00:00:00Z",
            "2025-01-01T00:00:00%2B99:00",
            "2025-01-01T25:00:00",
            "yesterday",
            "%00",
            "2025-01-01T00:00:00Z%00");

    private static final List<String> TEXT_VALUES = List.of(
            "%00",
            "a%00b",
            "%E2%80%AE%EF%BB%BF",
            "%F0%9F%8E%AC",
            "%ED%A0%80",
            "%C0%80",
            "%FF%FE",
            "%25",
            "_",
            "%27%3B%20DROP%20TABLE%20jobs%3B--",
            "%5C",
            ",,,",
            "x".repeat(5000));

    /** Declared JSON in some other way, or not at all: every state change must answer 415. */
    private static final List<String> NOT_JSON = List.of(
            "text/plain",
            "text/plain; charset=utf-8",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonx",
            "application/json-seq",
            "text/json",
            "%%%;;;=",
            "");

    @TempDir
    Path root;

    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void garbageAtEveryEndpointIsNeverA5xxAndChangesNothing() {
        try (ApiFixture api = ApiFixture.started(root)) {
            Path input = api.drop("clip.mov", 1);
            api.awaitAllSettled(1);
            String jobId = Long.toString(api.jobs().getFirst().id());
            List<Operation> operations = OpenApiOperations.servedBy(api).all();
            LiveState before = LiveState.of(api);

            for (Operation operation : operations) {
                fuzzQuery(api, operation, jobId);
                fuzzIds(api, operation);
                if (operation.changesState()) {
                    fuzzContentTypes(api, operation, jobId);
                    if (!operation.pathTemplate().startsWith(CONFIG)) {
                        fuzzBodies(api, operation, jobId, input);
                    }
                }
            }

            System.out.println("fuzz responses by status: " + statuses);
            assertThat(operations).hasSizeGreaterThan(20);
            assertThat(failures).isEmpty();
            assertThat(statuses.keySet()).contains(400, 404, 409, 413, 415, 422);
            assertThat(LiveState.of(api)).isEqualTo(before);
            assertThat(api.get("/api/health").statusCode()).isEqualTo(200);
        }
    }

    /** Query parameters only exist on reads today; each gets the bad values its schema type invites. */
    private void fuzzQuery(ApiFixture api, Operation operation, String jobId) {
        if (operation.changesState()) {
            return;
        }
        for (Parameter parameter : operation.queryParameters()) {
            for (String value : valuesFor(parameter)) {
                String path = operation.path(jobId) + "?" + parameter.name() + "=" + value;
                check(
                        operation + " ?" + parameter.name() + "=" + value,
                        answer(api, api.request(path).build()));
            }
        }
    }

    private static List<String> valuesFor(Parameter parameter) {
        if (parameter.type().equals("integer")) {
            List<String> values = new ArrayList<>(INTEGER_VALUES);
            if (parameter.maximum() != null) {
                values.add(Long.toString(parameter.maximum() + 1));
            }
            if (parameter.minimum() != null) {
                values.add(Long.toString(parameter.minimum() - 1));
            }
            return values;
        }
        if ("date-time".equals(parameter.format())) {
            return Stream.concat(INSTANT_VALUES.stream(), TEXT_VALUES.stream()).toList();
        }
        return TEXT_VALUES;
    }

    private void fuzzIds(ApiFixture api, Operation operation) {
        if (!operation.hasJobId()) {
            return;
        }
        for (String id : BAD_IDS) {
            String path = operation.path(id);
            String what = operation + " id=" + id;
            if (!operation.changesState()) {
                check(what, answer(api, api.request(path).build()));
            } else {
                check(what, send(api, operation.method(), path, "application/json", plausibleBody(operation)));
            }
        }
    }

    private void fuzzContentTypes(ApiFixture api, Operation operation, String jobId) {
        String path = operation.path(jobId);
        for (String type : NOT_JSON) {
            for (String body : List.of("", "{}", "a=b")) {
                HttpResponse<String> response = send(api, operation.method(), path, type, body);
                String what = operation + " Content-Type '" + type + "' body '" + body + "'";
                check(what, response);
                if (response != null && response.statusCode() != 415) {
                    failures.add(what + " -> " + response.statusCode() + ", not 415");
                }
            }
        }
        HttpResponse<String> huge = sendAlone(
                api,
                operation.method(),
                path,
                HttpRequest.BodyPublishers.ofString("{\"a\":\"" + "x".repeat(1_100_000) + "\"}"));
        check(operation + " huge body", huge);
        if (huge != null && huge.statusCode() != 413) {
            failures.add(operation + " huge body -> " + huge.statusCode() + ", not 413");
        }
    }

    private void fuzzBodies(ApiFixture api, Operation operation, String jobId, Path input) {
        String path = operation.path(jobId);
        List<String> bodies = new ArrayList<>(BODIES);
        if (!operation.takesBody()) {
            // No body and {} are the request itself; everything else must be refused, not ignored.
            bodies.removeIf(body -> body.isEmpty() || body.equals("{}"));
        }
        operation.bodyProperties().forEach((property, type) -> {
            for (String value : garbageFor(type)) {
                bodies.add(bodyWith(operation, property, value, input));
            }
        });
        bodies.add(bodyWith(operation, "bogus", "1", input));
        for (String body : bodies) {
            check(operation + " " + abbreviated(body), send(api, operation.method(), path, "application/json", body));
        }
        HttpResponse<String> chunked = sendAlone(api, operation.method(), path, chunkedJunk());
        check(operation + " huge chunked body", chunked);
    }

    private static List<String> garbageFor(String type) {
        List<String> values = new ArrayList<>(ANY_TYPE_GARBAGE);
        values.addAll(
                switch (type) {
                    case "string" -> STRING_GARBAGE;
                    case "integer", "number" -> INTEGER_GARBAGE;
                    default -> List.of();
                });
        return values;
    }

    /**
     * One property set to {@code value}, every other declared property to a value that passes on its own
     * and still cannot change anything (the existing input already has its job; a file name is a dry run).
     */
    private static String bodyWith(Operation operation, String property, String value, Path input) {
        StringBuilder body = new StringBuilder("{");
        body.append(quoted(property)).append(": ").append(value);
        operation.bodyProperties().forEach((name, type) -> {
            if (!name.equals(property)) {
                body.append(", ").append(quoted(name)).append(": ").append(harmless(name, input));
            }
        });
        return body.append("}").toString();
    }

    private static String harmless(String property, Path input) {
        return switch (property) {
            case "path" -> quoted(input.toString());
            case "profile" -> quoted("live-qlab");
            case "filename" -> quoted("show.mov");
            default -> "\"not-a-" + property + "\"";
        };
    }

    /** A body for a bad id that would be valid for a real one, so only the id is wrong. */
    private static String plausibleBody(Operation operation) {
        if (operation.bodyProperties().isEmpty()) {
            return "";
        }
        StringBuilder body = new StringBuilder("{");
        operation.bodyProperties().forEach((name, type) -> {
            if (body.length() > 1) {
                body.append(", ");
            }
            body.append(quoted(name)).append(": ").append(type.equals("integer") ? "1" : quoted("x"));
        });
        return body.append("}").toString();
    }

    private HttpResponse<String> send(ApiFixture api, String method, String path, String type, String body) {
        HttpRequest.Builder request = api.request(path).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (!type.isEmpty()) {
            request.header("Content-Type", type);
        }
        return answer(api, request.build());
    }

    /**
     * On a connection of its own: the server answers a body that is too large before reading it all and
     * then closes the connection, which a pooled client could otherwise try to reuse for the next request.
     */
    private static HttpResponse<String> sendAlone(
            ApiFixture api, String method, String path, HttpRequest.BodyPublisher body) {
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            return client.send(
                    api.request(path)
                            .header("Content-Type", "application/json")
                            .method(method, body)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Null when the server closed the connection without answering, which {@link #check} reports. */
    private static HttpResponse<String> answer(ApiFixture api, HttpRequest request) {
        try {
            return api.send(request);
        } catch (java.io.UncheckedIOException e) {
            return null;
        }
    }

    /** Two megabytes with no Content-Length, so only reading the body can tell it is too large. */
    private static HttpRequest.BodyPublisher chunkedJunk() {
        byte[] chunk = ("[\"" + "x".repeat(64 * 1024) + "\",").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofByteArrays(java.util.Collections.nCopies(32, chunk));
    }

    private void check(String what, HttpResponse<String> response) {
        if (response == null) {
            failures.add(abbreviated(what) + " -> no answer, the connection was closed");
            return;
        }
        statuses.merge(response.statusCode(), 1, Integer::sum);
        boolean jsonError = response.statusCode() < 400
                || response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        if (response.statusCode() >= 500 || !jsonError) {
            failures.add(abbreviated(what) + " -> " + response.statusCode() + " " + abbreviated(response.body()));
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String abbreviated(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
