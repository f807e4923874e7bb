package dev.bulletproof.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.PatternType;
import dev.bulletproof.model.RuleModel;
import dev.bulletproof.model.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigValidatorTest {

    private static final Set<String> BUILT_IN = Set.of("live-qlab", "audio-qlab", "live-h264");

    @TempDir
    Path base;

    private final ConfigLoader loader = new ConfigLoader();

    private Map<String, String> problemsOf(String yaml) {
        return ConfigValidator.problems(loader.parse(yaml).model(), base, BUILT_IN);
    }

    @Test
    void defaultsAreValidAndMatchTheDocumentedValues() {
        DaemonConfig config = ConfigValidator.validated(DaemonConfig.emptyModel(), base, BUILT_IN);

        assertThat(config.monitorFolder()).isEqualTo(base.resolve("videos/incoming"));
        assertThat(config.outputFolder()).isEqualTo(base.resolve("videos/output"));
        assertThat(config.processedFolder()).isEqualTo(base.resolve("videos/processed"));
        assertThat(config.maxWorkers()).isEqualTo(2);
        assertThat(config.recursive()).isFalse();
        assertThat(config.stableTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.scanInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.onSuccess()).isEqualTo(OnSuccess.KEEP);
        assertThat(config.maxAttempts()).isEqualTo(3);
        assertThat(config.stallTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.ffmpegPath()).isNull();
        assertThat(config.server()).isEqualTo(new ServerSettings("127.0.0.1", 8000, "token"));
        assertThat(config.profiles()).isEmpty();
        assertThat(config.rules()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            max_workers: 0                                   | max_workers            | must be between 1 and 64
            max_workers: 65                                  | max_workers            | must be between 1 and 64
            stable_seconds: 0                                | stable_seconds         | must be greater than 0
            scan_interval_seconds: -1                        | scan_interval_seconds  | must be greater than 0
            max_attempts: 0                                  | max_attempts           | must be between 1 and 100
            stall_timeout_seconds: 0                         | stall_timeout_seconds  | must be greater than 0
            server: {port: 70000}                            | server.port            | must be between 1 and 65535
            server: {auth: password}                         | server.auth            | must be 'token' or 'none'
            server: {host: 0.0.0.0, auth: none}              | server.auth            | only allowed on a loopback host
            server: {host: studio.local, auth: none}         | server.auth            | only allowed on a loopback host
            server: {allowed_hosts: ['http://ingest.local']} | server.allowed_hosts   | 'http://ingest.local' is not a host name
            server: {allowed_hosts: ['ingest.local:8000']}   | server.allowed_hosts   | without scheme, port or wildcard
            server: {allowed_hosts: ['*.studio.lan']}        | server.allowed_hosts   | is not a host name
            server: {allowed_hosts: ['']}                    | server.allowed_hosts   | is not a host name
            ffmpeg_path: ./no-such-ffmpeg                    | ffmpeg_path            | not an executable file
            output_folder: ./videos/incoming/out             | output_folder          | must not be inside monitor_folder (outputs would be re-ingested)
            output_folder: ./videos/incoming                 | output_folder          | must not be inside monitor_folder
            on_success: move\\nprocessed_folder: ./videos/incoming/done | processed_folder | must not be inside monitor_folder
            rules: [{pattern: '(*.mov', pattern_type: regex, profile: live-qlab}] | rules[0].pattern | invalid regex
            rules: [{pattern: '*.mov', profile: prores-ultra}] | rules[0].profile     | unknown profile 'prores-ultra'; known: audio-qlab, live-h264, live-qlab
            rules: [{pattern: '*.mov'}]                      | rules[0].profile       | required
            rules: [{profile: live-qlab}]                    | rules[0].pattern       | required
            rules: [{pattern: a, profile: live-qlab, output_pattern: '../{stem}.{ext}'}] | rules[0].output_pattern | must not contain '..'
            rules: [{pattern: a, profile: live-qlab, output_pattern: '/abs/{stem}'}]     | rules[0].output_pattern | must be relative
            rules: [{pattern: a, profile: live-qlab, output_pattern: '{nme}.{ext}'}]     | rules[0].output_pattern | unknown placeholder {nme}
            profiles: [{extension: mov}]                     | profiles[0].name       | required
            profiles: [{name: p, extension: mov, video_codec: libx264}] | profiles      | needs crf or video_bitrate
            output_folder: /                                 | output_folder          | must not be the root of a file system
            output_folder: /etc/bulletproof                  | output_folder          | must not be in the system folder /etc
            output_folder: /usr                              | output_folder          | must not be in the system folder /usr
            output_folder: /home                             | output_folder          | must not be /home itself
            processed_folder: /sys/x                         | processed_folder       | must not be in the system folder /sys
            monitor_folder: /                                | monitor_folder         | must not be the root of a file system
            output_folder: .                                 | output_folder          | must not contain monitor_folder
            output_folder: ./videos                          | output_folder          | must not contain monitor_folder
            processed_folder: ./videos                       | processed_folder       | must not contain monitor_folder
            """)
    void eachProblemIsReportedOnItsField(String yaml, String field, String message) {
        Map<String, String> problems = problemsOf(yaml.replace("\\n", "\n"));

        assertThat(problems).containsKey(field);
        assertThat(problems.get(field)).contains(message);
    }

    @Test
    void lanNamesAndAddressesMayBeAllowedHosts() {
        assertThat(problemsOf(
                        "server: {host: 0.0.0.0, allowed_hosts: [ingest.local, Edit-Bay-2.studio.lan, 192.168.1.20]}"))
                .isEmpty();
    }

    @Test
    void loopbackHostsMayTurnAuthOff() {
        assertThat(problemsOf("server: {host: 127.0.0.1, auth: none}")).isEmpty();
        assertThat(problemsOf("server: {host: localhost, auth: none}")).isEmpty();
        assertThat(problemsOf("server: {host: '::1', auth: none}")).isEmpty();
    }

    @Test
    void aFileWhereAFolderShouldBeIsAnErrorButAMissingFolderIsCreatedLater() throws Exception {
        Files.writeString(base.resolve("blocker"), "not a folder");

        Map<String, String> problems = problemsOf("""
                monitor_folder: ./blocker
                output_folder: ./blocker/out
                processed_folder: ./not/yet/there
                """);

        assertThat(problems).containsEntry("monitor_folder", "is a file, not a folder: " + base.resolve("blocker"));
        assertThat(problems.get("output_folder")).startsWith("folder does not exist and cannot be created");
        assertThat(problems).doesNotContainKey("processed_folder");
    }

    @Test
    void allProblemsComeTogetherInOneException() {
        ConfigModel model = loader.parse("""
                max_workers: 100
                stable_seconds: 0
                rules:
                  - {pattern: '[', pattern_type: regex, profile: nope}
                """).model();

        assertThatThrownBy(() -> ConfigValidator.validated(model, base, BUILT_IN))
                .isInstanceOfSatisfying(
                        ConfigValidationException.class,
                        e -> assertThat(e.fields())
                                .containsOnlyKeys(
                                        "max_workers", "stable_seconds", "rules[0].pattern", "rules[0].profile"))
                .hasMessageContaining("\n  max_workers: must be between 1 and 64");
    }

    @Test
    void customProfilesCountAsKnownForRules() {
        assertThat(problemsOf("""
                profiles: [{name: my-proxy, extension: mov, video_codec: prores_ks}]
                rules: [{pattern: '*.mov', profile: my-proxy}]
                """)).isEmpty();
    }

    @Test
    void relativePathsAreTakenFromTheConfigFolderAndSurviveTheModelRoundTrip() {
        ConfigModel model =
                loader.parse("monitor_folder: in\noutput_folder: ~/bp-out\n").model();

        DaemonConfig config = ConfigValidator.validated(model, base, BUILT_IN);
        assertThat(config.monitorFolder()).isEqualTo(base.resolve("in"));
        assertThat(config.outputFolder()).isEqualTo(Path.of(System.getProperty("user.home"), "bp-out"));
        assertThat(DaemonConfig.fromModel(config.toModel(), Path.of("/elsewhere")))
                .isEqualTo(config);
    }

    @Test
    void missingFoldersAreCreatedAtStartAndAnImpossibleOneIsAnError() throws Exception {
        DaemonConfig config = ConfigValidator.validated(
                new ConfigModel(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        OnSuccess.MOVE,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new RuleModel("*", PatternType.GLOB, "live-qlab", null, 0, null))),
                base,
                BUILT_IN);

        config.createMissingFolders();
        assertThat(config.monitorFolder()).isDirectory();
        assertThat(config.outputFolder()).isDirectory();
        assertThat(config.processedFolder()).isDirectory();

        Files.writeString(base.resolve("file"), "x");
        DaemonConfig blocked =
                DaemonConfig.fromModel(loader.parse("output_folder: ./file/out").model(), base);
        assertThatThrownBy(blocked::createMissingFolders)
                .isInstanceOfSatisfying(
                        ConfigValidationException.class,
                        e -> assertThat(e.fields()).containsOnlyKeys("output_folder"));
    }
}
