package dev.bulletproof.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes: tests wait for real work without fixed sleeps. */
public final class Await {

    /** Long enough for real work on a busy 2-core CI machine; a test that needs more says so. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);

    private static final long POLL_MILLIS = 20;

    private Await() {}

    /** Waits up to {@link #DEFAULT_LIMIT}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT_LIMIT, condition);
    }

    /**
     * @param what the condition in words, for the failure message ("job 3 completed")
     * @throws AssertionError when {@code limit} passes first, or the waiting thread is interrupted
     */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + describe(limit) + " waiting for: " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }

    private static String describe(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }
}
