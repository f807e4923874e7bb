package dev.bulletproof.daemon.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonLoggingTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private DaemonLogging install(LogLevel level, LogFormat format, long cap, int kept) {
        return DaemonLogging.install(
                new DaemonLogging.Settings(level, format, folder.resolve(DaemonLogging.FILE_NAME), cap, kept),
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void theFileRotatesBeforeItPassesItsCapAndKeepsTheConfiguredNumberOfOldFiles() throws Exception {
        int records = 400;
        try (DaemonLogging logging = install(LogLevel.INFO, LogFormat.TEXT, 4096, 2)) {
            Logger logger = Logger.getLogger("dev.bulletproof.daemon.RotationProbe");
            for (int i = 0; i < records; i++) {
                logger.info(String.format("record %04d with some words to fill the line", i));
            }
        }
        Path current = folder.resolve("daemon.log");
        assertThat(Files.list(folder).map(path -> path.getFileName().toString()))
                .containsExactlyInAnyOrder("daemon.log", "daemon.log.1", "daemon.log.2");
        for (Path file : List.of(current, folder.resolve("daemon.log.1"), folder.resolve("daemon.log.2"))) {
            assertThat(Files.size(file)).as(file.toString()).isLessThanOrEqualTo(4096);
        }
        List<String> kept = new ArrayList<>();
        kept.addAll(Files.readAllLines(folder.resolve("daemon.log.2")));
        kept.addAll(Files.readAllLines(folder.resolve("daemon.log.1")));
        kept.addAll(Files.readAllLines(current));
        // Oldest first across the files, nothing lost or repeated among the records still kept.
        List<Integer> numbers = kept.stream()
                .map(line -> Integer.parseInt(line.replaceAll(".*record (\\d{4}).*", "$1")))
                .toList();
        assertThat(numbers.getLast()).isEqualTo(records - 1);
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(numbers.get(i - 1) + 1);
        }
        assertThat(Files.size(current) + Files.size(folder.resolve("daemon.log.1")))
                .isGreaterThan(4096);
    }

    @Test
    void aTextRecordIsOneLineWithTimeLevelShortComponentAndMessage() {
        try (DaemonLogging logging = install(LogLevel.INFO, LogFormat.TEXT, 1 << 20, 1)) {
            Logger.getLogger("dev.bulletproof.daemon.db.Migrations").log(Level.INFO, "applied {0}", "V1");
            Logger.getLogger("dev.bulletproof.daemon.Probe").warning("first line\nsecond line");
        }
        assertThat(console.toString(StandardCharsets.UTF_8).lines())
                .satisfiesExactly(
                        line -> assertThat(line)
                                .matches(
                                        "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  Migrations  applied V1"),
                        line -> assertThat(line).endsWith(" WARN  Probe  first line | second line"));
    }

    @Test
    void aJsonRecordCarriesTheJobFieldsAndAFileNameIsNeverTakenForAPattern() throws Exception {
        try (DaemonLogging logging = install(LogLevel.INFO, LogFormat.JSON, 1 << 20, 1)) {
            LogRecord record = new LogRecord(Level.INFO, "job 7 queued: /in/{0}.mov");
            record.setLoggerName("bulletproof.jobs");
            record.setParameters(new Object[] {new JobFields(7, "{0}.mov", "queued", "queued")});
            Logger.getLogger("bulletproof.jobs").log(record);
        }
        JsonNode json = new ObjectMapper()
                .readTree(console.toString(StandardCharsets.UTF_8).strip());
        assertThat(json.get("message").asText()).isEqualTo("job 7 queued: /in/{0}.mov");
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("component").asText()).isEqualTo("jobs");
        assertThat(json.get("job_id").asLong()).isEqualTo(7);
        assertThat(json.get("file").asText()).isEqualTo("{0}.mov");
        assertThat(json.get("status").asText()).isEqualTo("queued");
        assertThat(json.get("event").asText()).isEqualTo("queued");
        assertThat(json.get("time").asText()).endsWith("Z");
    }

    @Test
    void atInfoLibrariesShowOnlyWarningsAndAtDebugTheDaemonsOwnDetailAppears() {
        try (DaemonLogging logging = install(LogLevel.INFO, LogFormat.TEXT, 1 << 20, 1)) {
            Logger.getLogger("io.helidon.webserver.LoomServer").info("Started all channels");
            Logger.getLogger("io.helidon.webserver.LoomServer").warning("a real problem");
            Logger.getLogger("dev.bulletproof.daemon.Probe").fine("detail at info");
        }
        try (DaemonLogging logging = install(LogLevel.DEBUG, LogFormat.TEXT, 1 << 20, 1)) {
            Logger.getLogger("dev.bulletproof.daemon.Probe").fine("detail at debug");
            Logger.getLogger("java.lang.ProcessBuilder").fine("a JDK trace");
        }
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("a real problem", "detail at debug")
                .doesNotContain("Started all channels", "detail at info", "a JDK trace");
    }

    @Test
    void closingGivesTheRootLoggerBackItsHandlers() {
        Logger root = Logger.getLogger("");
        List<java.util.logging.Handler> before = List.of(root.getHandlers());
        try (DaemonLogging logging = install(LogLevel.INFO, LogFormat.TEXT, 1 << 20, 1)) {
            assertThat(root.getHandlers()).doesNotContainAnyElementsOf(before).hasSize(2);
        }
        assertThat(root.getHandlers()).containsExactlyElementsOf(before);
    }
}
