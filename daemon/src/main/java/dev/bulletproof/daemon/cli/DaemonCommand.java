package dev.bulletproof.daemon.cli;

import dev.bulletproof.client.AppDirectories;
import dev.bulletproof.daemon.api.ApiOptions;
import dev.bulletproof.daemon.api.ApiServer;
import dev.bulletproof.daemon.api.ApiStartException;
import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.logging.DaemonActivityLog;
import dev.bulletproof.daemon.logging.DaemonLogging;
import dev.bulletproof.daemon.logging.LogFormat;
import dev.bulletproof.daemon.logging.LogLevel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "daemon",
        mixinStandardHelpOptions = true,
        description = {
            "Run headless: watch the monitor folder and transcode every file that finishes arriving, until"
                    + " stopped with Ctrl+C or SIGTERM.",
            "Without --config it reads ./bulletproof.yaml, else the per-user config file; with neither, it uses"
                    + " the built-in defaults relative to the current folder (./videos/incoming -> ./videos/output)."
        })
final class DaemonCommand implements Callable<Integer> {

    /** How long running encodes get to stop when the daemon is asked to quit. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "the YAML configuration file")
    Path config;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "where the job database and ffmpeg logs live; default: the per-user data folder")
    Path dataDir;

    @Option(
            names = "--ffmpeg",
            paramLabel = "PATH",
            description = "ffmpeg executable to use (ffprobe beside it); default: ffmpeg_path, the bundled one, PATH")
    Path ffmpeg;

    @Option(
            names = "--paused",
            description = "start with the queue paused: files are detected and queued, but no job starts until"
                    + " the queue is resumed")
    boolean paused;

    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            defaultValue = "info",
            description = "error, warn, info (default: a line per job event), debug or trace")
    LogLevel logLevel;

    @Option(
            names = "--log-format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (default: time, level, component, message) or json (one object a line, for log"
                    + " shippers)")
    LogFormat logFormat;

    @Option(
            names = "--log-file-size",
            paramLabel = "SIZE",
            defaultValue = "10MB",
            converter = ByteSizeConverter.class,
            description = "the log file in the data folder starts anew (the old one kept as daemon.log.1...) before"
                    + " it passes this size; default: ${DEFAULT-VALUE}")
    long logFileBytes;

    @Option(
            names = "--log-files",
            paramLabel = "N",
            defaultValue = "5",
            description = "how many older log files to keep; default: ${DEFAULT-VALUE}")
    int logFilesKept;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (logFilesKept < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--log-files must not be negative");
        }
        AppDirectories directories = AppDirectories.forCurrentUser();
        Path workingFolder = Path.of("").toAbsolutePath();
        Path configFile = directories.configFile(config, workingFolder);
        if (config == null && !Files.exists(configFile)) {
            configFile = workingFolder.resolve(AppDirectories.CONFIG_FILE_NAME);
        }
        Path dataFolder = directories.dataFolder(dataDir);

        EventBus bus = new EventBus();
        try (DaemonLogging logging = DaemonLogging.install(
                        new DaemonLogging.Settings(
                                logLevel,
                                logFormat,
                                dataFolder.resolve(DaemonLogging.FILE_NAME),
                                logFileBytes,
                                logFilesKept),
                        System.err);
                DaemonActivityLog activity = DaemonActivityLog.subscribe(bus)) {
            return run(out, bus, configFile, dataFolder, logging);
        }
    }

    private int run(PrintWriter out, EventBus bus, Path configFile, Path dataFolder, DaemonLogging logging)
            throws InterruptedException {
        Daemon daemon;
        try {
            daemon = Daemon.start(
                    new Daemon.Options(configFile, dataFolder, ffmpeg, null, paused).withApi(ApiOptions.defaults()),
                    bus);
        } catch (ApiStartException e) {
            // The engine had started; Daemon.start stopped it again before giving up.
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(out, daemon, stopped), "bulletproof-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        printBanner(out, daemon, configFile, logging);
        stopped.await();
        return 0;
    }

    /** Ctrl+C or SIGTERM: says what it does with the running jobs, does it, and says when it is done. */
    private static void stop(PrintWriter out, Daemon daemon, CountDownLatch stopped) {
        int running = daemon.pool().runningCount();
        out.println(
                "stopping: " + (running == 0 ? "no job is running" : running + " running job(s) go back to the queue"));
        out.flush();
        AtomicInteger requeued = new AtomicInteger();
        // Never unsubscribed: the process ends right after this.
        daemon.bus().subscribe(JobEvent.Changed.class, changed -> {
            if (changed.change() == JobEvent.Change.REQUEUED) {
                requeued.incrementAndGet();
            }
        });
        try {
            // Requests stop first, so nothing reaches the engine while it shuts down.
            daemon.stop(STOP_GRACE);
        } catch (RuntimeException e) {
            out.println("error while stopping: " + e.getMessage());
        }
        out.println("stopped"
                + (requeued.get() == 0
                        ? ""
                        : ": " + requeued.get() + " job(s) re-queued, they run again at the next start"));
        out.flush();
        stopped.countDown();
    }

    private void printBanner(PrintWriter out, Daemon daemon, Path configFile, DaemonLogging logging) {
        DaemonConfig config = daemon.config();
        ApiServer api = daemon.api();
        out.println("Bulletproof daemon running");
        out.println("  watching   " + config.monitorFolder() + (config.recursive() ? " (and subfolders)" : ""));
        out.println("  output     " + config.outputFolder());
        out.println("  inputs     " + config.onSuccess().wireName() + " after a verified output");
        out.println("  workers    " + config.maxWorkers()
                + (daemon.pool().isQueuePaused() ? " (queue paused: resume it to start jobs)" : ""));
        out.println("  config     " + configFile + (Files.exists(configFile) ? "" : " (not present: defaults)"));
        out.println("  data       " + daemon.dataFolder());
        out.println("  ffmpeg     " + daemon.tools().shortVersion() + " ("
                + daemon.tools().source() + ") " + daemon.tools().ffmpeg());
        out.println("  log        " + logging.file() + " (" + logFormat.name().toLowerCase(Locale.ROOT) + ", "
                + logLevel.name().toLowerCase(Locale.ROOT) + "; also on stderr)");
        out.println("  metrics    " + api.url() + "metrics (Prometheus; the same token as the API)");
        if (!daemon.recoveredAtStart().isEmpty()) {
            out.println("  recovered  " + daemon.recoveredAtStart().size() + " job(s) interrupted by a crash");
        }
        out.println("  dashboard  " + api.dashboardUrl());
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }

    /** "10MB", "512k", "2000000": a size in bytes, with an optional K, M or G (powers of 1024). */
    static final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
        private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)i?b?", Pattern.CASE_INSENSITIVE);

        @Override
        public Long convert(String value) {
            Matcher matcher = SIZE.matcher(value.strip());
            if (!matcher.matches()) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a size; write e.g. 10MB, 512KB or 1048576");
            }
            long number = Long.parseLong(matcher.group(1));
            long bytes =
                    switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                        case "k" -> number * 1024;
                        case "m" -> number * 1024 * 1024;
                        case "g" -> number * 1024 * 1024 * 1024;
                        default -> number;
                    };
            if (bytes < 1024) {
                throw new CommandLine.TypeConversionException("the log file size must be at least 1KB, not " + value);
            }
            return bytes;
        }
    }
}
