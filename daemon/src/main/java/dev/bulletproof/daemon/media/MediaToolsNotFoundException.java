package dev.bulletproof.daemon.media;

import dev.bulletproof.daemon.BulletproofException;

/** No usable ffmpeg/ffprobe pair was found; the message lists every candidate and why it failed. */
public class MediaToolsNotFoundException extends BulletproofException {
    public MediaToolsNotFoundException(String message) {
        super(message);
    }
}
