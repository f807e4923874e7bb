package dev.bulletproof.daemon.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bulletproof.daemon.BulletproofException;
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
import java.util.Set;
import java.util.UUID;

/**
 * The config file on disk: loading (a missing file means the defaults), validating, and saving so that a
 * crash or a full disk mid-save leaves the previous file intact (write a temporary file in the same folder,
 * fsync it, then rename it over the old one atomically).
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
    private final ObjectMapper yaml = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

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

    /**
     * Reads and validates the file; a missing file gives the defaults.
     *
     * @throws ConfigValidationException listing every problem
     */
    public DaemonConfig load() {
        return ConfigValidator.validated(loadModel(), baseDir(), builtInProfiles);
    }

    /** The file's content as written (relative paths kept), not yet validated. */
    public ConfigModel loadModel() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            LOG.log(Level.INFO, "No config file at {0}; using the defaults", file);
            return DaemonConfig.emptyModel();
        } catch (IOException e) {
            throw new BulletproofException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        ConfigLoader.ParsedConfig parsed = loader.parse(text);
        parsed.notes().forEach(note -> LOG.log(Level.WARNING, "{0}: {1}", file, note));
        return parsed.model();
    }

    /**
     * Validates {@code model} and replaces the file with it atomically. Nothing is written when the model
     * is invalid, and the previous file stays intact when writing fails.
     *
     * @return the validated configuration now on disk
     * @throws ConfigValidationException when {@code model} is invalid
     */
    public DaemonConfig save(ConfigModel model) {
        DaemonConfig config = ConfigValidator.validated(model, baseDir(), builtInProfiles);
        String text;
        try {
            text = "# Bulletproof configuration (written by the daemon; comments are not kept)\n"
                    + yaml.writeValueAsString(portable(config.toModel()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config model not serializable", e);
        }
        writeAtomically(text.getBytes(StandardCharsets.UTF_8));
        return config;
    }

    /**
     * Folders inside the config file's folder are written relative to it ("./videos/incoming"), so a show
     * folder holding its config can be copied to another machine or drive and still work.
     */
    private ConfigModel portable(ConfigModel m) {
        return new ConfigModel(
                relativeIfInside(m.monitorFolder()),
                relativeIfInside(m.outputFolder()),
                m.maxWorkers(),
                m.recursive(),
                m.stableSeconds(),
                m.scanIntervalSeconds(),
                m.onSuccess(),
                relativeIfInside(m.processedFolder()),
                m.maxAttempts(),
                m.stallTimeoutSeconds(),
                m.ffmpegPath(),
                m.server(),
                m.profiles(),
                m.rules());
    }

    private String relativeIfInside(String folder) {
        Path path = Path.of(folder);
        if (!path.startsWith(baseDir()) || path.equals(baseDir())) {
            return folder;
        }
        return "./" + baseDir().relativize(path).toString().replace('\\', '/');
    }

    private void writeAtomically(byte[] content) {
        Path folder = baseDir();
        Path temp = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(folder);
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.write(channel, ByteBuffer.wrap(content));
                channel.force(true);
            }
            moveIntoPlace(temp);
            syncFolder(folder);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new BulletproofException("cannot save config file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private void moveIntoPlace(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on unusual file systems; a plain replace is the best left.
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
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
