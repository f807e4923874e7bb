package dev.bulletproof.daemon.media;

import java.util.List;

/**
 * What ffprobe says about a file.
 *
 * @param bitRate overall bit rate in bit/s, or null when unknown
 * @param video the first video stream, or null when there is none
 * @param audio every audio stream, in file order
 */
public record MediaInfo(
        String formatName, double durationSeconds, Long bitRate, VideoStreamInfo video, List<AudioStreamInfo> audio) {

    public MediaInfo {
        audio = List.copyOf(audio);
    }

    /** "1920x1080", or null for audio-only files. */
    public String resolution() {
        return video == null ? null : video.width() + "x" + video.height();
    }

    public boolean hasVideo() {
        return video != null;
    }

    public boolean hasAudio() {
        return !audio.isEmpty();
    }
}
