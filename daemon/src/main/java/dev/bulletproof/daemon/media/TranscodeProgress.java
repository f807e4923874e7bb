package dev.bulletproof.daemon.media;

/**
 * One progress report of a running encode.
 *
 * @param fraction 0..1 of the input's duration
 * @param outTimeSeconds media time encoded so far
 * @param fps encoding frames per second, null when ffmpeg does not know yet
 * @param speed encoding speed relative to real time, null when unknown
 * @param etaSeconds estimated seconds to finish, null when the speed is unknown
 */
public record TranscodeProgress(double fraction, double outTimeSeconds, Double fps, Double speed, Double etaSeconds) {}
