package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations of the OpenAPI document the running daemon serves, so that tests which must cover
 * every endpoint cover a new one without being edited (OpenApiDocumentTest keeps the document complete).
 */
record OpenApiOperations(List<Operation> all) {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** A query parameter with the parts of its schema that matter for generating bad values. */
    record Parameter(String name, String type, String format, Long minimum, Long maximum) {}

    /**
     * @param bodyProperties property name to JSON type of the request body; empty when the body is not an
     *     object with declared properties
     */
    record Operation(
            String method,
            String pathTemplate,
            List<Parameter> queryParameters,
            boolean takesBody,
            Map<String, String> bodyProperties) {

        boolean changesState() {
            return STATE_CHANGING.contains(method);
        }

        boolean hasJobId() {
            return pathTemplate.contains("{id}");
        }

        String path(String id) {
            return pathTemplate.replace("{id}", id);
        }

        @Override
        public String toString() {
            return method + " " + pathTemplate;
        }
    }

    static OpenApiOperations servedBy(ApiFixture api) {
        HttpResponse<String> response = api.get("/api/openapi.yaml");
        if (response.statusCode() != 200) {
            throw new AssertionError("the daemon did not serve its OpenAPI document: " + response.statusCode());
        }
        try {
            return parse(new ObjectMapper(new YAMLFactory()).readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenApiOperations parse(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return; // the WebSocket upgrade is tested on its own
            }
            path.getValue().properties().stream()
                    .filter(entry -> METHODS.contains(entry.getKey()))
                    .forEach(entry -> operations.add(operation(
                            document, path.getKey(), entry.getKey().toUpperCase(Locale.ROOT), entry.getValue())));
        });
        return new OpenApiOperations(List.copyOf(operations));
    }

    private static Operation operation(JsonNode document, String path, String method, JsonNode node) {
        List<Parameter> query = new ArrayList<>();
        for (JsonNode parameter : node.path("parameters")) {
            JsonNode resolved = resolve(document, parameter);
            if (resolved.path("in").asText().equals("query")) {
                JsonNode schema = resolved.path("schema");
                query.add(new Parameter(
                        resolved.get("name").asText(),
                        schema.path("type").asText("string"),
                        schema.path("format").asText(null),
                        schema.has("minimum") ? schema.get("minimum").asLong() : null,
                        schema.has("maximum") ? schema.get("maximum").asLong() : null));
            }
        }
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        JsonNode body = node.path("requestBody");
        resolve(document, body.path("content").path("application/json").path("schema"))
                .path("properties")
                .properties()
                .forEach(property -> properties.put(
                        property.getKey(),
                        resolve(document, property.getValue()).path("type").asText("object")));
        return new Operation(method, path, List.copyOf(query), !body.isMissingNode(), properties);
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = document;
        for (String part : node.get("$ref").asText().replaceFirst("^#/", "").split("/")) {
            target = target.path(part);
        }
        return target;
    }

    List<Operation> stateChanging() {
        return all.stream().filter(Operation::changesState).toList();
    }
}
