package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulletproof.client.DaemonAddressFile;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.Json;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote verbs as their own processes against a real daemon on a port of its own: found through the
 * environment alone, or through the local daemon's data folder with nothing set, and with nothing but
 * their answer on the console (no log records on standard error).
 */
class RemoteVerbsEnvironmentTest {

    private static final ObjectMapper JSON = Json.mapper();

    /** A duration as every client writes it: "4.2 s", "45 s", "11 min 32 s", "1 h 02 min". */
    private static final String DURATION = "(\\d+(\\.\\d)? s|\\d+ min \\d\\d s|\\d+ h \\d\\d min)";

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    /** A user with empty per-user folders and an empty working folder: nothing to find but what is given. */
    private Map<String, String> cleanUser() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", Files.createDirectories(elsewhere.resolve("home")).toString());
        env.put(
                "XDG_DATA_HOME",
                Files.createDirectories(elsewhere.resolve("xdg-data")).toString());
        env.put(
                "XDG_CONFIG_HOME",
                Files.createDirectories(elsewhere.resolve("xdg-config")).toString());
        env.put("LANG", "C.UTF-8");
        return env;
    }

    private ConsoleProcess.Result run(Map<String, String> env, String... args) {
        ConsoleProcess.Result result = ConsoleProcess.onPipes(elsewhere, env, args);
        assertThat(result.err())
                .as("standard error of " + String.join(" ", args))
                .isEmpty();
        return result;
    }

    @Test
    void theEnvironmentAloneReachesADaemonOnAnyPort() throws Exception {
        try (RunningDaemon daemon = new RunningDaemon(root)) {
            assertThat(daemon.url().getPort()).isNotEqualTo(8000);
            Map<String, String> env = cleanUser();
            env.put(RemoteOptions.URL_VARIABLE, daemon.url().toString());
            env.put(RemoteOptions.TOKEN_VARIABLE, daemon.token());

            assertThat(run(env, "pause").out()).startsWith("queue paused");
            // 20 s of 720p to HEVC runs for long enough to be seen running, with a speed and an estimate.
            Path clip = dev.bulletproof.daemon.testing.TestClips.hd(daemon.staging, "slow.mov", 20);
            JobModel slow = daemon.client().enqueue(clip.toString(), "live-linux-hevc-mkv");
            assertThat(run(env, "resume").out()).startsWith("queue running");
            daemon.awaitJob(
                    slow.id(),
                    "slow.mov encoding with a speed",
                    job -> job.status() == JobStatus.PROCESSING && job.speed() != null && job.etaSeconds() != null);

            ConsoleProcess.Result status = run(env, "status");
            assertThat(status.exitCode()).isZero();
            assertThat(status.out()).contains("daemon   " + daemon.url() + "  ok");
            assertThat(status.out().lines())
                    .anySatisfy(line ->
                            assertThat(line).matches(" +ID +STATUS +PROGRESS +SPEED +ETA +ELAPSED +PROFILE +FILENAME"))
                    .anySatisfy(line -> assertThat(line)
                            .matches(" +" + slow.id()
                                    + " +processing +\\d+ % +\\d+(\\.\\d{1,2})?x +" + DURATION + " +"
                                    + DURATION + " +live-linux-hevc-mkv +slow\\.mov"));

            JsonNode snapshot = JSON.readTree(run(env, "status", "--json").out());
            assertThat(snapshot.get("url").asText()).isEqualTo(daemon.url().toString());
            assertThat(snapshot.at("/health/status").asText()).isEqualTo("ok");
            assertThat(snapshot.at("/queue/max_workers").asInt()).isEqualTo(2);
            assertThat(snapshot.at("/stats/total_jobs").asInt()).isEqualTo(1);
            assertThat(snapshot.at("/running/0/id").asText()).isEqualTo(slow.id());
            assertThat(snapshot.at("/running/0/speed").isNumber()).isTrue();
            assertThat(snapshot.at("/running/0/eta_seconds").isNumber()).isTrue();

            assertThat(run(env, "pause", slow.id()).out()).contains("now paused");
            List<JobModel> listed = JSON.readValue(run(env, "jobs", "--json").out(), new TypeReference<>() {});
            assertThat(listed).singleElement().satisfies(job -> {
                assertThat(job.id()).isEqualTo(slow.id());
                assertThat(job.status()).isEqualTo(JobStatus.PAUSED);
                assertThat(job.filename()).isEqualTo("slow.mov");
            });
            assertThat(run(env, "resume", slow.id()).out()).contains("now processing");
            assertThat(run(env, "cancel", slow.id()).out()).contains("now cancelled");
            assertThat(run(env, "retry", slow.id()).out()).contains("now queued");
            assertThat(run(env, "jobs").out()).contains(slow.id(), "slow.mov");
            daemon.client().cancel(slow.id());
        }
    }

    @Test
    void withNothingSetTheLocalDaemonIsFoundThroughItsDataFolder() throws Exception {
        Map<String, String> env = cleanUser();
        Path defaultDataFolder = Path.of(env.get("XDG_DATA_HOME")).resolve("bulletproof");
        try (RunningDaemon daemon = new RunningDaemon(root)) {
            // The per-user data folder of this clean user is the daemon's.
            Files.createSymbolicLink(defaultDataFolder, daemon.data);

            ConsoleProcess.Result status = run(env, "status");

            assertThat(status.exitCode()).isZero();
            assertThat(status.out()).contains("daemon   " + daemon.url() + "/  ok");
        }
        assertThat(defaultDataFolder.resolve(DaemonAddressFile.FILE_NAME))
                .as("a stopped daemon withdraws its address")
                .doesNotExist();
    }

    @Test
    void theUrlOptionWinsOverTheEnvironment() {
        RemoteOptions options = new RemoteOptions();
        options.environment = Map.of(RemoteOptions.URL_VARIABLE, "http://127.0.0.1:9001");
        assertThat(options.url()).isEqualTo(URI.create("http://127.0.0.1:9001"));

        RemoteOptions explicit = new RemoteOptions();
        explicit.environment = Map.of(RemoteOptions.URL_VARIABLE, "http://127.0.0.1:9001");
        explicit.url = URI.create("http://127.0.0.1:9002");
        assertThat(explicit.url()).isEqualTo(URI.create("http://127.0.0.1:9002"));
    }
}
