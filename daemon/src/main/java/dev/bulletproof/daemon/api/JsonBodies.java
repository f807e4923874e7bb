package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.Spelling;
import dev.bulletproof.model.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading request bodies and writing JSON responses with the one shared mapper, with a size limit. */
final class JsonBodies {

    static final ObjectMapper MAPPER = Json.mapper();

    private final long maxBodyBytes;

    JsonBodies(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The body as a JSON object; a missing body, malformed JSON or another JSON type is a 400. */
    ObjectNode object(ServerRequest request) {
        JsonNode node = tree(request);
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest("the request body must be a JSON object");
        }
        return object;
    }

    /**
     * The body as a JSON object carrying only {@code allowedKeys}: a misspelt key would otherwise be
     * ignored and the caller would believe it took effect.
     */
    ObjectNode object(ServerRequest request, Set<String> allowedKeys) {
        ObjectNode object = object(request);
        rejectUnknownKeys(object, allowedKeys);
        return object;
    }

    /**
     * For requests that take no body: none, or an empty JSON object (what a client that always sends a
     * JSON body sends). Anything else is refused rather than ignored, so garbage never gets the request's
     * effect.
     */
    void none(ServerRequest request) {
        byte[] bytes = bytes(request);
        if (bytes.length == 0) {
            return;
        }
        JsonNode node = parse(bytes);
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest("this request takes no body; send none or {}");
        }
        rejectUnknownKeys(object, Set.of());
    }

    static void rejectUnknownKeys(ObjectNode object, Set<String> allowedKeys) {
        Map<String, String> unknown = new LinkedHashMap<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!allowedKeys.contains(name)) {
                unknown.put(name, unknownKeyMessage(name, allowedKeys));
            }
        });
        if (!unknown.isEmpty()) {
            throw new ApiException(
                    422,
                    "invalid_request",
                    unknown.entrySet().stream()
                            .map(entry -> entry.getKey() + ": " + entry.getValue())
                            .collect(Collectors.joining("; ")),
                    unknown);
        }
    }

    private static String unknownKeyMessage(String name, Set<String> allowedKeys) {
        if (allowedKeys.isEmpty()) {
            return "unknown field; this request takes no fields";
        }
        return Spelling.closest(name, allowedKeys, 2)
                .map(known -> "unknown field; did you mean '" + known + "'?")
                .orElse("unknown field; expected "
                        + allowedKeys.stream().sorted().toList());
    }

    JsonNode tree(ServerRequest request) {
        byte[] bytes = bytes(request);
        if (bytes.length == 0) {
            throw ApiException.badRequest("the request needs a JSON body");
        }
        return parse(bytes);
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest("the request needs a JSON body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads at most the limit (chunked bodies have no Content-Length to check up front). */
    private byte[] bytes(ServerRequest request) {
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (bytes.length > maxBodyBytes) {
                throw AccessFilter.tooLarge(maxBodyBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("the request body could not be read: " + e.getMessage());
        }
    }

    static void send(ServerResponse response, Object body) {
        send(response, Status.OK_200, body);
    }

    static void send(ServerResponse response, Status status, Object body) {
        try {
            byte[] json = MAPPER.writeValueAsBytes(body);
            response.status(status);
            response.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
            response.header(HeaderNames.CACHE_CONTROL, "no-store");
            response.send(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }
}
