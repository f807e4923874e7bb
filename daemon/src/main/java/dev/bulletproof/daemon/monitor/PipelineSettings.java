package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.rules.RuleSet;

/** The configuration the pipeline runs with, swapped as a whole when the config is changed live. */
record PipelineSettings(DaemonConfig config, ProfileCatalog profiles, RuleSet rules) {}
