package dev.bulletproof.daemon.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who may talk to the API, decided from headers alone so the HTTP filter and the WebSocket upgrade apply
 * the same rules: the Host must name this server (a foreign name means DNS rebinding), a browser's Origin
 * must be this server's own, and the token must be presented unless auth is off.
 */
public final class AccessRules {

    public static final String COOKIE_NAME = "bulletproof_token";
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*(%[0-9a-z]+)?");

    private final ApiToken token;
    private final String boundHost;
    private final Set<String> allowedHosts;

    /** @param token null when auth is "none" */
    public AccessRules(ApiToken token, String boundHost) {
        this(token, boundHost, List.of());
    }

    /**
     * @param token null when auth is "none"
     * @param allowedHosts further names this server answers to ({@code server.allowed_hosts})
     */
    public AccessRules(ApiToken token, String boundHost, List<String> allowedHosts) {
        this.token = token;
        this.boundHost = boundHost.toLowerCase(Locale.ROOT);
        this.allowedHosts = allowedHosts.stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean authRequired() {
        return token != null;
    }

    /** Null when auth is off. */
    ApiToken token() {
        return token;
    }

    /**
     * @param hostHeader the request's Host header (name and optional port)
     * @param localAddress the address the connection arrived on, as text, which a client may use directly;
     *     null when unknown (a WebSocket upgrade is decided before the connection is handed over), and
     *     then any IP address literal is accepted: DNS rebinding needs a host <em>name</em> the attacker
     *     controls, so a literal address cannot come from it, and the Origin and token checks still apply.
     *     Without this, a daemon bound to 0.0.0.0 and opened as http://192.168.1.20:8000/ would serve the
     *     dashboard but refuse its live updates.
     * @param localPort the port the connection arrived on; 0 or less when unknown (then any port is accepted)
     */
    public boolean hostAllowed(String hostHeader, String localAddress, int localPort) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        Optional<HostAndPort> parsed = HostAndPort.parse(hostHeader.strip());
        if (parsed.isEmpty()) {
            return false;
        }
        HostAndPort host = parsed.get();
        if (host.port() != -1 && localPort > 0 && host.port() != localPort) {
            return false;
        }
        String name = host.name();
        return LOOPBACK_NAMES.contains(name)
                || allowedHosts.contains(name)
                || name.equals(boundHost)
                || name.equals(bracketed(boundHost))
                || (localAddress != null
                        && unbracketed(name).equals(unbracketed(localAddress.toLowerCase(Locale.ROOT))))
                || (localAddress == null && isAddressLiteral(name));
    }

    /** A dotted IPv4 address or a bracketed IPv6 one, told apart from names without any DNS lookup. */
    static boolean isAddressLiteral(String name) {
        if (IPV4.matcher(name).matches()) {
            for (String part : name.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        return name.startsWith("[")
                && name.endsWith("]")
                && IPV6.matcher(unbracketed(name)).matches();
    }

    /** How a request proved who it is; only a cookie is sent by the browser on another page's behalf. */
    enum Credential {
        BEARER,
        COOKIE,
        /** auth: none, and no bearer header: treated like a cookie, because any page can send it */
        NOT_REQUIRED,
        MISSING
    }

    /** A browser page from another site must not open our WebSocket; a missing Origin is a non-browser client. */
    public boolean originAllowed(String origin, String hostHeader) {
        if (origin == null) {
            return true;
        }
        Optional<Origin> parsed = Origin.parse(origin);
        return parsed.isPresent()
                && parsed.get().scheme().startsWith("http")
                && parsed.get().addresses(hostHeader, parsed.get().scheme());
    }

    /**
     * A state change sent with the browser's cookie must come from a page of this very server: same
     * scheme, host and port. SameSite cannot promise that, because it ignores the port, so a page served
     * by anything else on 127.0.0.1 would count as same-site. {@code null} (sandboxed frames, file pages)
     * is refused.
     *
     * @param scheme the scheme the request arrived with ("http" or "https")
     */
    static boolean sameOrigin(String origin, String hostHeader, String scheme) {
        Optional<Origin> parsed = Origin.parse(origin);
        return parsed.isPresent()
                && parsed.get().scheme().equals(scheme)
                && parsed.get().addresses(hostHeader, scheme);
    }

    /** True when auth is off or the bearer header or the cookie carries the token. */
    public boolean authorized(String authorization, String cookieHeader) {
        return credential(authorization, cookieHeader) != Credential.MISSING;
    }

    /**
     * Which valid credential the request carries. A bearer header, when present, decides alone: a wrong
     * one is not rescued by a cookie.
     */
    Credential credential(String authorization, String cookieHeader) {
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (token == null) {
            return bearer ? Credential.BEARER : Credential.NOT_REQUIRED;
        }
        if (bearer) {
            return token.matches(authorization.substring(7)) ? Credential.BEARER : Credential.MISSING;
        }
        return cookieValue(cookieHeader).map(token::matches).orElse(false) ? Credential.COOKIE : Credential.MISSING;
    }

    public boolean tokenMatches(String candidate) {
        return token == null || token.matches(candidate);
    }

    static Optional<String> cookieValue(String cookieHeader) {
        if (cookieHeader == null) {
            return Optional.empty();
        }
        for (String part : cookieHeader.split(";")) {
            String trimmed = part.strip();
            if (trimmed.startsWith(COOKIE_NAME + "=")) {
                return Optional.of(trimmed.substring(COOKIE_NAME.length() + 1));
            }
        }
        return Optional.empty();
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** An Origin header: exactly scheme://host[:port], nothing after it. */
    private record Origin(String scheme, String host, int port) {
        static Optional<Origin> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            try {
                URI uri = new URI(value.strip());
                if (uri.getScheme() == null
                        || uri.getHost() == null
                        || uri.getRawUserInfo() != null
                        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                        || uri.getRawQuery() != null
                        || uri.getRawFragment() != null) {
                    return Optional.empty();
                }
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme);
                return Optional.of(new Origin(scheme, unbracketed(uri.getHost().toLowerCase(Locale.ROOT)), port));
            } catch (java.net.URISyntaxException e) {
                return Optional.empty();
            }
        }

        /** Whether a request with this Host header, arriving over {@code scheme}, was addressed to this origin. */
        boolean addresses(String hostHeader, String scheme) {
            if (hostHeader == null) {
                return false;
            }
            Optional<HostAndPort> target = HostAndPort.parse(hostHeader.strip());
            return target.isPresent()
                    && host.equals(unbracketed(target.get().name()))
                    && port
                            == (target.get().port() == -1
                                    ? defaultPort(scheme)
                                    : target.get().port());
        }

        private static int defaultPort(String scheme) {
            return scheme.equals("https") ? 443 : 80;
        }
    }

    private record HostAndPort(String name, int port) {
        static Optional<HostAndPort> parse(String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            int portStart = lower.startsWith("[") ? lower.indexOf("]:") + 1 : lower.lastIndexOf(':');
            if (lower.startsWith("[") && !lower.contains("]")) {
                return Optional.empty();
            }
            if (portStart <= 0 || (!lower.startsWith("[") && lower.indexOf(':') != portStart)) {
                return Optional.of(new HostAndPort(lower, -1));
            }
            try {
                return Optional.of(new HostAndPort(
                        lower.substring(0, portStart), Integer.parseInt(lower.substring(portStart + 1))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
