package dev.bulletproof.desktop.testing;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The real daemon, started from its packaged jar as a child process, on a free port with token auth, its
 * own config file, folders and data folder. It can be killed and started again on the same port.
 */
public final class DaemonProcess implements AutoCloseable {

    public final Path root;
    public final Path in;
    public final Path out;
    public final Path staging;
    public final Path data;
    public final Path configFile;
    private final int port;
    private final List<String> extraArguments;
    private Process process;

    public DaemonProcess(Path root) {
        this(root, List.of());
    }

    /** @param extraArguments more arguments of the daemon verb, such as {@code --paused} */
    public DaemonProcess(Path root, List<String> extraArguments) {
        this.extraArguments = List.copyOf(extraArguments);
        this.root = root;
        this.in = root.resolve("in");
        this.out = root.resolve("out");
        this.staging = root.resolve("staging");
        this.data = root.resolve("data");
        this.configFile = root.resolve("bulletproof.yaml");
        this.port = freePort();
        try {
            Files.createDirectories(in);
            Files.createDirectories(out);
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeConfig(1);
        start();
    }

    /** Rewrites the config file, as an operator would while the daemon is stopped. */
    public void writeConfig(int maxWorkers) {
        try {
            Files.writeString(configFile, """
                    monitor_folder: %s
                    output_folder: %s
                    max_workers: %d
                    stable_seconds: 0.3
                    scan_interval_seconds: 0.5
                    stall_timeout_seconds: 60
                    max_attempts: 1
                    server: {host: 127.0.0.1, port: %d, auth: token}
                    """.formatted(quoted(in), quoted(out), maxWorkers, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites the config file with several watch folders instead of the one, each with its own output
     * folder under {@link #out} named after it; takes effect at the next {@link #start()}.
     */
    public void writeWatchFolders(List<Path> folders) {
        writeWatchFolders(folders, java.util.Map.of());
    }

    /**
     * Like {@link #writeWatchFolders(List)}, with more keys for some folders: YAML lines indented as keys of
     * the folder's entry (four spaces), e.g. a schedule of its own.
     */
    public void writeWatchFolders(List<Path> folders, java.util.Map<Path, String> moreKeys) {
        StringBuilder config = new StringBuilder("watch_folders:\n");
        try {
            for (Path folder : folders) {
                Path output =
                        Files.createDirectories(out.resolve(folder.getFileName().toString()));
                config.append("  - path: ").append(quoted(folder)).append('\n');
                config.append("    output_folder: ").append(quoted(output)).append('\n');
                config.append("    stable_seconds: 0.3\n");
                config.append(moreKeys.getOrDefault(folder, ""));
            }
            config.append("""
                    max_workers: 1
                    scan_interval_seconds: 0.5
                    stall_timeout_seconds: 60
                    max_attempts: 1
                    server: {host: 127.0.0.1, port: %d, auth: token}
                    """.formatted(port));
            Files.writeString(configFile, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(Path path) {
        return "\"" + path.toAbsolutePath().toString().replace("\\", "\\\\") + "\"";
    }

    public void start() {
        Path jar = daemonJar();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Xshare:auto",
                "-jar",
                jar.toString(),
                "daemon",
                "--config",
                configFile.toString(),
                "--data-dir",
                data.toString()));
        command.addAll(extraArguments);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            root.resolve("daemon.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until("the daemon answers on port " + port, Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the daemon exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                return Files.exists(data.resolve("token")) && client().health() != null;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** Kills the daemon the hard way, as a crash or a pulled plug would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static Path daemonJar() {
        Path jar = Path.of(System.getProperty("bulletproof.daemon.jar", "../daemon/target/bulletproof-daemon.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("the daemon's jar " + jar.toAbsolutePath()
                    + " does not exist: build the daemon module first (mvn -pl desktop-client -am package)");
        }
        return jar;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String token() {
        try {
            return Files.readString(data.resolve("token"), StandardCharsets.US_ASCII)
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BulletproofClient client() {
        return new BulletproofClient(url(), token());
    }

    public JobModel awaitJob(String id, String what, Predicate<JobModel> condition) {
        BulletproofClient client = client();
        Await.until(what, Duration.ofSeconds(90), () -> condition.test(client.job(id)));
        return client.job(id);
    }

    public String log() {
        try {
            return Files.readString(root.resolve("daemon.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
