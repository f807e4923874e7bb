package dev.bulletproof.daemon.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.rules.RuleSet;
import dev.bulletproof.model.ConfigModel;
import java.nio.file.Files;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live configuration, kept in the user's config file: a change is validated completely, saved
 * atomically, swapped in as a whole and handed to the running parts (folders re-watched, stability time,
 * worker count and rules), with no restart. Changes are applied one at a time: two at once would each
 * merge over the same file and the second would undo the first.
 */
public final class LiveConfigFile implements LiveConfig {

    private static final System.Logger LOG = System.getLogger(LiveConfigFile.class.getName());

    /** The parts that take a new configuration while they run. */
    @FunctionalInterface
    public interface RunningParts {
        void reconfigure(DaemonConfig applied, ConfigChanges changes);
    }

    private final ConfigStore store;
    private final Clock clock;
    private final EventBus bus;
    private final AtomicReference<PipelineSettings> settings = new AtomicReference<>();
    private volatile RunningParts parts = (applied, changes) -> {};

    /**
     * @param loaded the configuration {@code store} loaded at start
     * @throws BulletproofException when its profiles or rules cannot be used
     */
    public LiveConfigFile(ConfigStore store, DaemonConfig loaded, Clock clock, EventBus bus) {
        this.store = store;
        this.clock = clock;
        this.bus = bus;
        settings.set(PipelineSettings.of(loaded, clock));
    }

    /** From now on every applied change also reaches {@code parts}. */
    public void attach(RunningParts parts) {
        this.parts = parts;
    }

    /** The settings the pipeline runs with now; read at each use, so a change reaches the next file and job. */
    public PipelineSettings current() {
        return settings.get();
    }

    @Override
    public DaemonConfig config() {
        return settings.get().config();
    }

    @Override
    public ProfileCatalog profiles() {
        return settings.get().profiles();
    }

    @Override
    public RuleSet rules() {
        return settings.get().rules();
    }

    @Override
    public synchronized DaemonConfig update(ObjectNode changes) {
        return apply(store.modelForRequest(changes, config()));
    }

    @Override
    public synchronized DaemonConfig reset() {
        return apply(store.resetModel());
    }

    /**
     * Validates {@code model} completely, saves it atomically and applies it to the running daemon. When
     * anything is wrong nothing changes, neither the file nor the running state.
     *
     * @throws ConfigValidationException with a message per field
     */
    public synchronized DaemonConfig apply(ConfigModel model) {
        DaemonConfig before = config();
        DaemonConfig candidate = ConfigValidator.validated(
                model, store.baseDir(), ProfileCatalog.builtins().names());
        requireExistingFolders(before, candidate);
        PipelineSettings next;
        try {
            next = PipelineSettings.of(candidate, clock);
        } catch (BulletproofException e) {
            throw new ConfigValidationException(Map.of("profiles", e.getMessage()));
        }
        DaemonConfig saved = store.save(model);
        saved.createMissingFolders();
        ConfigChanges changes = ConfigChanges.between(before, saved);
        settings.set(next.withConfig(saved));
        parts.reconfigure(saved, changes);
        boolean restartRequired = changes.restartRequired() || !Objects.equals(before.ffmpegPath(), saved.ffmpegPath());
        LOG.log(System.Logger.Level.INFO, "configuration applied; changed: " + changes.changedKeys());
        bus.publish(new ConfigApplied(saved, changes, restartRequired));
        return saved;
    }

    /**
     * A watch or output folder typed into a form must exist: creating a folder somewhere unexpected because
     * of a typo is worse than saying so. (At start-up the defaults are created, see createMissingFolders.)
     */
    private static void requireExistingFolders(DaemonConfig before, DaemonConfig candidate) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!candidate.listsFolders()
                && !candidate.monitorFolder().equals(before.monitorFolder())
                && !Files.isDirectory(candidate.monitorFolder())) {
            problems.put("monitor_folder", "folder does not exist: " + candidate.monitorFolder());
        }
        if (!candidate.outputFolder().equals(before.outputFolder()) && !Files.isDirectory(candidate.outputFolder())) {
            problems.put("output_folder", "folder does not exist: " + candidate.outputFolder());
        }
        List<WatchFolder> folders = candidate.folders();
        for (int i = 0; candidate.listsFolders() && i < folders.size(); i++) {
            WatchFolder folder = folders.get(i);
            WatchFolder was = before.folders().stream()
                    .filter(f -> f.path().equals(folder.path()))
                    .findFirst()
                    .orElse(null);
            if (!folder.enabled()) {
                continue;
            }
            if ((was == null || !was.enabled()) && !Files.isDirectory(folder.path())) {
                problems.put("watch_folders[" + i + "].path", "folder does not exist: " + folder.path());
            }
            if ((was == null || !was.outputFolder().equals(folder.outputFolder()))
                    && !Files.isDirectory(folder.outputFolder())) {
                problems.putIfAbsent(
                        "watch_folders[" + i + "].output_folder", "folder does not exist: " + folder.outputFolder());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems);
        }
    }
}
