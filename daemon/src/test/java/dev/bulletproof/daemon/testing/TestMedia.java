package dev.bulletproof.daemon.testing;

import dev.bulletproof.daemon.media.MediaTools;
import dev.bulletproof.daemon.media.MediaToolsLocator;

/** The ffmpeg the tests use: located once per test JVM (bundled first, as in production). */
public final class TestMedia {

    private static volatile MediaTools tools;

    private TestMedia() {}

    public static MediaTools tools() {
        MediaTools located = tools;
        if (located == null) {
            synchronized (TestMedia.class) {
                if (tools == null) {
                    tools = MediaToolsLocator.locate(null);
                }
                located = tools;
            }
        }
        return located;
    }
}
