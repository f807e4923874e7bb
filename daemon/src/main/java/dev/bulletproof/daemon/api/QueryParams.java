package dev.bulletproof.daemon.api;

import io.helidon.webserver.http.ServerRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Query and path parameters, parsed with a 400 naming the parameter instead of a 500. */
final class QueryParams {

    /**
     * The instants the API accepts: four-digit years. Anything wider overflows the epoch milliseconds the
     * history is stored in (year -999999999 is a valid ISO-8601 time, and a long overflow).
     */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private QueryParams() {}

    static Optional<String> text(ServerRequest request, String name) {
        return request.query().contains(name) ? Optional.of(request.query().get(name)) : Optional.empty();
    }

    static int integer(ServerRequest request, String name, int fallback, int min, int max) {
        Optional<String> value = text(request, name);
        if (value.isEmpty()) {
            return fallback;
        }
        long parsed = wholeNumber(name, value.get());
        if (parsed < min || parsed > max) {
            throw ApiException.badParameter(name, "must be between " + min + " and " + max + ", was " + parsed);
        }
        return (int) parsed;
    }

    /** A yes/no switch: absent means false; {@code true}/{@code false} (any case), {@code 1}/{@code 0}. */
    static boolean flag(ServerRequest request, String name) {
        Optional<String> value = text(request, name);
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get().strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ApiException.badParameter(name, "must be true or false, was '" + shown(value.get()) + "'");
        };
    }

    static Optional<Long> longValue(ServerRequest request, String name) {
        return text(request, name).map(value -> wholeNumber(name, value));
    }

    private static long wholeNumber(String name, String value) {
        String text = value.strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            boolean digits =
                    !text.isEmpty() && text.replaceFirst("^-", "").chars().allMatch(Character::isDigit);
            throw ApiException.badParameter(
                    name,
                    digits
                            ? "is out of range, was " + shown(text)
                            : "must be a whole number, was '" + shown(text) + "'");
        }
    }

    static Optional<Instant> instant(ServerRequest request, String name) {
        Optional<String> value = text(request, name);
        if (value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        String text = value.get().strip();
        Instant instant;
        try {
            instant = parseInstant(text);
        } catch (DateTimeException e) {
            throw ApiException.badParameter(
                    name, "must be an ISO-8601 time such as 2025-12-30T12:34:56Z, was '" + shown(text) + "'");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ApiException.badParameter(
                    name, "must be between " + EARLIEST + " and " + LATEST + ", was '" + shown(text) + "'");
        }
        return Optional.of(instant);
    }

    private static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    /** The {id} path parameter of a job route. */
    static long jobId(ServerRequest request) {
        String raw = request.path().pathParameters().get("id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no job with id '" + shown(raw) + "'");
        }
    }

    /** Echoed input, cut short and without control characters, so an error message stays one readable line. */
    static String shown(String text) {
        String printable = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }
}
