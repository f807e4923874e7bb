package dev.bulletproof.daemon.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.api.ApiOptions;
import dev.bulletproof.daemon.api.ApiServer;
import dev.bulletproof.daemon.api.ApiToken;
import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser against a real daemon: runs web-ui/e2e/dashboard.e2e.mjs (playwright-core
 * driving Debian's chromium) and checks what it reports, then the daemon's own view of the same jobs.
 */
class BrowserDashboardIT {

    static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>.mov";
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    private static final Path WEB_UI = Path.of("..", "web-ui").toAbsolutePath().normalize();
    private static final Path SCREENSHOTS =
            Path.of("target", "screenshots", "web").toAbsolutePath();
    // Six views in two themes at two sizes, on a machine that may be busy with other builds.
    private static final Duration SCRIPT_LIMIT = Duration.ofMinutes(5);

    @TempDir
    Path root;

    private Daemon monitor;
    private ApiServer server;
    private Path in;
    private Path staging;

    @BeforeEach
    void startDaemon() throws IOException {
        in = Files.createDirectories(root.resolve("in"));
        staging = Files.createDirectories(root.resolve("staging"));
        Path config = root.resolve("bulletproof.yaml");
        Files.writeString(config, """
                monitor_folder: ./in
                output_folder: ./out
                processed_folder: ./processed
                max_workers: 2
                stable_seconds: 0.5
                scan_interval_seconds: 0.5
                stall_timeout_seconds: 30
                max_attempts: 2
                """);
        monitor = Daemon.start(
                new Daemon.Options(config, root.resolve("data"), null, null)
                        .withApi(ApiOptions.defaults().withPort(0)),
                new EventBus());
        server = monitor.api();
    }

    @AfterEach
    void stopDaemon() {
        if (server != null) {
            server.stop();
        }
        if (monitor != null) {
            monitor.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void dashboardShowsLiveJobsControlsThemAndEditsTheConfigInARealBrowser() throws Exception {
        assertThat(CHROMIUM)
                .as(
                        "the browser tests need Debian's chromium at %s: apt-get install -y chromium fonts-dejavu-core"
                                + " (or set CHROMIUM_PATH)",
                        CHROMIUM)
                .isExecutable();
        assertThat(WEB_UI.resolve("node_modules/playwright-core"))
                .as(
                        "web-ui/node_modules is missing: build the web-ui module first (mvn -pl web-ui install runs npm ci)")
                .isDirectory();
        TestClips.videoWithAudio(staging, "live.mov", 2);
        TestClips.videoWithAudio(staging, "cancel-me.mov", 1);
        TestClips.videoWithAudio(staging, HOSTILE_NAME, 1);
        // Long enough that the overview shows it running, with progress, for a few seconds.
        TestClips.videoWithAudio(staging, "long-take.mov", 20);
        // Copied into 30 jobs that more than fill a page, for sorting across pages and bulk actions.
        TestClips.videoWithAudio(staging, "page.mov", 1);
        Files.createDirectories(SCREENSHOTS);

        ScriptRun run = runScript();
        // The script's report (checks, screenshots, console errors) lands in the test's output file.
        System.out.println(run.stdout());
        System.out.println(run.stderr());

        assertThat(run.exitCode())
                .as("dashboard.e2e.mjs failed:%n%s%n%s", run.stderr(), run.stdout())
                .isZero();
        JsonNode result = Json.mapper().readTree(lastLine(run.stdout()));
        assertThat(result.path("ok").asBoolean()).as(run.stdout()).isTrue();
        assertThat(result.path("dialogs"))
                .as("native dialogs fired in the page")
                .isEmpty();
        assertThat(result.path("page_errors")).as("uncaught errors in the page").isEmpty();
        JsonNode checks = result.path("checks");
        assertThat(checks.path("live_progress").path("statuses_seen").size()).isGreaterThanOrEqualTo(2);
        assertThat(checks.path("cancel_retry").path("after_cancel").asText()).isEqualTo("cancelled");
        assertThat(checks.path("cancel_retry").path("after_retry").asText()).isEqualTo("queued");
        assertThat(checks.path("cancel_retry").path("priority_set").asInt()).isEqualTo(7);
        assertThat(checks.path("config").path("field_error").asText()).contains("/dev/null/incoming");
        assertThat(checks.path("xss").path("img_elements").asInt()).isZero();
        assertThat(checks.path("phone").path("horizontal_overflow_px").asInt()).isLessThanOrEqualTo(1);
        assertThat(checks.path("active_job").path("progress_percent_seen").asInt())
                .isBetween(1, 100);
        assertThat(checks.path("reconnect").path("connections").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(checks.path("job_detail").path("search_marks").asInt()).isPositive();
        assertThat(checks.path("job_detail").path("only_matching").asInt())
                .isBetween(1, checks.path("job_detail").path("of_lines").asInt() - 1);
        assertThat(checks.path("job_detail")
                        .path("download")
                        .path("disposition")
                        .asText())
                .matches("attachment; filename=\"bulletproof-job-\\d+\\.log\"");
        assertThat(checks.path("nodes").path("job_node").asText())
                .isEqualTo(checks.path("nodes").path("name").asText())
                .isNotBlank();
        assertThat(checks.path("nodes").path("paused_queue").asBoolean()).isTrue();
        assertThat(checks.path("nodes").path("resumed_queue").asBoolean()).isTrue();
        JsonNode bulk = checks.path("bulk_sort");
        assertThat(bulk.path("newest_first_first").asText()).isEqualTo("sort-29.mov");
        assertThat(bulk.path("by_name_first").asText())
                .as("the first job by name, which the newest-first first page did not hold")
                .isEqualTo("sort-00.mov");
        assertThat(bulk.path("second_page_by_name"))
                .extracting(JsonNode::asText)
                .containsExactly("sort-25.mov", "sort-26.mov", "sort-27.mov", "sort-28.mov", "sort-29.mov");
        assertThat(bulk.path("backwards_last_on_page").asText()).isEqualTo("sort-05.mov");
        assertThat(bulk.path("cancel_question").asText())
                .isEqualTo(
                        "Cancel 25 jobs? Running encodes stop and their partial outputs are removed; the sources stay.");
        assertThat(bulk.path("retry_question").asText()).isEqualTo("Run 25 jobs again?");
        assertThat(bulk.path("delete_question").asText())
                .isEqualTo("Delete the history entries of 25 jobs? Only the entries go; no file is touched.");
        assertThat(bulk.path("files_kept").asBoolean()).isTrue();
        // Overview, jobs, job detail, stats, config and nodes, light and dark, at 1366x768 and at a phone's width.
        assertThat(checks.path("every_view").path("views").asInt()).isEqualTo(24);
        assertThat(result.path("screenshots")).hasSize(12 + 2 + 2 + 24);
        for (JsonNode screenshot : result.path("screenshots")) {
            assertThat(Path.of(screenshot.asText())).isNotEmptyFile();
        }

        // cancel-me.mov was deleted over REST while the page's WebSocket was cut.
        List<Job> jobs = monitor.jobs().list(new JobFilter(null, null, null, null, 100, 0));
        assertThat(jobs)
                .extracting(job -> Path.of(job.inputPath()).getFileName().toString(), Job::status)
                .containsExactlyInAnyOrder(
                        tuple("live.mov", JobStatus.COMPLETED),
                        tuple(HOSTILE_NAME, JobStatus.COMPLETED),
                        tuple("long-take.mov", JobStatus.COMPLETED));
        assertThat(monitor.config().maxWorkers()).isEqualTo(3);
    }

    private ScriptRun runScript() throws IOException, InterruptedException {
        String token = Files.readString(root.resolve("data").resolve(ApiToken.FILE_NAME))
                .strip();
        Path stdout = root.resolve("e2e.out");
        Path stderr = root.resolve("e2e.err");
        ProcessBuilder builder = new ProcessBuilder(
                        "node",
                        "e2e/dashboard.e2e.mjs",
                        "--url",
                        server.url(),
                        "--token",
                        token,
                        "--screenshots",
                        SCREENSHOTS.toString(),
                        "--watch",
                        in.toString(),
                        "--staging",
                        staging.toString())
                .directory(WEB_UI.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
        Process process = builder.start();
        if (!process.waitFor(SCRIPT_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("dashboard.e2e.mjs did not finish within " + SCRIPT_LIMIT.toMinutes() + " min:\n"
                    + Files.readString(stderr) + "\n" + Files.readString(stdout));
        }
        return new ScriptRun(
                process.exitValue(),
                Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    private record ScriptRun(int exitCode, String stdout, String stderr) {}
}
