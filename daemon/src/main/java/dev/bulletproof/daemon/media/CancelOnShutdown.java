package dev.bulletproof.daemon.media;

/**
 * Cancels an encode when the JVM is asked to stop (Ctrl-C, SIGTERM), so an interrupted command-line
 * encode removes its temporary file instead of leaving a partial one behind. Close it once the encode has
 * ended to remove the hook again.
 */
public final class CancelOnShutdown implements AutoCloseable {

    private final Thread hook;

    private CancelOnShutdown(RunningTranscode running) {
        this.hook = new Thread(
                () -> {
                    running.cancel();
                    try {
                        running.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "cancel-encode-on-shutdown");
    }

    public static CancelOnShutdown guard(RunningTranscode running) {
        CancelOnShutdown guard = new CancelOnShutdown(running);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running and will finish the cancel.
        }
    }
}
