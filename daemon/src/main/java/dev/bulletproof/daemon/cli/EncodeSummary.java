package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.TranscodeResult;
import java.io.IOException;
import java.nio.file.Files;

/** What one finished encode amounts to: wall time, media time, speed, output size, verification. */
record EncodeSummary(double seconds, Double mediaSeconds, Long outputBytes, boolean verified) {

    static EncodeSummary of(TranscodeResult result) {
        Long bytes = null;
        if (result.output() != null) {
            try {
                bytes = Files.size(result.output());
            } catch (IOException e) {
                // The file was published a moment ago; if it is gone already the size is simply unknown.
                bytes = null;
            }
        }
        return new EncodeSummary(
                result.elapsed() == null ? 0 : result.elapsed().toMillis() / 1000.0,
                result.input() == null ? null : result.input().durationSeconds(),
                bytes,
                result.verified());
    }

    /** Times realtime; null when the input's duration is unknown or nothing measurable elapsed. */
    Double speed() {
        return mediaSeconds == null || seconds <= 0 ? null : mediaSeconds / seconds;
    }

    String time() {
        return Figures.duration(seconds);
    }

    String size() {
        return outputBytes == null ? Figures.UNKNOWN : Figures.size(outputBytes);
    }

    String speedText() {
        return Figures.speed(speed());
    }

    /** "2.1 s for 5.0 s of media (2.38x realtime), 1.2 MB, verified" */
    String sentence() {
        StringBuilder text = new StringBuilder(time());
        if (mediaSeconds != null) {
            text.append(" for ").append(Figures.duration(mediaSeconds)).append(" of media");
        }
        if (speed() != null) {
            text.append(" (").append(speedText()).append(" realtime)");
        }
        if (outputBytes != null) {
            text.append(", ").append(size());
        }
        text.append(verified ? ", verified" : ", NOT verified");
        return text.toString();
    }
}
