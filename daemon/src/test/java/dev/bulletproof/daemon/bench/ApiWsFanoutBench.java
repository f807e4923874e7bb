package dev.bulletproof.daemon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.api.ApiOptions;
import dev.bulletproof.daemon.api.ApiServer;
import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.LiveProgress;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Prints how quickly progress reaches many WebSocket clients: the delay from publishing a progress event
 * on the daemon's bus to each client receiving the job_update, and the CPU the process used meanwhile
 * (server and clients together: they share this JVM).
 *
 * <p>Arguments: {@code [clients] [jobs] [seconds] [ticks per second per job]}; defaults 200, 8, 20, 4.
 */
public final class ApiWsFanoutBench {

    private static final long BASE = System.nanoTime();
    private static final int WARM_UP_SECONDS = 5;
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = Json.mapper();

    private ApiWsFanoutBench() {}

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int jobCount = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Path root = Files.createTempDirectory("bulletproof-ws-bench");
        Path data = Files.createDirectories(root.resolve("data"));
        Path config = root.resolve("bulletproof.yaml");
        Files.writeString(config, "monitor_folder: ./in\noutput_folder: ./out\nscan_interval_seconds: 60\n");

        try (Daemon monitor = Daemon.start(new Daemon.Options(config, data, null, null), new EventBus())) {
            monitor.pool().pauseQueue();
            ApiServer server =
                    ApiServer.start(monitor.engine(), ApiOptions.defaults().withPort(0));
            try {
                String token = Files.readString(data.resolve("token")).strip();
                List<Job> jobs = runningJobs(monitor, jobCount);
                ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
                List<WebSocket> sockets = connect(server.port(), token, clients, latencies);
                Thread.sleep(1000);
                // Not counted: the first seconds of fan-out mostly measure the JIT compiling the path.
                publish(monitor, jobs, WARM_UP_SECONDS, rate);
                Thread.sleep(500);
                printLatencies("warm-up (" + WARM_UP_SECONDS + " s, not counted)", latencies);
                latencies.clear();

                long cpuBefore = cpuNanos();
                long wallBefore = System.nanoTime();
                publish(monitor, jobs, seconds, rate);
                Thread.sleep(500);
                double wall = (System.nanoTime() - wallBefore) / 1e9;
                double cpu = (cpuNanos() - cpuBefore) / 1e9;

                long[] sorted =
                        latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                long expected = (long) clients * jobCount * seconds * rate;
                System.out.printf(
                        Locale.ROOT,
                        "%d clients, %d jobs at %d ticks/s for %d s: %d job_updates received (%d ticks x clients published)%n",
                        clients,
                        jobCount,
                        rate,
                        seconds,
                        sorted.length,
                        expected);
                printLatencies("measured", latencies);
                System.out.printf(
                        Locale.ROOT,
                        "process CPU (server and clients): %.2f core-seconds over %.1f s = %.0f%% of one core%n",
                        cpu,
                        wall,
                        100 * cpu / wall);
                sockets.forEach(WebSocket::abort);
            } finally {
                server.stop();
            }
        }
    }

    private static void printLatencies(String label, ConcurrentLinkedQueue<Long> latencies) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "publish -> client latency, %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    label,
                    sorted[sorted.length / 2] / 1e6,
                    sorted[(int) (sorted.length * 0.99)] / 1e6,
                    sorted[sorted.length - 1] / 1e6);
        }
    }

    /** Jobs the clients see as processing, so progress ticks for them are broadcast. */
    private static List<Job> runningJobs(Daemon monitor, int count) {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Job queued = monitor.jobs()
                    .registerFile(NewFile.ready(
                            "/bench/clip-" + i + ".mov",
                            1000,
                            i,
                            JobPlan.of("live-qlab", "/bench/out-" + i + ".mov", 0)))
                    .job();
            Job running = new Job(
                    queued.id(),
                    queued.inputPath(),
                    queued.inputSize(),
                    queued.inputMtimeMillis(),
                    queued.filename(),
                    JobStatus.PROCESSING,
                    "encoding",
                    queued.profile(),
                    queued.outputPath(),
                    queued.onSuccess(),
                    queued.priority(),
                    1,
                    null,
                    queued.createdAt(),
                    queued.createdAt(),
                    null,
                    null,
                    60.0,
                    null,
                    null,
                    null,
                    null,
                    queued.version());
            monitor.bus().publish(new JobEvent.Changed(running, JobEvent.Change.STARTED));
            jobs.add(running);
        }
        return jobs;
    }

    private static List<WebSocket> connect(int port, String token, int clients, ConcurrentLinkedQueue<Long> latencies) {
        List<WebSocket> sockets = new ArrayList<>();
        HttpClient http = null;
        for (int i = 0; i < clients; i++) {
            // Each HttpClient reads all its sockets on one selector thread: spread the clients over several,
            // as separate browsers would be, so the figure is the server's and not one client thread's.
            if (i % 10 == 0) {
                http = HttpClient.newHttpClient();
            }
            sockets.add(http.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/updates"), new LatencyListener(latencies))
                    .join());
        }
        return sockets;
    }

    /** Ticks carry their publish time in elapsed_seconds, so each client can tell how long delivery took. */
    private static void publish(Daemon monitor, List<Job> jobs, int seconds, int rate) throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int ticks = seconds * rate;
        for (int tick = 0; tick < ticks; tick++) {
            long due = start + tick * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            for (Job job : jobs) {
                double marker = (System.nanoTime() - BASE) / 1e9;
                monitor.bus()
                        .publish(new JobEvent.Progress(
                                job, new LiveProgress(job.id(), (double) tick / ticks, 25.0, 1.0, 10.0, marker)));
            }
        }
    }

    private static long cpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .orElse(Duration.ZERO)
                .toNanos();
    }

    private static final class LatencyListener implements WebSocket.Listener {
        private final ConcurrentLinkedQueue<Long> latencies;
        private final StringBuilder partial = new StringBuilder();

        LatencyListener(ConcurrentLinkedQueue<Long> latencies) {
            this.latencies = latencies;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime() - BASE;
                try {
                    JsonNode message = MAPPER.readTree(partial.toString());
                    JsonNode job = message.path("job");
                    if (job.path("status").asText().equals("processing")
                            && job.path("fps").isNumber()) {
                        latencies.add(now - (long) (job.get("elapsed_seconds").asDouble() * 1e9));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
