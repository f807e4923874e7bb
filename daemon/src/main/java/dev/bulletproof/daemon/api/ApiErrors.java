package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.config.ConfigValidationException;
import dev.bulletproof.daemon.jobs.DuplicateJobException;
import dev.bulletproof.daemon.jobs.IllegalTransitionException;
import dev.bulletproof.daemon.jobs.InvalidJobRequestException;
import dev.bulletproof.daemon.jobs.JobNotFoundException;
import dev.bulletproof.daemon.schedule.InvalidOverrideException;
import dev.bulletproof.model.ErrorModel;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/**
 * The one place exceptions become HTTP responses. Expected failures keep their message; anything else
 * is a bug: logged with its stack trace and answered with a generic 500 that reveals nothing.
 */
final class ApiErrors {

    private static final System.Logger LOG = System.getLogger(ApiErrors.class.getName());

    private ApiErrors() {}

    static void register(HttpRouting.Builder routing) {
        routing.error(Exception.class, ApiErrors::handle);
    }

    static void handle(ServerRequest request, ServerResponse response, Exception error) {
        if (response.isSent()) {
            LOG.log(System.Logger.Level.WARNING, "error after the response was sent: " + error);
            return;
        }
        ErrorResponse mapped = map(error);
        if (mapped.status() >= 500) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "unexpected failure on " + request.prologue().method().text() + " "
                            + request.path().path(),
                    error);
        }
        send(response, mapped.status(), mapped.body());
    }

    /**
     * Refusals the server makes before any route runs (a request line that is too long, a header it cannot
     * parse) get the same JSON error body as every other refusal, instead of an empty text answer.
     */
    static DirectHandlers directHandlers() {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, ApiErrors::direct);
        }
        return handlers.build();
    }

    private static DirectHandler.TransportResponse direct(
            DirectHandler.TransportRequest request,
            DirectHandler.EventType type,
            Status status,
            ServerResponseHeaders headers,
            String message) {
        ErrorModel body = status.code() >= 500
                ? new ErrorModel("internal_error", "the daemon failed unexpectedly; the details are in its log")
                : new ErrorModel(
                        status.code() == 413 ? "body_too_large" : "bad_request",
                        message == null || message.isBlank() ? status.reasonPhrase() : message);
        try {
            return DirectHandler.TransportResponse.builder()
                    .status(status)
                    .headers(headers)
                    .header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
                    .entity(JsonBodies.MAPPER.writeValueAsBytes(body))
                    .keepAlive(type.keepAlive())
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an error body", e);
        }
    }

    static void send(ServerResponse response, int status, ErrorModel body) {
        JsonBodies.send(response, Status.create(status), body);
    }

    record ErrorResponse(int status, ErrorModel body) {}

    static ErrorResponse map(Exception error) {
        return switch (error) {
            case HttpException e ->
                new ErrorResponse(
                        e.status().code(),
                        new ErrorModel(
                                e.status().code() >= 500 ? "internal_error" : "bad_request",
                                e.status().reasonPhrase()));
            case ApiException e -> new ErrorResponse(e.status(), new ErrorModel(e.code(), e.getMessage(), e.fields()));
            case JobNotFoundException e -> new ErrorResponse(404, new ErrorModel("job_not_found", e.getMessage()));
            case NodeNotFoundException e -> new ErrorResponse(404, new ErrorModel("node_not_found", e.getMessage()));
            case InvalidJobRequestException e ->
                new ErrorResponse(
                        422, new ErrorModel("invalid_request", e.getMessage(), Map.of(e.field(), e.problem())));
            case InvalidOverrideException e ->
                new ErrorResponse(
                        422, new ErrorModel("invalid_request", e.getMessage(), Map.of(e.field(), e.problem())));
            case DuplicateJobException e -> new ErrorResponse(409, new ErrorModel("conflict", e.getMessage()));
            case IllegalTransitionException e ->
                new ErrorResponse(409, new ErrorModel("illegal_transition", e.getMessage()));
            case ConfigValidationException e ->
                new ErrorResponse(
                        422,
                        new ErrorModel(
                                "invalid_config", "the configuration was not changed: " + summary(e), e.fields()));
            case BulletproofException e -> new ErrorResponse(422, new ErrorModel("invalid_request", e.getMessage()));
            default ->
                new ErrorResponse(
                        500,
                        new ErrorModel("internal_error", "the daemon failed unexpectedly; the details are in its log"));
        };
    }

    private static String summary(ConfigValidationException e) {
        return String.join(
                "; ",
                e.fields().entrySet().stream()
                        .map(f -> f.getKey() + ": " + f.getValue())
                        .toList());
    }
}
