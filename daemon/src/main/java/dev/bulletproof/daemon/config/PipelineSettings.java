package dev.bulletproof.daemon.config;

import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.rules.OutputNamer;
import dev.bulletproof.daemon.rules.RuleSet;
import java.time.Clock;

/** The configuration the pipeline runs with, swapped as a whole when the config is changed live. */
public record PipelineSettings(DaemonConfig config, ProfileCatalog profiles, RuleSet rules) {

    /**
     * The profiles and rules a config describes.
     *
     * @throws dev.bulletproof.daemon.BulletproofException when a custom profile or a rule cannot be used
     */
    public static PipelineSettings of(DaemonConfig config, Clock clock) {
        ProfileCatalog profiles = ProfileCatalog.builtins().withCustom(config.profiles());
        RuleSet rules = new RuleSet(
                config.rules(),
                config.onSuccess(),
                name -> profiles.require(name).extension(),
                new OutputNamer(clock));
        return new PipelineSettings(config, profiles, rules);
    }
}
