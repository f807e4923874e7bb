package dev.bulletproof.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {

    private static final Duration SHORT = Duration.ofSeconds(5);

    @Test
    void runsRoundAfterRoundUntilStoppedAndStopEndsABlockedRound() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch threeRounds = new CountDownLatch(3);
        BackgroundLoop loop = BackgroundLoop.start("test-loop", () -> {
            rounds.incrementAndGet();
            threeRounds.countDown();
            if (threeRounds.getCount() == 0) {
                Thread.sleep(60_000); // blocked until the stop interrupts it
            }
        });
        assertThat(threeRounds.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(loop.stop(SHORT)).isTrue();

        assertThat(loop.isAlive()).isFalse();
        int after = rounds.get();
        Thread.sleep(50);
        assertThat(rounds.get()).as("no round after the stop").isEqualTo(after);
        assertThat(loop.stop(SHORT)).as("a second stop is harmless").isTrue();
    }

    @Test
    void aRoundThatThrowsIsLoggedAndTheLoopGoesOnAfterAPause() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch recovered = new CountDownLatch(1);
        List<Throwable> deaths = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        BackgroundLoop loop = BackgroundLoop.start(
                "failing-loop",
                () -> {
                    if (rounds.incrementAndGet() == 1) {
                        throw new IllegalStateException("a database hiccup");
                    }
                    recovered.countDown();
                    Thread.sleep(60_000);
                },
                Duration.ofMillis(100),
                deaths::add);
        try {
            assertThat(recovered.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            assertThat(loop.isAlive()).isTrue();
            assertThat(deaths).isEmpty();
        } finally {
            loop.stop(SHORT);
        }
    }

    @Test
    void anErrorEndsTheLoopAndTellsTheOwner() throws Exception {
        CountDownLatch told = new CountDownLatch(1);
        List<Throwable> deaths = new CopyOnWriteArrayList<>();
        BackgroundLoop loop = BackgroundLoop.start(
                "dying-loop",
                () -> {
                    throw new OutOfMemoryError("simulated");
                },
                Duration.ofMillis(10),
                failure -> {
                    deaths.add(failure);
                    told.countDown();
                });

        assertThat(told.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(deaths).singleElement().isInstanceOf(OutOfMemoryError.class);
        assertThat(loop.stop(SHORT)).isTrue();
    }

    @Test
    void aWakeEndsTheRoundUnderWayButNotTheLoop() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch secondRound = new CountDownLatch(2);
        BackgroundLoop loop = BackgroundLoop.start("woken-loop", () -> {
            rounds.incrementAndGet();
            secondRound.countDown();
            Thread.sleep(60_000);
        });
        try {
            waitUntil(() -> rounds.get() == 1);

            loop.wake();

            assertThat(secondRound.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(loop.isAlive()).isTrue();
        } finally {
            loop.stop(SHORT);
        }
    }

    @Test
    void aRoundThatIgnoresTheStopIsReportedAfterTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        BackgroundLoop loop = BackgroundLoop.start("stubborn-loop", () -> {
            running.countDown();
            while (true) {
                try {
                    if (release.await(10, TimeUnit.SECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    // ignores the stop on purpose
                }
            }
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(loop.stop(Duration.ofMillis(200))).isFalse();

        release.countDown();
        waitUntil(() -> !loop.isAlive());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SHORT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + SHORT);
            }
            Thread.sleep(10);
        }
    }
}
