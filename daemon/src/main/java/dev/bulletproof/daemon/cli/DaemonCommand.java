package dev.bulletproof.daemon.cli;

import dev.bulletproof.client.AppDirectories;
import dev.bulletproof.daemon.api.ApiOptions;
import dev.bulletproof.daemon.api.ApiServer;
import dev.bulletproof.daemon.api.ApiStartException;
import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.monitor.Monitor;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        AppDirectories directories = AppDirectories.forCurrentUser();
        Path workingFolder = Path.of("").toAbsolutePath();
        Path configFile = directories.configFile(config, workingFolder);
        if (config == null && !Files.exists(configFile)) {
            configFile = workingFolder.resolve(AppDirectories.CONFIG_FILE_NAME);
        }
        Path dataFolder = directories.dataFolder(dataDir);

        Monitor monitor =
                Monitor.start(new Monitor.Options(configFile, dataFolder, ffmpeg, null, paused), new EventBus());
        ApiServer api;
        try {
            api = ApiServer.start(monitor, monitor::history, ApiOptions.defaults());
        } catch (ApiStartException e) {
            monitor.stop(STOP_GRACE);
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    // Requests stop first, so nothing reaches the engine while it shuts down.
                    api.stop();
                    monitor.stop(STOP_GRACE);
                    stopped.countDown();
                },
                "bulletproof-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        printBanner(out, monitor, configFile, api);
        stopped.await();
        return 0;
    }

    private static void printBanner(PrintWriter out, Monitor monitor, Path configFile, ApiServer api) {
        DaemonConfig config = monitor.config();
        out.println("Bulletproof daemon running");
        out.println("  watching   " + config.monitorFolder() + (config.recursive() ? " (and subfolders)" : ""));
        out.println("  output     " + config.outputFolder());
        out.println("  inputs     " + config.onSuccess().wireName() + " after a verified output");
        out.println("  workers    " + config.maxWorkers()
                + (monitor.pool().isQueuePaused() ? " (queue paused: resume it to start jobs)" : ""));
        out.println("  config     " + configFile + (Files.exists(configFile) ? "" : " (not present: defaults)"));
        out.println("  data       " + monitor.dataFolder());
        out.println("  ffmpeg     " + monitor.tools().ffmpeg() + " ("
                + monitor.tools().source() + ", " + monitor.tools().version() + ")");
        if (!monitor.recoveredAtStart().isEmpty()) {
            out.println("  recovered  " + monitor.recoveredAtStart().size() + " job(s) interrupted by a crash");
        }
        out.println("  dashboard  " + api.dashboardUrl());
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }
}
