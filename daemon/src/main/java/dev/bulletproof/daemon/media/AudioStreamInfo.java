package dev.bulletproof.daemon.media;

/** One audio stream of a file. */
public record AudioStreamInfo(String codec, int channels, int sampleRate) {}
