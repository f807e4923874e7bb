package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Garbage of every kind at every endpoint: never a 5xx, and nothing changes. */
class ApiFuzzTest {

    private static final List<String> BODIES = List.of(
            "",
            "{",
            "}",
            "[]",
            "null",
            "42",
            "\"text\"",
            "{\"path\": 5}",
            "{\"path\": \"/no/such/file.mov\", \"profile\": \"live-qlab\"}",
            "{\"path\": \"/tmp\", \"profile\": \"live-qlab\"}",
            "{\"path\": \"relative.mov\", \"profile\": \"live-qlab\"}",
            "{\"path\": \"/tmp/a\\u0000b.mov\", \"profile\": \"live-qlab\"}",
            "{\"priority\": \"high\"}",
            "{\"priority\": 1e999}",
            "{\"priority\": 99999999999999999999}",
            "{\"max_workers\": -1}",
            "{\"max_workers\": \"x\"}",
            "{\"monitor_folder\": 7}",
            "{\"monitor_folder\": \"/no/such/folder\"}",
            "{\"output_folder\": \"./in/nested\"}",
            "{\"rules\": \"no\"}",
            "{\"rules\": [{\"pattern\": null}]}",
            "{\"rules\": [{\"pattern\": \"*.mov\", \"profile\": \"nope\"}]}",
            "{\"rules\": [{\"pattern\": \"(\", \"pattern_type\": \"regex\", \"profile\": \"live-qlab\"}]}",
            "{\"rules\": [{\"pattern\": \"*\", \"profile\": \"live-qlab\", \"output_pattern\": \"../../x\"}]}",
            "{\"server\": 5}",
            "{\"on_success\": \"shred\"}",
            "{\"max_worker\": 3}",
            "{\"filename\": \"../../etc/passwd\"}",
            "{\"filename\": \"/etc/passwd\"}",
            "{\"filename\": 12}",
            "{\"type\": \"ping\"}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"a\": \"" + "\u00e9".repeat(10_000) + "\"}");

    private static final List<String> JOB_IDS =
            List.of("0", "-1", "999999", "abc", "1e3", "%00", "99999999999999999999", "1%2F..");

    private static final List<String> QUERIES = List.of(
            "/api/jobs?limit=0",
            "/api/jobs?limit=-1",
            "/api/jobs?limit=abc",
            "/api/jobs?limit=100000",
            "/api/jobs?offset=-5",
            "/api/jobs?offset=x",
            "/api/jobs?before=x",
            "/api/jobs?status=bogus",
            "/api/jobs?status=,,",
            "/api/jobs?q=%27%3B%20DROP%20TABLE%20jobs%3B--",
            "/api/jobs?q=%25",
            "/api/jobs?profile=%00",
            "/api/stats/history?bucket=week",
            "/api/stats/history?from=yesterday",
            "/api/stats/history?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z",
            "/api/stats/history?from=0001-01-01T00:00:00Z&to=9999-01-01T00:00:00Z",
            "/api/stats/timeline?limit=0",
            "/api/stats/timeline?to=%00",
            "/api/jobs/1/log?lines=0",
            "/api/jobs/1/log?lines=abc",
            "/api/jobs/1/log?lines=99999999");

    @TempDir
    Path root;

    @Test
    void garbageAtEveryEndpointIsNeverA5xxAndChangesNothing() throws Exception {
        try (ApiFixture api = ApiFixture.started(root)) {
            byte[] configBefore = Files.readAllBytes(api.configFile);
            long jobsBefore = api.jobs().size();
            List<String> failures = new ArrayList<>();

            for (String query : QUERIES) {
                check(failures, "GET " + query, api.get(query));
            }
            for (String id : JOB_IDS) {
                check(failures, "GET job " + id, api.get("/api/jobs/" + id));
                check(failures, "GET log " + id, api.get("/api/jobs/" + id + "/log"));
                check(failures, "DELETE job " + id, api.delete("/api/jobs/" + id));
                for (String action : List.of("pause", "resume", "cancel", "retry", "priority")) {
                    check(
                            failures,
                            "POST " + action + " " + id,
                            api.post("/api/jobs/" + id + "/" + action, "{\"priority\": 1}"));
                }
            }
            for (String path : List.of(
                    "/api/jobs", "/api/config", "/api/rules/test", "/api/jobs/1/priority", "/api/queue/pause")) {
                for (String body : BODIES) {
                    HttpResponse<String> json = api.post(path, body);
                    check(failures, "POST " + path + " " + abbreviated(body), json);
                    HttpResponse<String> text = api.send(api.request(path)
                            .header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build());
                    check(failures, "POST text/plain " + path + " " + abbreviated(body), text);
                }
            }
            api.post("/api/queue/resume", "");

            System.out.println("fuzz responses by status: " + STATUSES);
            assertThat(failures).isEmpty();
            assertThat(STATUSES.keySet()).contains(400, 404, 415, 422);
            assertThat(Files.readAllBytes(api.configFile)).isEqualTo(configBefore);
            assertThat(api.jobs()).hasSize((int) jobsBefore);
            assertThat(api.get("/api/health").statusCode()).isEqualTo(200);
        }
    }

    private static final java.util.Map<Integer, Integer> STATUSES = new java.util.TreeMap<>();

    private static void check(List<String> failures, String what, HttpResponse<String> response) {
        STATUSES.merge(response.statusCode(), 1, Integer::sum);
        boolean jsonError = response.statusCode() < 400
                || response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        if (response.statusCode() >= 500 || !jsonError) {
            failures.add(what + " -> " + response.statusCode() + " " + abbreviated(response.body()));
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
