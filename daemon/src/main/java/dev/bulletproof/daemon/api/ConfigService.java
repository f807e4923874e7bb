package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.model.ConfigModel;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * /api/config. A POST changes only the keys it carries: the seed's three-key body must not reset the
 * rules, profiles and everything else to their defaults.
 */
final class ConfigService implements HttpService {

    private static final java.util.Set<String> KNOWN_KEYS = java.util.Arrays.stream(
                    ConfigModel.class.getRecordComponents())
            .map(component -> PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(component.getName()))
            .collect(Collectors.toUnmodifiableSet());

    private final ApiContext context;

    ConfigService(ApiContext context) {
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/config", this::get).post("/api/config", this::update).delete("/api/config/reset", this::reset);
    }

    private void get(ServerRequest request, ServerResponse response) {
        JsonBodies.send(response, context.monitor().config().toModel());
    }

    private void update(ServerRequest request, ServerResponse response) {
        ObjectNode changes = context.bodies().object(request);
        rejectUnknownKeys(changes);
        if (changes.isEmpty()) {
            get(request, response);
            return;
        }
        ConfigModel merged = merged(changes);
        JsonBodies.send(response, context.monitor().applyConfig(merged).toModel());
    }

    private void reset(ServerRequest request, ServerResponse response) {
        JsonBodies.send(response, context.monitor().resetConfig().toModel());
    }

    /** A misspelt key would otherwise be ignored silently and the user would think it was saved. */
    private static void rejectUnknownKeys(ObjectNode changes) {
        Map<String, String> unknown = new java.util.LinkedHashMap<>();
        changes.fieldNames().forEachRemaining(name -> {
            if (!KNOWN_KEYS.contains(name)) {
                unknown.put(name, "unknown setting");
            }
        });
        if (!unknown.isEmpty()) {
            throw new ApiException(422, "invalid_config", "unknown settings: " + unknown.keySet(), unknown);
        }
    }

    /** The file's current keys (relative paths kept as written) with the body's keys laid over them. */
    private ConfigModel merged(ObjectNode changes) {
        ObjectNode current =
                JsonBodies.MAPPER.valueToTree(context.monitor().configStore().loadModel());
        current.setAll(changes);
        try {
            return JsonBodies.MAPPER.treeToValue(current, ConfigModel.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            String key = field.isEmpty() ? "config" : field;
            throw new ApiException(
                    422,
                    "invalid_config",
                    key + ": wrong type or value",
                    Map.of(key, "wrong type or value: " + e.getOriginalMessage()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("the configuration is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
