package dev.bulletproof.model;

/**
 * {@code GET /api/health}: whether the daemon is alive and ready to take work.
 *
 * @param status "ok" when every part runs; anything else names what is wrong
 * @param version the daemon's version
 * @param uptimeSeconds time since the daemon started
 */
public record HealthModel(String status, String version, Double uptimeSeconds) {

    public boolean isOk() {
        return "ok".equalsIgnoreCase(status);
    }
}
