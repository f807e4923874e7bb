package dev.bulletproof.client;

import java.net.URI;

/** No daemon answered: it is not running, listens elsewhere, or took too long. */
public class DaemonUnreachableException extends ApiException {

    private final URI baseUrl;

    public DaemonUnreachableException(URI baseUrl, String reason, Throwable cause) {
        super(NO_RESPONSE, "unreachable", "cannot reach the daemon at " + baseUrl + ": " + reason, null, cause);
        this.baseUrl = baseUrl;
    }

    public URI baseUrl() {
        return baseUrl;
    }
}
