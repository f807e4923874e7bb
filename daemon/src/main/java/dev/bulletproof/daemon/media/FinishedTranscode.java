package dev.bulletproof.daemon.media;

/** An encode that ended before ffmpeg was started (the input could not be probed, the folder is read-only). */
record FinishedTranscode(TranscodeResult result) implements RunningTranscode {

    @Override
    public void suspend() {}

    @Override
    public void resume() {}

    @Override
    public void cancel() {}

    @Override
    public boolean isAlive() {
        return false;
    }

    @Override
    public long pid() {
        return -1;
    }

    @Override
    public TranscodeResult await() {
        return result;
    }
}
