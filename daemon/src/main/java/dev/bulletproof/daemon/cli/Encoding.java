package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.CancelOnShutdown;
import dev.bulletproof.daemon.media.ProgressListener;
import dev.bulletproof.daemon.media.RunningTranscode;
import dev.bulletproof.daemon.media.TranscodeRequest;
import dev.bulletproof.daemon.media.TranscodeResult;
import dev.bulletproof.daemon.media.Transcoder;

/** Runs one encode to its end from a command, cancelling it cleanly if the user interrupts. */
final class Encoding {

    private Encoding() {}

    static TranscodeResult run(Transcoder transcoder, TranscodeRequest request, ProgressListener listener) {
        RunningTranscode running = transcoder.start(request, listener);
        CancelOnShutdown guard = CancelOnShutdown.guard(running);
        try {
            return running.await();
        } catch (InterruptedException e) {
            running.cancel();
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted; the encode was cancelled");
        } finally {
            guard.close();
        }
    }
}
