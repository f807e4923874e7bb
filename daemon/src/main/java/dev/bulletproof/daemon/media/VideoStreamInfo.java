package dev.bulletproof.daemon.media;

/**
 * The first video stream of a file.
 *
 * @param profile the codec profile as ffprobe names it ("Proxy", "LT", "HQ", "High"...), or null
 * @param frameRate the exact rational frame rate, e.g. "30000/1001"
 */
public record VideoStreamInfo(
        String codec, String profile, int width, int height, String pixelFormat, String frameRate) {

    /** The frame rate as a number, or 0 when ffprobe could not tell. */
    public double frameRateValue() {
        return Rational.toDouble(frameRate);
    }
}
