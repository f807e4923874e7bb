package dev.bulletproof.daemon.logging;

import java.util.logging.LogManager;

/**
 * java.util.logging's own shutdown hook resets every logger, concurrently with the daemon's: the lines the
 * daemon writes while it stops ("job 3 re-queued", "stopped") would be dropped at random. While the
 * daemon's logging is installed, this manager ignores resets; {@link DaemonLogging#close} takes its
 * handlers down itself, last. Chosen with {@code -Djava.util.logging.manager} (the CLI sets it before
 * any logger exists); without it, everything works except those last lines.
 */
public final class DaemonLogManager extends LogManager {

    private static volatile boolean holding;

    public DaemonLogManager() {
        super();
    }

    static void hold(boolean hold) {
        holding = hold;
    }

    @Override
    public void reset() {
        if (!holding) {
            super.reset();
        }
    }
}
