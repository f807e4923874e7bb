package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.model.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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

    JsonNode tree(ServerRequest request) {
        byte[] bytes = bytes(request);
        if (bytes.length == 0) {
            throw ApiException.badRequest("the request needs a JSON body");
        }
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
