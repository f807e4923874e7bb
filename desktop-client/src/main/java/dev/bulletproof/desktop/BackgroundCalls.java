package dev.bulletproof.desktop;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one way view models talk to the daemon: the call runs on a background thread, its result (or its
 * failure) is handed back on the UI thread. The UI executor is injected so tests run without a toolkit.
 */
public final class BackgroundCalls implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackgroundCalls.class.getName());

    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("bulletproof-call-", 0).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("bulletproof-desktop-timer").factory());
    private final java.util.concurrent.Executor ui;

    /** @param ui runs its tasks on the UI thread ({@code Platform::runLater} in the application) */
    public BackgroundCalls(java.util.concurrent.Executor ui) {
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Runs {@code call} in the background; exactly one of the two consumers then runs on the UI thread. */
    public <T> void run(Callable<T> call, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        workers.execute(() -> {
            T result;
            try {
                result = call.call();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "a daemon call failed: " + describe(e), e);
                ui.execute(() -> onFailure.accept(e));
                return;
            }
            ui.execute(() -> onSuccess.accept(result));
        });
    }

    /** Runs {@code task} on the UI thread. */
    public void onUi(Runnable task) {
        ui.execute(task);
    }

    /** Runs {@code task} on the UI thread after the delay; a failing task is logged, never kills the timer. */
    public ScheduledFuture<?> later(long delayMillis, Runnable task) {
        return timer.schedule(() -> ui.execute(guarded(task)), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the UI thread every period until cancelled. */
    public ScheduledFuture<?> every(long periodMillis, Runnable task) {
        return timer.scheduleAtFixedRate(
                () -> ui.execute(guarded(task)), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a scheduled UI task failed", e);
            }
        };
    }

    /** The sentence to show for a failed call: the daemon's own message when it gave one. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
