package dev.bulletproof.daemon.logging;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daemon's one logging set-up. Our code (System.Logger), Helidon and, through slf4j-jdk14,
 * sqlite-jdbc and Java-WebSocket all log into java.util.logging (decision 0010); this puts one handler on
 * stderr and one on a size-capped file in the data folder, both with the chosen format, and nothing else,
 * so no record is printed twice.
 */
public final class DaemonLogging implements AutoCloseable {

    /** The file in the data folder. */
    public static final String FILE_NAME = "daemon.log";

    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_KEPT_FILES = 5;

    /**
     * Libraries that are chatty at INFO (Helidon lists its features and channels at every start): at INFO
     * and coarser they show only warnings and errors, so the daemon's own lines stay readable.
     */
    private static final List<String> LIBRARIES = List.of("io.helidon", "org.sqlite", "org.java_websocket");

    /** The daemon's code and its event lines (DaemonActivityLog). */
    private static final List<String> OUR_LOGGERS = List.of("dev.bulletproof", "bulletproof");

    /**
     * @param file the log file; null writes none
     * @param keptFiles rotated files kept beside the current one
     */
    public record Settings(LogLevel level, LogFormat format, Path file, long maxFileBytes, int keptFiles) {
        public Settings {
            if (maxFileBytes < 1024) {
                throw new IllegalArgumentException("the log file cap must be at least 1 KB, not " + maxFileBytes);
            }
        }
    }

    private final Logger root = Logger.getLogger("");
    private final List<Handler> previousHandlers;
    private final Level previousLevel;
    private final List<Handler> ours = new ArrayList<>();
    private final List<Logger> tunedLoggers = new ArrayList<>();
    private final Path file;

    private DaemonLogging(Settings settings, PrintStream console) {
        previousHandlers = List.of(root.getHandlers());
        previousLevel = root.getLevel();
        file = settings.file() == null ? null : settings.file().toAbsolutePath();
        Formatter formatter = settings.format() == LogFormat.JSON
                ? new JsonLineFormatter()
                : new TextLineFormatter(ZoneId.systemDefault());
        Level level = settings.level().julLevel();
        ours.add(new ConsoleLineHandler(console, formatter));
        if (file != null) {
            try {
                ours.add(new SizeCappedFileHandler(file, settings.maxFileBytes(), settings.keptFiles(), formatter));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the log file " + file, e);
            }
        }
        for (Handler handler : previousHandlers) {
            root.removeHandler(handler);
        }
        for (Handler handler : ours) {
            handler.setLevel(level);
            root.addHandler(handler);
        }
        boolean everything = settings.level() == LogLevel.TRACE;
        // debug is about the daemon: the JDK and the libraries at FINE (a stack trace per process started,
        // every Helidon service lookup) would bury its lines; trace shows them too.
        root.setLevel(everything || level.intValue() >= Level.INFO.intValue() ? level : Level.INFO);
        for (String ours : OUR_LOGGERS) {
            tune(ours, level);
        }
        if (level.intValue() >= Level.INFO.intValue()) {
            for (String library : LIBRARIES) {
                tune(library, level.intValue() > Level.WARNING.intValue() ? level : Level.WARNING);
            }
        }
        DaemonLogManager.hold(true);
    }

    private void tune(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        tunedLoggers.add(logger); // held: java.util.logging keeps loggers only weakly
    }

    /** Replaces whatever handlers the root logger has with the daemon's, until {@link #close}. */
    public static DaemonLogging install(Settings settings, PrintStream console) {
        return new DaemonLogging(settings, console);
    }

    /**
     * For every verb but {@code daemon}: the CLI prints its own results and errors, so log records would
     * only be noise on stderr (a library's warning among a command's output). Debug traces are still
     * available with {@code -Djava.util.logging.config.file}.
     */
    public static void quiet() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.setLevel(Level.OFF);
    }

    /** Where the log file is, or null when there is none. */
    public Path file() {
        return file;
    }

    /** Takes the daemon's handlers down and gives the root logger back what it had. Call once, last. */
    @Override
    public void close() {
        DaemonLogManager.hold(false);
        for (Handler handler : ours) {
            root.removeHandler(handler);
            handler.close();
        }
        for (Handler handler : previousHandlers) {
            root.addHandler(handler);
        }
        root.setLevel(previousLevel);
        for (Logger logger : tunedLoggers) {
            logger.setLevel(null);
        }
    }
}
