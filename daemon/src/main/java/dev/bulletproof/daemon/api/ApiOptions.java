package dev.bulletproof.daemon.api;

import java.time.Clock;

/**
 * How the API server runs, beyond what the config file says.
 *
 * @param portOverride a port to bind instead of the config's server.port (0 = any free port, for tests); null
 *     means the config's
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param version the daemon's version, shown by /api/health
 */
public record ApiOptions(Integer portOverride, long maxBodyBytes, String version, Clock clock) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public ApiOptions {
        clock = clock == null ? Clock.systemUTC() : clock;
        version = version == null ? "dev" : version;
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
    }

    public static ApiOptions defaults() {
        return new ApiOptions(null, DEFAULT_MAX_BODY_BYTES, versionOfThisBuild(), Clock.systemUTC());
    }

    public ApiOptions withPort(int port) {
        return new ApiOptions(port, maxBodyBytes, version, clock);
    }

    private static String versionOfThisBuild() {
        String version = ApiOptions.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
