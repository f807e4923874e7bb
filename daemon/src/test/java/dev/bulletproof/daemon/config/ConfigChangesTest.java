package dev.bulletproof.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigChangesTest {

    private static final Path BASE = Path.of("/shows");
    private final ConfigLoader loader = new ConfigLoader();

    private DaemonConfig config(String yaml) {
        return DaemonConfig.fromModel(loader.parse(yaml).model(), BASE);
    }

    @Test
    void identicalConfigsHaveNoChanges() {
        assertThat(ConfigChanges.between(config("max_workers: 3"), config("max_workers: 3"))
                        .isEmpty())
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            monitor_folder: ./elsewhere                    | monitor_folder        | true  | false | false | false
            recursive: true                                | recursive             | true  | false | false | false
            max_workers: 8                                 | max_workers           | false | true  | false | false
            rules: [{pattern: '*.mov', profile: live-qlab}] | rules                | false | false | true  | false
            on_success: delete                             | on_success            | false | false | true  | false
            server: {port: 9000}                           | server                | false | false | false | true
            stable_seconds: 10                             | stable_seconds        | false | false | false | false
            """)
    void eachKeyTellsWhatToReapply(
            String yaml, String key, boolean watch, boolean workers, boolean rules, boolean restart) {
        ConfigChanges changes = ConfigChanges.between(config(""), config(yaml));

        assertThat(changes.changedKeys()).containsExactly(key);
        assertThat(changes.watchChanged()).isEqualTo(watch);
        assertThat(changes.workersChanged()).isEqualTo(workers);
        assertThat(changes.rulesChanged()).isEqualTo(rules);
        assertThat(changes.restartRequired()).isEqualTo(restart);
        assertThat(changes.stabilityChanged()).isEqualTo(key.equals("stable_seconds"));
    }
}
