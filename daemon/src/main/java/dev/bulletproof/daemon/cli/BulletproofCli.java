package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.config.ConfigValidationException;
import dev.bulletproof.daemon.logging.DaemonLogManager;
import dev.bulletproof.daemon.logging.DaemonLogging;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code bulletproof} command. Each verb is its own class; adding one is adding it to {@link #VERBS}.
 *
 * <p>The verbs are not picocli {@code subcommands} of this class: picocli would then build the model of
 * every verb (reflection over all their options, mixins and annotations) before running any, which was
 * most of the start-up of a short verb. A command line that names a verb gets only that verb; anything
 * else (help, no verb, a mistyped verb) gets all of them, so help and "did you mean" see the whole list.
 */
@Command(
        name = "bulletproof",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Watch-folder video transcoding that never publishes a broken file.")
public final class BulletproofCli implements Runnable {

    /** In the order {@code --help} lists them. */
    /** The verbs that run ffmpeg or ffprobe ({@link ToolOptions}). */
    private static final Set<String> MEDIA_VERBS = Set.of("analyze", "transcode", "batch", "doctor");

    static final List<Class<?>> VERBS = List.of(
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
            DrainCommand.class,
            ScheduleCommand.class,
            CancelCommand.class,
            RetryCommand.class,
            DesktopCommand.class,
            CommandLine.HelpCommand.class);

    static {
        // Before the first logger exists: java.util.logging reads this once, at its start.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", DaemonLogManager.class.getName());
        }
    }

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
        fileNameEncodingWarning(System.getProperty("sun.jnu.encoding"), System.getProperty("os.name"))
                .ifPresent(errWriter::println);
        if (asksOnlyForVersion(args)) {
            // Building the command model reflects over every verb, its options and mixins: most of the
            // start-up of a plain `--version`, which needs none of it.
            for (String line : new VersionProvider().getVersion()) {
                outWriter.println(line);
            }
            outWriter.flush();
            errWriter.flush();
            return 0;
        }
        ToolOptions.lookEarly(needsDefaultTools(args));
        BulletproofCli root = new BulletproofCli();
        root.interactive = out == System.out && ProgressDisplay.stdoutIsTerminal();
        CommandLine commandLine = new CommandLine(root);
        // Before the settings below: picocli applies them only to the verbs already added.
        for (Class<?> verb : verbsFor(args)) {
            commandLine.addSubcommand(verb);
        }
        commandLine
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
        try {
            return commandLine.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** The verb the command line names, alone, or every verb when it names none (or {@code help}). */
    static List<Class<?>> verbsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> verb : VERBS) {
                if (verb != CommandLine.HelpCommand.class
                        && verb.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(verb);
                }
            }
        }
        return VERBS;
    }

    /** A media verb without {@code --ffmpeg}: it will look for the bundled ffmpeg, then the PATH. */
    static boolean needsDefaultTools(String[] args) {
        if (args.length == 0 || !MEDIA_VERBS.contains(args[0])) {
            return false;
        }
        for (String arg : args) {
            if (arg.equals("--ffmpeg") || arg.startsWith("--ffmpeg=") || arg.equals("--help") || arg.equals("-h")) {
                return false;
            }
        }
        return true;
    }

    static boolean asksOnlyForVersion(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
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
        // Looked up here, not in a static field: finding the logging backend costs every short verb its start-up.
        System.getLogger(BulletproofCli.class.getName())
                .log(System.Logger.Level.DEBUG, "unexpected failure", exception);
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
