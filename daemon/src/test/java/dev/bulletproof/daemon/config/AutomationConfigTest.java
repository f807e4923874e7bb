package dev.bulletproof.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.model.Json;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** webhooks, hooks and min_free_space: read from the config file only, checked as strictly as the rest. */
class AutomationConfigTest {

    private static final Set<String> BUILT_IN = Set.of("live-qlab", "audio-qlab", "live-h264");

    @TempDir
    Path dir;

    private ConfigStore storeWith(String yaml) throws Exception {
        Path file = dir.resolve("bulletproof.yaml");
        Files.writeString(file, yaml);
        return new ConfigStore(file, BUILT_IN);
    }

    @Test
    void webhooksHooksAndTheFreeSpaceThresholdAreReadFromTheFile() throws Exception {
        ConfigStore store = storeWith("""
                max_workers: 3
                webhooks:
                  - url: https://chat.example/hooks/cues
                    events: [job.completed, job.failed]
                    secret: abc
                    timeout_seconds: 4
                hooks:
                  - command: [/usr/local/bin/copy-proxy, --to, edit]
                    events: [job.completed]
                min_free_space: 10 GB
                """);

        AutomationSettings settings = store.loadAutomation();

        WebhookEndpoint endpoint = settings.webhooks().getFirst();
        assertThat(endpoint.url()).isEqualTo(URI.create("https://chat.example/hooks/cues"));
        assertThat(endpoint.events()).containsExactlyInAnyOrder("job.completed", "job.failed");
        assertThat(endpoint.secret()).isEqualTo("abc");
        assertThat(endpoint.timeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(endpoint.toString()).doesNotContain("abc");
        assertThat(settings.hooks().getFirst().command()).containsExactly("/usr/local/bin/copy-proxy", "--to", "edit");
        assertThat(settings.minFreeSpace().reserveOn(1_000_000_000_000L)).isEqualTo(10_000_000_000L);
        assertThat(store.load().maxWorkers()).isEqualTo(3);
    }

    @Test
    void withoutTheKeysThereAreNoneAndTheReserveIsTheLargerOfTwoGigabytesAndFivePercent() throws Exception {
        AutomationSettings settings = storeWith("max_workers: 2\n").loadAutomation();

        assertThat(settings.webhooks()).isEmpty();
        assertThat(settings.hooks()).isEmpty();
        assertThat(settings.minFreeSpace().reserveOn(10_000_000_000L)).isEqualTo(2_000_000_000L);
        assertThat(settings.minFreeSpace().reserveOn(100_000_000_000L)).isEqualTo(5_000_000_000L);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            webhooks: [{url: 'file:///etc/passwd', events: [job.completed]}]      | webhooks[0].url    | http:// or https://
            webhooks: [{url: 'gopher://x', events: [job.completed]}]              | webhooks[0].url    | http:// or https://
            webhooks: [{url: 'https://u:p@x', events: [job.completed]}]           | webhooks[0].url    | user name
            webhooks: [{url: 'https://x', events: [job.complete]}]                | webhooks[0].events | did you mean 'job.completed'
            webhooks: [{url: 'https://x', events: [job.failed], secert: s}]       | webhooks[0].secert | did you mean 'secret'
            hooks: [{command: 'notify --cue $FILE'}]                              | hooks[0].command   | never run through a shell
            hooks: [{command: [notify], events: [disk.low]}]                      | hooks[0].events    | unknown event
            min_free_space: lots                                                  | min_free_space     | 10 GB
            """)
    void mistakesAreRefusedByField(String yaml, String field, String message) throws Exception {
        ConfigStore store = storeWith(yaml + "\n");

        assertThatThrownBy(store::load)
                .isInstanceOf(ConfigValidationException.class)
                .satisfies(e -> assertThat(((ConfigValidationException) e).fields())
                        .containsKey(field)
                        .extractingByKey(field)
                        .asString()
                        .contains(message));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"hooks": [{"command": ["/bin/sh", "-c", "id"]}]}
            {"webhooks": [{"url": "http://169.254.169.254/latest", "events": ["job.completed"]}]}
            {"min_free_space": "0"}
            """)
    void theApiCannotSetThem(String body) throws Exception {
        ConfigStore store = storeWith("max_workers: 2\n");
        ObjectNode request = (ObjectNode) Json.mapper().readTree(body);
        String key = request.fieldNames().next();

        assertThatThrownBy(() -> store.modelForRequest(request, store.load()))
                .isInstanceOf(ConfigValidationException.class)
                .satisfies(e -> assertThat(((ConfigValidationException) e).fields())
                        .containsEntry(key, "set this in the config file; it cannot be changed over the API"));
    }

    @Test
    void savingOverTheApiKeepsTheFilesWebhooksAndHooks() throws Exception {
        ConfigStore store = storeWith("""
                max_workers: 2
                webhooks:
                  - url: https://chat.example/hooks/cues
                    events: [job.completed]
                    secret: abc
                hooks:
                  - command: [/usr/local/bin/copy-proxy]
                """);
        ObjectNode request = (ObjectNode) Json.mapper().readTree("{\"max_workers\": 4}");

        store.save(store.modelForRequest(request, store.load()));

        assertThat(store.load().maxWorkers()).isEqualTo(4);
        AutomationSettings kept = store.loadAutomation();
        assertThat(kept.webhooks()).hasSize(1);
        assertThat(kept.webhooks().getFirst().secret()).isEqualTo("abc");
        assertThat(kept.hooks()).hasSize(1);
    }
}
