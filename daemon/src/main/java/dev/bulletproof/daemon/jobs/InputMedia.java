package dev.bulletproof.daemon.jobs;

import dev.bulletproof.model.MediaFacts;

/**
 * What the probe learned about a job's input, for its row.
 *
 * @param durationSeconds the media duration, or null when ffprobe could not tell
 * @param bitrate overall bit rate in bit/s, or null when unknown
 * @param resolution "WIDTHxHEIGHT" of the first video stream, or null for audio-only files
 */
public record InputMedia(Double durationSeconds, Long bitrate, String resolution, MediaFacts facts) {}
