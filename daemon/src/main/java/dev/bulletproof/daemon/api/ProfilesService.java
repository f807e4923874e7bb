package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.media.Profile;
import dev.bulletproof.daemon.rules.RuleMatch;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** /api/profiles and the rules dry run /api/rules/test. */
final class ProfilesService implements HttpService {

    /**
     * What the rules would do with a file name.
     *
     * @param ruleIndex the matching rule's 0-based position in the config, -1 for the default rule, null when none matched
     * @param explanation one line per rule, in the order they are tried
     */
    record RuleTestResult(
            String filename,
            boolean matched,
            Integer ruleIndex,
            String profile,
            String output,
            String onSuccess,
            List<String> explanation) {}

    private final ApiContext context;

    ProfilesService(ApiContext context) {
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/profiles", this::profiles).post("/api/rules/test", this::testRules);
    }

    private void profiles(ServerRequest request, ServerResponse response) {
        JsonBodies.send(
                response,
                context.config().profiles().all().stream().map(Profile::toModel).toList());
    }

    private void testRules(ServerRequest request, ServerResponse response) {
        JsonNode filename = context.bodies().object(request, Set.of("filename")).get("filename");
        if (filename == null || !filename.isTextual() || filename.asText().isBlank()) {
            throw ApiException.invalidField("filename", "must be a non-empty string");
        }
        String name = filename.asText();
        Optional<RuleMatch> match = context.config().rules().match(relative(name));
        JsonBodies.send(
                response,
                new RuleTestResult(
                        name,
                        match.isPresent(),
                        match.map(RuleMatch::ruleIndex).orElse(null),
                        match.map(RuleMatch::profile).orElse(null),
                        match.map(m -> m.outputRelativePath().toString().replace('\\', '/'))
                                .orElse(null),
                        match.map(m -> m.onSuccess().wireName()).orElse(null),
                        context.config().rules().explain(name)));
    }

    private static Path relative(String name) {
        try {
            Path path = Path.of(name);
            if (path.isAbsolute() || path.normalize().startsWith("..") || path.getFileName() == null) {
                throw ApiException.invalidField(
                        "filename", "must be a file name or a path relative to the watch folder");
            }
            return path;
        } catch (InvalidPathException e) {
            throw ApiException.invalidField("filename", "not a valid file name: " + e.getMessage());
        }
    }
}
