package dev.bulletproof.daemon.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.media.SegmentSettings;
import dev.bulletproof.daemon.schedule.Schedule;
import dev.bulletproof.model.ConfigModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The config file on disk: loading (a missing file means the defaults), validating, and saving so that a
 * crash or a full disk mid-save leaves the previous file intact (write a temporary file in the same folder,
 * fsync it, then rename it over the old one atomically). The file is the user's: a save edits the changed
 * keys in place and keeps the rest byte for byte, and the version before it stays beside it as a backup.
 */
public final class ConfigStore {

    private static final System.Logger LOG = System.getLogger(ConfigStore.class.getName());
    private static final String EXAMPLE_RESOURCE = "/config/bulletproof.example.yaml";

    /** Writes the bytes of a save into the open temporary file; replaceable in tests to simulate a full disk. */
    @FunctionalInterface
    interface ContentWriter {
        void write(FileChannel channel, ByteBuffer content) throws IOException;
    }

    private final Path file;
    private final Set<String> builtInProfiles;
    private final ContentWriter writer;
    private final ConfigLoader loader = new ConfigLoader();

    /**
     * @param builtInProfiles names of the built-in profiles, for validating rules
     */
    public ConfigStore(Path file, Set<String> builtInProfiles) {
        this(file, builtInProfiles, ConfigStore::writeFully);
    }

    ConfigStore(Path file, Set<String> builtInProfiles, ContentWriter writer) {
        this.file = file.toAbsolutePath().normalize();
        this.builtInProfiles = Set.copyOf(builtInProfiles);
        this.writer = writer;
    }

    public Path file() {
        return file;
    }

    /** The folder relative paths in the file are taken from. */
    public Path baseDir() {
        return file.getParent();
    }

