package dev.bulletproof.model;

/**
 * {@code GET /api/health}: whether the daemon is alive and ready to take work.
 *
 * @param status "ok" when every part runs; "failing" (answered with HTTP 503) when the daemon can no longer
 *     do its work and should be restarted
 * @param problems why the status is not ok; empty when it is (absent from daemons before 0.2)
 * @param version the daemon's version
 * @param uptimeSeconds time since the daemon started
 * @param watchFolderAvailable false while the monitor folder is missing (an unmounted drive, say)
 */
public record HealthModel(
        String status,
        java.util.List<String> problems,
        String version,
        Long uptimeSeconds,
        Boolean watchFolderAvailable,
        Ffmpeg ffmpeg) {

    public HealthModel {
        problems = problems == null ? java.util.List.of() : java.util.List.copyOf(problems);
    }

    /** The ffmpeg the daemon runs, and where it was found ("configured", "bundled", "path"). */
    public record Ffmpeg(String path, String version, String source) {}

    public boolean isOk() {
        return "ok".equalsIgnoreCase(status);
    }
}
