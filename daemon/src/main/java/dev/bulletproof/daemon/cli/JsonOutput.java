package dev.bulletproof.daemon.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulletproof.model.Json;
import java.io.PrintWriter;

/** {@code --json}: the API's own mapper, so scripts read the same field names as GET /api/... returns. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = Json.mapper();

    private JsonOutput() {}

    static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the API's records are always serialisable", e);
        }
        out.flush();
    }
}