    /** Where the previous version of the file is kept on every save (docs/decisions/0009). */
    public Path backupFile() {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /**
     * Reads and validates the file; a missing file gives the defaults. Unknown keys, badly typed values and
     * values out of range are all reported together, so one run shows everything to fix.
     *
     * @throws ConfigValidationException listing every problem
     */
    public DaemonConfig load() {
        ConfigLoader.ParsedConfig parsed = read(currentText());
        Map<String, String> problems = new LinkedHashMap<>(parsed.problems());
        if (!problems.containsKey("(file)")) {
            ConfigValidator.problems(parsed.model(), baseDir(), builtInProfiles).forEach(problems::putIfAbsent);
            DatabaseSettings.checkPasswordFile(resolved(parsed.database()), problems);
            readAutomation(problems);
            readSegments(problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems);
        }
        return DaemonConfig.fromModel(parsed.model(), baseDir());
    }

    /**
     * The file's webhooks, hooks and min_free_space (decisions 0023 and 0024), checked as {@link #load()}
     * checks them.
     *
     * @throws ConfigValidationException listing every problem of these keys
     */
    public AutomationSettings loadAutomation() {
        Map<String, String> problems = new LinkedHashMap<>();
        AutomationSettings settings = readAutomation(problems);
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems);
        }
        return settings;
    }

    private AutomationSettings readAutomation(Map<String, String> problems) {
        ObjectNode root = topLevel(problems);
        return root == null && problems.containsKey("(file)")
                ? AutomationSettings.none()
                : AutomationSettings.read(root, problems);
    }

    /**
     * The file's segment_threshold_seconds and segment_seconds (docs/segmented-encoding.md), checked as
     * {@link #load()} checks them.
     *
     * @throws ConfigValidationException naming the field that is wrong
     */
    public SegmentSettings loadSegments() {
        Map<String, String> problems = new LinkedHashMap<>();
        SegmentSettings settings = readSegments(problems);
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems);
        }
        return settings;
    }

    private SegmentSettings readSegments(Map<String, String> problems) {
        ObjectNode root = topLevel(problems);
        return root == null && problems.containsKey("(file)")
                ? SegmentSettings.defaults()
                : SegmentSection.read(root, problems);
    }

    /** The file's top-level mapping; null for an empty file, or with a "(file)" problem when it is not YAML. */
    private ObjectNode topLevel(Map<String, String> problems) {
        try {
            com.fasterxml.jackson.databind.JsonNode root = com.fasterxml.jackson.dataformat.yaml.YAMLMapper.builder()
                    .build()
                    .readTree(currentText());
            return root instanceof ObjectNode object ? object : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.putIfAbsent("(file)", "not valid YAML: " + e.getOriginalMessage());
            return null;
        }
    }

    /**
     * The file's {@code database:} section, its password file resolved against the file's folder; empty when
     * the daemon keeps its embedded SQLite database. Checked as {@link #load()} checks it.
     *
     * @throws ConfigValidationException listing every problem of the file
     */
    public Optional<DatabaseSettings> loadDatabase() {
        ConfigLoader.ParsedConfig parsed = loader.read(currentText());
        Map<String, String> problems = new LinkedHashMap<>(parsed.problems());
        DatabaseSettings settings = resolved(parsed.database());
        DatabaseSettings.checkPasswordFile(settings, problems);
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems);
        }
        return Optional.ofNullable(settings);
    }

    /**
     * The file's {@code schedule:} section; {@link Schedule#ALWAYS_OPEN} when it
     * has none. Checked as {@link #load()} checks it.
     *
     * @throws ConfigValidationException listing every problem of the file
     */
    public Schedule loadSchedule() {
        ConfigLoader.ParsedConfig parsed = loader.read(currentText());
        if (!parsed.problems().isEmpty()) {
            throw new ConfigValidationException(parsed.problems());
        }
        return parsed.schedule() == null ? Schedule.ALWAYS_OPEN : parsed.schedule();
    }

    /**
     * The watch folders with a schedule of their own, by folder key (what their jobs record), in the file's
     * order; empty for a file without any. Checked as {@link #load()} checks the file (decision 0032).
     *
     * @throws ConfigValidationException listing every problem of the file
     */
    public Map<String, Schedule> loadFolderSchedules() {
        Map<String, Schedule> schedules = new LinkedHashMap<>();
        List<WatchFolderSettings> folders = load().watchFolders();
        for (WatchFolderSettings folder : folders == null ? List.<WatchFolderSettings>of() : folders) {
            Schedule schedule = ScheduleSection.parsed(folder.schedule());
            if (schedule != null) {
                schedules.putIfAbsent(folder.path().toString(), schedule);
            }
        }
        return schedules;
    }

    private DatabaseSettings resolved(DatabaseSettings settings) {
        return settings == null ? null : settings.resolvedAgainst(baseDir());
    }

    /**
     * The file's content as written (relative paths kept), checked for unknown keys and types but not yet
     * for values.
     */
    public ConfigModel loadModel() {
        ConfigLoader.ParsedConfig parsed = read(currentText());
        if (!parsed.problems().isEmpty()) {
            throw new ConfigValidationException(parsed.problems());
        }
        return parsed.model();
    }

    /**
     * What a request to change the configuration means: its keys laid over the file's, mappings merged key
     * by key (so {@code {"server": {"port": 9000}}} keeps the host), lists and values replaced. Keys the API
     * may not change ({@link ConfigRequest}) must be absent or unchanged.
     *
     * @param live the configuration the daemon runs with (what the clients were shown)
     * @throws ConfigValidationException with every problem of the request
     */
    public ConfigModel modelForRequest(ObjectNode body, DaemonConfig live) {
        return ConfigRequest.model(body, loadModel(), live, baseDir(), builtInProfiles);
    }

    /** The defaults, except what only the config file may change (where the daemon listens, which ffmpeg). */
    public ConfigModel resetModel() {
        ConfigModel file = loadModel();
        ConfigModel empty = DaemonConfig.emptyModel();
        return new ConfigModel(
                empty.monitorFolder(),
                empty.outputFolder(),
                empty.maxWorkers(),
                empty.recursive(),
                empty.stableSeconds(),
                empty.scanIntervalSeconds(),
                empty.onSuccess(),
                empty.processedFolder(),
                empty.maxAttempts(),
                empty.stallTimeoutSeconds(),
                file.ffmpegPath(),
                file.server(),
                empty.profiles(),
                empty.rules(),
                empty.watchFolders());
    }

    private String currentText() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            LOG.log(Level.INFO, "No config file at {0}; using the defaults", file);
            return "";
        } catch (IOException e) {
            throw new BulletproofException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    private ConfigLoader.ParsedConfig read(String text) {
        ConfigLoader.ParsedConfig parsed = loader.read(text);
        parsed.notes().forEach(note -> LOG.log(Level.WARNING, "{0}: {1}", file, note));
        return parsed;
    }

    /**
     * Validates {@code model} and writes it into the file, changing only the keys whose value changed and
     * keeping everything else as the user wrote it (comments, order, quoting, paths, numbers). The previous
     * version is kept as {@link #backupFile()}. Both are replaced atomically: a crash or a full disk
     * mid-save leaves the previous file intact. A missing file starts from the commented example.
     *
     * @return the validated configuration now on disk
     * @throws ConfigValidationException when {@code model} is invalid, or the file has problems of its own
     *     that the change does not fix (nothing is written then)
     */
    public DaemonConfig save(ConfigModel model) {
        DaemonConfig config = ConfigValidator.validated(model, baseDir(), builtInProfiles);
        String previous = Files.exists(file) ? currentText() : null;
        String base = previous == null ? generateExample() : previous;
        ConfigModel before = loader.read(base).model();
        String updated = ConfigFileUpdate.apply(base, before, model, baseDir());
        requireReadsBackAs(updated, config);
        if (updated.equals(previous)) {
            return config;
        }
        if (previous != null) {
            writeAtomically(backupFile(), previous.getBytes(StandardCharsets.UTF_8));
        }
        writeAtomically(linkTarget(file), updated.getBytes(StandardCharsets.UTF_8));
        return config;
    }

    /** The edited text must load back as exactly the configuration being saved, or nothing is written. */
    private void requireReadsBackAs(String updated, DaemonConfig config) {
        ConfigLoader.ParsedConfig reread = loader.read(updated);
        Map<String, String> problems = new LinkedHashMap<>(reread.problems());
        if (problems.isEmpty()) {
            ConfigValidator.problems(reread.model(), baseDir(), builtInProfiles).forEach(problems::putIfAbsent);
        }
        if (!problems.isEmpty()) {
            problems.putIfAbsent(
                    "(file)", "the config file has problems the change does not fix; correct " + file + " by hand");
            throw new ConfigValidationException(problems);
        }
        if (!ConfigFileUpdate.sameMeaning(reread.model(), config.toModel(), baseDir())) {
            throw new IllegalStateException("the edited config file does not read back as the saved configuration");
        }
    }

    /**
     * A config file that is a symbolic link (kept in a dotfiles or show repository) is saved through the
     * link: renaming over the link itself would replace it with a plain file.
     */
    private static Path linkTarget(Path path) {
        try {
            return Files.isSymbolicLink(path) ? path.toRealPath() : path;
        } catch (IOException e) {
            throw new BulletproofException("cannot follow the config file link " + path + ": " + e.getMessage(), e);
        }
    }

    private void writeAtomically(Path target, byte[] content) {
        Path folder = target.getParent();
        Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(folder);
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.write(channel, ByteBuffer.wrap(content));
                channel.force(true);
            }
            moveIntoPlace(temp, target);
            syncFolder(folder);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new BulletproofException("cannot save " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on unusual file systems; a plain replace is the best left.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; folders cannot be opened this way on Windows, which is fine. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.DEBUG, "folder fsync not available for {0}: {1}", folder, e);
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer content) throws IOException {
        while (content.hasRemaining()) {
            channel.write(content);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete temporary file {0}: {1}", temp, e);
        }
    }

    /**
     * A commented example config with every key at its default (what {@code generate-config} prints); it
     * loads back cleanly.
     */
    public static String generateExample() {
        try (InputStream in = ConfigStore.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + EXAMPLE_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
