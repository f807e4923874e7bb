package dev.bulletproof.daemon.config;

import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.rules.OutputNamer;
import dev.bulletproof.daemon.rules.RuleSet;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.RuleModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration the pipeline runs with, swapped as a whole when the config is changed live.
 *
 * @param rules the shared top-level rules, with the top-level on_success
 * @param folderRules each watched folder's rules (its own or the shared ones) with its on_success, by path
 */
public record PipelineSettings(
        DaemonConfig config, ProfileCatalog profiles, RuleSet rules, Map<Path, RuleSet> folderRules) {

    public PipelineSettings {
        folderRules = Map.copyOf(folderRules);
    }

    public PipelineSettings(DaemonConfig config, ProfileCatalog profiles, RuleSet rules) {
        this(config, profiles, rules, Map.of());
    }

    /**
     * The profiles and rules a config describes.
     *
     * @throws dev.bulletproof.daemon.BulletproofException when a custom profile or a rule cannot be used
     */
    public static PipelineSettings of(DaemonConfig config, Clock clock) {
        ProfileCatalog profiles = ProfileCatalog.builtins().withCustom(config.profiles());
        OutputNamer namer = new OutputNamer(clock);
        RuleSet rules = ruleSet(config.rules(), config.onSuccess(), profiles, namer);
        Map<Path, RuleSet> byFolder = new LinkedHashMap<>();
        for (WatchFolder folder : config.folders()) {
            byFolder.put(folder.path(), ruleSet(folder.rules(), folder.onSuccess(), profiles, namer));
        }
        return new PipelineSettings(config, profiles, rules, byFolder);
    }

    /** The same profiles and rules for the configuration as saved. */
    public PipelineSettings withConfig(DaemonConfig saved) {
        return new PipelineSettings(saved, profiles, rules, folderRules);
    }

    /** The folder at {@code path} as configured now, with its rules; empty once it is no longer configured. */
    public Optional<FolderSettings> folder(Path path) {
        return config.folders().stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .map(f -> new FolderSettings(f, folderRules.getOrDefault(f.path(), rules)));
    }

    /** One watched folder and the rule set its files are matched with. */
    public record FolderSettings(WatchFolder folder, RuleSet rules) {}

    private static RuleSet ruleSet(
            List<RuleModel> rules, OnSuccess onSuccess, ProfileCatalog profiles, OutputNamer namer) {
        return new RuleSet(rules, onSuccess, name -> profiles.require(name).extension(), namer);
    }
}
