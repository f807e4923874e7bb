package dev.bulletproof.daemon.media;

/** ffprobe itself could not run or did not finish: the machine's problem, not the file's. */
public final class ProbeToolException extends ProbeException {
    public ProbeToolException(String message) {
        super(message);
    }
}
