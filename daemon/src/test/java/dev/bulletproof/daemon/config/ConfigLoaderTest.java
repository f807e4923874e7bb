package dev.bulletproof.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.PatternType;
import dev.bulletproof.model.RuleModel;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void readsEveryKeyOfTheArchitectureFile() {
        ConfigModel model = loader.parse("""
                monitor_folder: /shows/in
                output_folder: /shows/out
                max_workers: 4
                recursive: true
                stable_seconds: 3.5
                scan_interval_seconds: 10
                on_success: move
                processed_folder: /shows/done
                max_attempts: 5
                stall_timeout_seconds: 60
                ffmpeg_path: /usr/bin/ffmpeg
                server: { host: 127.0.0.1, port: 8080, auth: none }
                profiles:
                  - name: my-proxy
                    extension: mov
                rules:
                  - pattern: "*.mov"
                    pattern_type: glob
                    profile: live-qlab
                    output_pattern: "{stem}.{ext}"
                    priority: 100
                    on_success: delete
                """).model();

        assertThat(model.monitorFolder()).isEqualTo("/shows/in");
        assertThat(model.maxWorkers()).isEqualTo(4);
        assertThat(model.stableSeconds()).isEqualTo(3.5);
        assertThat(model.onSuccess()).isEqualTo(OnSuccess.MOVE);
        assertThat(model.server().port()).isEqualTo(8080);
        assertThat(model.profiles())
                .singleElement()
                .satisfies(p -> assertThat(p).containsEntry("name", "my-proxy"));
        assertThat(model.rules())
                .containsExactly(
                        new RuleModel("*.mov", PatternType.GLOB, "live-qlab", "{stem}.{ext}", 100, OnSuccess.DELETE));
    }

    @Test
    void acceptsTheOriginalToolsKeys() {
        ConfigLoader.ParsedConfig parsed = loader.parse("""
                watch_directory: ./watch
                output_directory: ./out
                poll_interval: 7
                delete_input: true
                persist_path: ./queue.json
                log_level: DEBUG
                log_file: ./monitor.log
                rules:
                  - pattern: "*.wav"
                    profile: audio-qlab
                    delete_input: false
                """);

        ConfigModel model = parsed.model();
        assertThat(model.monitorFolder()).isEqualTo("./watch");
        assertThat(model.outputFolder()).isEqualTo("./out");
        assertThat(model.scanIntervalSeconds()).isEqualTo(7.0);
        assertThat(model.onSuccess()).isEqualTo(OnSuccess.DELETE);
        assertThat(model.rules().getFirst().onSuccess())
                .as("defect 8: a per-rule delete_input: false must keep the input")
                .isEqualTo(OnSuccess.KEEP);
        assertThat(parsed.notes())
                .hasSize(3)
                .anySatisfy(note -> assertThat(note).startsWith("'persist_path' is ignored"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            'max_worker: 3',                        max_worker,           did you mean 'max_workers'?
            'colour: blue',                         colour,               unknown key 'colour'
            'server: {hots: 0.0.0.0}',              server.hots,          did you mean 'host'?
            'rules: [{pattern: a, profle: x}]',     rules[0].profle,      did you mean 'profile'?
            'max_workers: many',                    max_workers,          must be a whole number
            'max_workers: 2.5',                     max_workers,          must be a whole number
            'recursive: [1]',                       recursive,            must be true or false
            'on_success: shred',                    on_success,           one of [keep, move, delete]
            'rules: [{pattern: a, pattern_type: fuzzy}]', rules[0].pattern_type, one of [glob, regex, exact]
            'delete_input: sometimes',              delete_input,         must be true or false
            'server: {allowed_hosts: ingest.local}', server.allowed_hosts, must be a list of host names
            'server: {allowed_hosts: [{a: 1}]}',    server.allowed_hosts, must be a list of host names
            'server: {prot: 9000}',                 server.prot,          unknown key 'prot' in server; did you mean 'port'?
            'rules: [null]',                        rules[0],             must be a mapping with pattern and profile
            'profiles: [null]',                     profiles[0],          must be a mapping
            'profiles: [{name: p, crff: 3}]',       profiles[0].crff,     did you mean 'crf'?
            'profiles: [{name: p, crf: [3]}]',      profiles[0].crf,      must be a single value
            'max_workers: 9223372036854775808',     max_workers,          must be a whole number
            'max_workers: 1e30',                    max_workers,          must be a whole number
            'monitor_folder: "a\\0b"',              monitor_folder,       must not contain a NUL character
            'rules: [{pattern: "\\0", profile: x}]', rules[0].pattern,      must not contain a NUL character
            """)
    void unknownKeysAndBadValuesAreErrorsNamingTheField(String yaml, String field, String message) {
        ConfigValidationException e = catchThrowableOfType(ConfigValidationException.class, () -> loader.parse(yaml));

        assertThat(e.fields()).containsKey(field);
        assertThat(e.fields().get(field)).contains(message);
    }

    @Test
    void aRequestSpeaksOnlyTheCurrentKeyNames() {
        ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        body.put("watch_directory", "./in");
        body.put("persist_path", "./queue.json");
        body.putArray("rules")
                .addObject()
                .put("pattern", "*")
                .put("profile", "live-qlab")
                .put("delete_input", true);

        Map<String, String> problems =
                loader.read(body, ConfigLoader.Origin.REQUEST).problems();

        assertThat(problems).containsOnlyKeys("watch_directory", "persist_path", "rules[0].delete_input");
        assertThat(problems.get("watch_directory")).endsWith("did you mean 'monitor_folder'?");
        assertThat(problems.get("rules[0].delete_input")).endsWith("did you mean 'on_success'?");
    }

    @Test
    void reportsAllProblemsAtOnceAndRefusesAKeyGivenUnderTwoNames() {
        ConfigValidationException e = catchThrowableOfType(ConfigValidationException.class, () -> loader.parse("""
                monitor_folder: /a
                watch_directory: /b
                max_worker: 2
                stable_second: 1
                """));

        assertThat(e.fields()).containsOnlyKeys("watch_directory", "max_worker", "stable_second");
        assertThat(e.getMessage()).contains("\n  max_worker: ", "\n  stable_second: ");
    }

    @Test
    void emptyFileMeansDefaults() {
        assertThat(loader.parse("").model()).isEqualTo(DaemonConfig.emptyModel());
        assertThat(loader.parse("# only a comment\n").model()).isEqualTo(DaemonConfig.emptyModel());
    }

    @Test
    void brokenYamlIsAFileLevelError() {
        ConfigValidationException e =
                catchThrowableOfType(ConfigValidationException.class, () -> loader.parse("max_workers: [1,"));

        assertThat(e.fields()).containsOnlyKeys("(file)");
    }
}
