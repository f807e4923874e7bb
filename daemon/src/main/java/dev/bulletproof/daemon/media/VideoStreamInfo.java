package dev.bulletproof.daemon.media;

/**
 * The first video stream of a file.
 *
 * @param profile the codec profile as ffprobe names it ("Proxy", "LT", "HQ", "High"...), or null
 * @param frameRate the exact rational frame rate, e.g. "30000/1001"
 * @param frameCount the number of frames the container declares (nb_frames), or null when it does not say
 * @param durationSeconds the stream's own duration, or null when only the container's is known
 */
public record VideoStreamInfo(
        String codec,
        String profile,
        int width,
        int height,
        String pixelFormat,
        String frameRate,
        Long frameCount,
        Double durationSeconds) {

    public VideoStreamInfo(String codec, String profile, int width, int height, String pixelFormat, String frameRate) {
        this(codec, profile, width, height, pixelFormat, frameRate, null, null);
    }

    /** The frame rate as a number, or 0 when ffprobe could not tell. */
    public double frameRateValue() {
        return Rational.toDouble(frameRate);
    }
}
