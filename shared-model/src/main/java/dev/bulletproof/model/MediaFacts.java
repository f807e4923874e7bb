package dev.bulletproof.model;

import java.util.List;

/**
 * What the probe learned about a job's input when it was queued, beyond duration, bitrate and resolution
 * (which {@link JobModel} has carried from the start).
 *
 * @param container the container format as ffprobe names it ("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm")
 * @param videoCodec the first video stream's codec ("h264", "prores"), or null for audio-only files
 * @param frameRate frames per second of the first video stream, or null when there is none or it is unknown
 * @param audioTracks every audio stream, in file order
 */
public record MediaFacts(String container, String videoCodec, Double frameRate, List<AudioTrack> audioTracks) {

    public MediaFacts {
        audioTracks = audioTracks == null ? List.of() : List.copyOf(audioTracks);
    }

    /** One audio stream: its codec, channel count and sample rate in Hz. */
    public record AudioTrack(String codec, int channels, int sampleRate) {}
}
