package dev.bulletproof.daemon.api;

import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Query and path parameters, parsed with a 400 naming the parameter instead of a 500. */
final class QueryParams {

    private QueryParams() {}

    static Optional<String> text(ServerRequest request, String name) {
        return request.query().contains(name) ? Optional.of(request.query().get(name)) : Optional.empty();
    }

    static int integer(ServerRequest request, String name, int fallback, int min, int max) {
        Optional<String> value = text(request, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get().strip());
            if (parsed < min || parsed > max) {
                throw ApiException.badRequest(name + " must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, was '" + value.get() + "'");
        }
    }

    static Optional<Long> longValue(ServerRequest request, String name) {
        Optional<String> value = text(request, name);
        try {
            return value.map(v -> Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, was '" + value.get() + "'");
        }
    }

    static Optional<Instant> instant(ServerRequest request, String name) {
        Optional<String> value = text(request, name);
        if (value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        String text = value.get().strip();
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(
                        name + " must be an ISO-8601 time such as 2025-12-30T12:34:56Z, was '" + text + "'");
            }
        }
    }

    /** The {id} path parameter of a job route. */
    static long jobId(ServerRequest request) {
        String raw = request.path().pathParameters().get("id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no job with id '" + raw + "'");
        }
    }
}
