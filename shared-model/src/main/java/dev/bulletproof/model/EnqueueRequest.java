package dev.bulletproof.model;

/**
 * The body of {@code POST /api/jobs}: transcode a file that is already on the daemon's disk.
 *
 * @param path the input's path as the daemon sees it
 * @param profile the profile to use; null lets the rules decide
 */
public record EnqueueRequest(String path, String profile) {}
