package dev.bulletproof.daemon.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Bulletproof-Signature} header: {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes
 * with the endpoint's secret. A receiver recomputes it over the raw body it read (before parsing) and
 * compares in constant time.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Bulletproof-Signature";

    private WebhookSignature() {}

    public static String of(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
