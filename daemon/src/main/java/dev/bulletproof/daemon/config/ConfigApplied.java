package dev.bulletproof.daemon.config;

/**
 * Published after a new configuration was saved and applied to the running daemon.
 *
 * @param restartRequired some changed keys (server address, ffmpeg path) take effect only at the next start
 */
public record ConfigApplied(DaemonConfig config, ConfigChanges changes, boolean restartRequired) {}
