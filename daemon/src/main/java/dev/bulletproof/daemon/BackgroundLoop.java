package dev.bulletproof.daemon;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A thread of the daemon's own that runs one round of work after another until it is stopped, and never
 * dies silently: a round that throws is logged with the loop's name and the loop goes on after a short
 * pause (one bad batch, a database hiccup, must not end a part for good); an {@link Error} ends the loop
 * and is handed to the owner, who decides what the daemon does about it. Stopping interrupts the round and
 * waits for it within a timeout; it is idempotent.
 *
 * <p>An interrupt while the loop is not stopping is a wake-up: the round ends early and the next one
 * starts.
 */
public final class BackgroundLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackgroundLoop.class.getName());
    static final Duration DEFAULT_PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(5);

    /** One round of the loop's work; it may block, and should return soon after an interrupt. */
    @FunctionalInterface
    public interface Round {
        void run() throws InterruptedException;
    }

    private final String name;
    private final Round round;
    private final Duration pauseAfterFailure;
    private final Consumer<Throwable> onDeath;
    private final Thread thread;
    private volatile boolean stopping;

    private BackgroundLoop(String name, Round round, Duration pauseAfterFailure, Consumer<Throwable> onDeath) {
        this.name = name;
        this.round = round;
        this.pauseAfterFailure = pauseAfterFailure;
        this.onDeath = onDeath;
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::runUntilStopped);
    }

    /** Starts {@code round} on a thread named {@code name}; an {@link Error} ends it with a log line. */
    public static BackgroundLoop start(String name, Round round) {
        return start(name, round, DEFAULT_PAUSE_AFTER_FAILURE, failure -> {});
    }

    /**
     * @param pauseAfterFailure how long to wait after a round threw, so a failure that repeats does not spin
     * @param onDeath told when an {@link Error} ended the loop (after it was logged)
     */
    public static BackgroundLoop start(
            String name, Round round, Duration pauseAfterFailure, Consumer<Throwable> onDeath) {
        BackgroundLoop loop = new BackgroundLoop(
                Objects.requireNonNull(name), Objects.requireNonNull(round), pauseAfterFailure, onDeath);
        loop.thread.start();
        return loop;
    }

    private void runUntilStopped() {
        while (!stopping) {
            try {
                round.run();
            } catch (InterruptedException e) {
                // Stopping ends the loop at the condition; otherwise it was a wake-up.
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, name + " failed; carrying on", e);
                pause();
            } catch (Error e) {
                LOG.log(System.Logger.Level.ERROR, name + " ended by an unexpected error", e);
                onDeath.accept(e);
                return;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(pauseAfterFailure);
        } catch (InterruptedException e) {
            // a stop or a wake-up: either way, look at the loop condition now
        }
    }

    /** Ends the round under way early, without stopping the loop. */
    public void wake() {
        if (!stopping) {
            thread.interrupt();
        }
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    /**
     * Stops the loop: no new round starts, the one under way is interrupted, and this waits for it up to
     * {@code timeout}.
     *
     * @return true when the thread has ended
     */
    public boolean stop(Duration timeout) {
        stopping = true;
        if (Thread.currentThread() == thread) {
            return false; // stopped from its own round: it ends when the round returns
        }
        thread.interrupt();
        try {
            thread.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.log(System.Logger.Level.WARNING, name + " did not stop within " + timeout.toMillis() + " ms");
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        stop(DEFAULT_STOP_TIMEOUT);
    }
}
