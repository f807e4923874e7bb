package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.config.ConfigValidationException;
import dev.bulletproof.daemon.logging.DaemonLogManager;
import dev.bulletproof.daemon.logging.DaemonLogging;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code bulletproof} command. Each verb is its own class; adding one is adding it to
 * {@code subcommands} below.
 */
@Command(
        name = "bulletproof",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Watch-folder video transcoding that never publishes a broken file.",
        subcommands = {
            TranscodeCommand.class,
            AnalyzeCommand.class,
            BatchCommand.class,
            ProfilesCommand.class,
            DoctorCommand.class,
            DaemonCommand.class,
            GenerateConfigCommand.class,
            StatusCommand.class,
            JobsCommand.class,
            PauseCommand.class,
            ResumeCommand.class,
            CancelCommand.class,
            RetryCommand.class,
            DesktopCommand.class,
            CommandLine.HelpCommand.class
        })
public final class BulletproofCli implements Runnable {

    static {
        // Before the first logger exists (the field below): java.util.logging reads this once, at its start.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", DaemonLogManager.class.getName());
        }
    }

    private static final System.Logger LOG = System.getLogger(BulletproofCli.class.getName());

    @Spec
    CommandSpec spec;

    /** Whether progress may be drawn as a redrawn bar: only on the real console, never into a capture. */
    boolean interactive;

    public static void main(String[] args) {
        // Verbs print their own results and errors; only `daemon` turns log records back on, for its log.
        DaemonLogging.quiet();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line; the exit code is 0 only on success. Tests call this directly. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        BulletproofCli root = new BulletproofCli();
        root.interactive = out == System.out && ProgressDisplay.stdoutIsTerminal();
        CommandLine commandLine = new CommandLine(root)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(outWriter)
                .setErr(errWriter)
                .setExecutionExceptionHandler((exception, cli, parseResult) -> {
                    // A config with several problems reads best one problem per line.
                    String description = describe(exception);
                    cli.getErr()
                            .println("error: "
                                    + (exception instanceof ConfigValidationException
                                            ? description
                                            : oneLine(description)));
                    return 1;
                });
        fileNameEncodingWarning(System.getProperty("sun.jnu.encoding"), System.getProperty("os.name"))
                .ifPresent(errWriter::println);
        try {
            return commandLine.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    private static String describe(Exception exception) {
        if (exception instanceof BulletproofException) {
            return exception.getMessage();
        }
        // Not an expected failure: keep the console to one line, but keep the trace for whoever debugs it.
        LOG.log(System.Logger.Level.DEBUG, "unexpected failure", exception);
        return "unexpected " + exception.getClass().getSimpleName() + ": " + exception.getMessage();
    }

    /**
     * The JVM takes its file-name encoding from the locale at start-up; under LANG=C it cannot even name a
     * file called "Überblendung.mov". Say so up front instead of failing later on the first such file.
     */
    static java.util.Optional<String> fileNameEncodingWarning(String jnuEncoding, String osName) {
        boolean windows =
                osName != null && osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        if (windows || jnuEncoding == null || jnuEncoding.equalsIgnoreCase("UTF-8")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("warning: the locale's file-name encoding is " + jnuEncoding
                + ", so names with non-ASCII characters cannot be read; start with LANG=C.UTF-8 (and no LC_ALL=C)");
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " | ");
    }
}
