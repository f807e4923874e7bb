package dev.bulletproof.model;

/**
 * {@code GET /api/health}: whether the daemon is alive and ready to take work.
 *
 * @param status "ok" when every part runs; anything else names what is wrong
 * @param version the daemon's version
 * @param uptimeSeconds time since the daemon started
 * @param watchFolderAvailable false while the monitor folder is missing (an unmounted drive, say)
 */
public record HealthModel(
        String status, String version, Long uptimeSeconds, Boolean watchFolderAvailable, Ffmpeg ffmpeg) {

    /** The ffmpeg the daemon runs, and where it was found ("configured", "bundled", "path"). */
    public record Ffmpeg(String path, String version, String source) {}

    public boolean isOk() {
        return "ok".equalsIgnoreCase(status);
    }
}
