package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.schedule.InvalidOverrideException;
import dev.bulletproof.daemon.schedule.ScheduleControl;
import dev.bulletproof.daemon.schedule.ScheduleOverride;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * /api/schedule: what the schedule says now and when that changes; a person's override of it ("run now
 * for 2 h", "hold until tomorrow 07:00"), kept across a restart, and its removal.
 */
final class ScheduleService implements HttpService {

    static final Set<String> OVERRIDE_KEYS = Set.of("mode", "until", "duration_seconds", "folder");

    private final ApiContext context;

    ScheduleService(ApiContext context) {
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/schedule", this::state)
                .post("/api/schedule/override", this::override)
                .delete("/api/schedule/override", this::clear);
    }

    private ScheduleControl schedule() {
        return context.engine().schedule();
    }

    private void state(ServerRequest request, ServerResponse response) {
        JsonBodies.send(response, ScheduleViews.model(schedule()));
    }

    private void override(ServerRequest request, ServerResponse response) {
        ObjectNode body = context.bodies().object(request, OVERRIDE_KEYS);
        ScheduleOverride.Mode mode = mode(body.get("mode"));
        String folder = folder(body.get("folder"));
        // A length is counted on the schedule's own clock, the one its windows are read on.
        Optional<Duration> length = length(body);
        if (folder != null) {
            length.ifPresentOrElse(
                    lasting -> schedule().overrideFolderFor(folder, mode, lasting),
                    () -> schedule().overrideFolder(folder, mode, until(body)));
        } else {
            length.ifPresentOrElse(
                    lasting -> schedule().overrideFor(mode, lasting),
                    () -> schedule().override(mode, until(body)));
        }
        state(request, response);
    }

    /** Without {@code ?folder=} the global override ends; with it, that folder's own. */
    private void clear(ServerRequest request, ServerResponse response) {
        Optional<String> folder = request.query().first("folder").asOptional();
        if (folder.isPresent()) {
            schedule().clearFolderOverride(folder.get());
        } else {
            schedule().clearOverride();
        }
        state(request, response);
    }

    /** A watch folder's path, or null (absent or null) for the global override. */
    private static String folder(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new InvalidOverrideException("folder", "must be the path of a watch folder with its own schedule");
        }
        return node.asText();
    }

    private static ScheduleOverride.Mode mode(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new InvalidOverrideException("mode", "is required: run or hold");
        }
        return switch (node.asText()) {
            case "run" -> ScheduleOverride.Mode.RUN;
            case "hold" -> ScheduleOverride.Mode.HOLD;
            default -> throw new InvalidOverrideException("mode", "must be run or hold");
        };
    }

    /**
     * Exactly one of an instant with its offset ("2026-12-03T07:00:00+01:00") or seconds from now: the
     * length when seconds were given, else empty (read the instant with {@link #until}).
     */
    private static Optional<Duration> length(ObjectNode body) {
        JsonNode until = body.get("until");
        JsonNode seconds = body.get("duration_seconds");
        boolean hasUntil = until != null && !until.isNull();
        boolean hasSeconds = seconds != null && !seconds.isNull();
        if (hasUntil == hasSeconds) {
            throw new InvalidOverrideException(
                    "until", "give either until (a time with its offset) or duration_seconds");
        }
        if (hasSeconds) {
            if (!seconds.isIntegralNumber() || seconds.asLong() <= 0) {
                throw new InvalidOverrideException("duration_seconds", "must be a whole number of seconds above 0");
            }
            if (seconds.asLong() > ScheduleControl.LONGEST_OVERRIDE.toSeconds()) {
                throw new InvalidOverrideException(
                        "duration_seconds", "must be at most " + ScheduleControl.LONGEST_OVERRIDE.toDays() + " days");
            }
            return Optional.of(Duration.ofSeconds(seconds.asLong()));
        }
        return Optional.empty();
    }

    private static Instant until(ObjectNode body) {
        JsonNode until = body.get("until");
        if (!until.isTextual()) {
            throw new InvalidOverrideException("until", "must be a time such as 2026-12-03T07:00:00+01:00");
        }
        try {
            return OffsetDateTime.parse(until.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidOverrideException(
                    "until", "must be a time with its offset, such as 2026-12-03T07:00:00+01:00");
        }
    }
}
