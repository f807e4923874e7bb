package dev.bulletproof.daemon.api;

import dev.bulletproof.model.ErrorModel;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs before every route: Host allowlist (DNS rebinding), token check on /api and /ws, JSON-only and
 * size-limited state-changing calls that a page from another origin cannot make with the cookie, and
 * the "open the printed URL" cookie flow on pages.
 *
 * <p>GET /api/health answers without a token: it is the liveness probe that service managers and the
 * launcher poll, and it reveals only the version and whether the watch folder and ffmpeg are there.
 */
final class AccessFilter implements Filter {

    private static final Set<Method> STATE_CHANGING = Set.of(Method.POST, Method.PUT, Method.PATCH, Method.DELETE);
    private static final HeaderName SEC_FETCH_SITE = HeaderNames.create("Sec-Fetch-Site");

    private final AccessRules rules;
    private final long maxBodyBytes;

    AccessFilter(AccessRules rules, long maxBodyBytes) {
        this.rules = rules;
        this.maxBodyBytes = maxBodyBytes;
    }

    static ApiException tooLarge(long maxBodyBytes) {
        return new ApiException(413, "body_too_large", "the request body is larger than " + maxBodyBytes + " bytes");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        response.header("X-Content-Type-Options", "nosniff");
        String path = request.path().path();
        if (!rules.hostAllowed(
                request.headers().first(HeaderNames.HOST).orElse(null),
                request.localPeer().host(),
                request.localPeer().port())) {
            refuse(response, new ApiException(403, "forbidden_host", "this server does not answer to that host name"));
            return;
        }
        boolean api = path.equals("/api") || path.startsWith("/api/") || path.startsWith("/ws/");
        if (api) {
            checkApiRequest(chain, request, response, path);
        } else if (request.prologue().method() == Method.GET && request.query().contains("token")) {
            exchangeTokenForCookie(request, response, path);
        } else {
            chain.proceed();
        }
    }

    private void checkApiRequest(FilterChain chain, RoutingRequest request, RoutingResponse response, String path) {
        boolean open = request.prologue().method() == Method.GET && path.equals("/api/health");
        AccessRules.Credential credential = rules.credential(
                request.headers().first(HeaderNames.AUTHORIZATION).orElse(null),
                request.headers().first(HeaderNames.COOKIE).orElse(null));
        if (!open && credential == AccessRules.Credential.MISSING) {
            refuse(
                    response,
                    new ApiException(401, "unauthorized", "a valid token is required (Authorization: Bearer <token>)"));
            return;
        }
        if (STATE_CHANGING.contains(request.prologue().method())) {
            ApiException refusal = stateChangeRefusal(request, credential);
            if (refusal != null) {
                refuse(response, refusal);
                return;
            }
        }
        chain.proceed();
    }

    /**
     * Null when the state change may go ahead. Only {@code application/json} is accepted, body or not:
     * a browser sends a form or text/plain post to any address without asking, while a JSON request
     * from another page needs a CORS preflight this server never grants. A request that is not
     * bearer-authenticated may also have come from a browser, so its Origin (when sent) must be ours.
     */
    private ApiException stateChangeRefusal(RoutingRequest request, AccessRules.Credential credential) {
        if (credential != AccessRules.Credential.BEARER) {
            ApiException foreign = foreignPageRefusal(request);
            if (foreign != null) {
                return foreign;
            }
        }
        if (!isJson(request.headers().first(HeaderNames.CONTENT_TYPE).orElse(null))) {
            return new ApiException(
                    415,
                    "unsupported_media_type",
                    "state-changing requests must be sent as application/json, even without a body");
        }
        if (request.headers().contentLength().orElse(0) > maxBodyBytes) {
            return tooLarge(maxBodyBytes);
        }
        return null;
    }

    private static ApiException foreignPageRefusal(RoutingRequest request) {
        String host = request.headers().first(HeaderNames.HOST).orElse(null);
        String scheme = request.isSecure() ? "https" : "http";
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        if (origin.isPresent() && !AccessRules.sameOrigin(origin.get(), host, scheme)) {
            return new ApiException(
                    403, "foreign_origin", "a page from " + origin.get().strip() + " may not change this daemon");
        }
        // Browsers that send Fetch Metadata say outright where the request comes from.
        Optional<String> site = request.headers().first(SEC_FETCH_SITE);
        if (site.isPresent() && !site.get().strip().equalsIgnoreCase("same-origin")) {
            return new ApiException(
                    403,
                    "foreign_origin",
                    "a request from another site (" + site.get().strip() + ") may not change this daemon");
        }
        return null;
    }

    /** {@code application/json} with or without parameters (charset); parsed by hand, so any header text is safe. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return mediaType.equalsIgnoreCase("application/json");
    }

    /**
     * Opening {@code /?token=...} (the URL the daemon prints) stores the token in an HttpOnly, same-site
     * cookie and redirects to the same page without it, so it does not linger in the address bar or history.
     */
    private void exchangeTokenForCookie(RoutingRequest request, RoutingResponse response, String path) {
        if (!rules.tokenMatches(request.query().get("token"))) {
            refuse(response, new ApiException(401, "unauthorized", "the token in the address is not valid"));
            return;
        }
        String rest = request.query().names().stream()
                .filter(name -> !name.equals("token"))
                .flatMap(name -> request.query().all(name).stream().map(value -> encode(name) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        response.status(Status.SEE_OTHER_303);
        response.header(
                HeaderNames.SET_COOKIE,
                AccessRules.COOKIE_NAME + "=" + request.query().get("token") + "; HttpOnly; SameSite=Strict; Path=/");
        response.header(HeaderNames.LOCATION, path + (rest.isEmpty() ? "" : "?" + rest));
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void refuse(RoutingResponse response, ApiException refusal) {
        ApiErrors.send(
                response, refusal.status(), new ErrorModel(refusal.code(), refusal.getMessage(), refusal.fields()));
    }
}
