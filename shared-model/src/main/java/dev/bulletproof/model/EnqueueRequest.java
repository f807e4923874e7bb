package dev.bulletproof.model;

/**
 * The body of {@code POST /api/jobs}: transcode a file that is already on the daemon's disk.
 *
 * @param path the input's absolute path as the daemon sees it
 * @param profile the profile to use
 * @param output where to write, relative to the output folder; null for the default output name
 */
public record EnqueueRequest(String path, String profile, String output) {

    public EnqueueRequest(String path, String profile) {
        this(path, profile, null);
    }
}
