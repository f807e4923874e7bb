package dev.bulletproof.daemon.watch;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until a deadline instead of sleeping a fixed time. */
final class Await {

    private Await() {}

    static void until(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }
}
