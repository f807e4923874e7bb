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

    /** A browser page from another site must not open our WebSocket; a missing Origin is a non-browser client. */
    public boolean originAllowed(String origin, String hostHeader) {
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null || hostHeader == null) {
                return false;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            Optional<HostAndPort> host = HostAndPort.parse(hostHeader.strip());
            return scheme.startsWith("http")
                    && host.isPresent()
                    && unbracketed(uri.getHost().toLowerCase(Locale.ROOT))
                            .equals(unbracketed(host.get().name()))
                    && port == (host.get().port() == -1 ? 80 : host.get().port());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when auth is off or the bearer header or the cookie carries the token. */
    public boolean authorized(String authorization, String cookieHeader) {
        if (token == null) {
            return true;
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return token.matches(authorization.substring(7));
        }
        return cookieValue(cookieHeader).map(token::matches).orElse(false);
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
