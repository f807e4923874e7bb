package dev.bulletproof.daemon.media;

import java.util.Map;

/** Encoder names (what ffmpeg is told) mapped to codec names (what ffprobe reports back). */
final class CodecNames {

    private static final Map<String, String> CODEC_BY_ENCODER = Map.of(
            "prores_ks", "prores",
            "prores_aw", "prores",
            "prores", "prores",
            "libx264", "h264",
            "libx265", "hevc",
            "libfdk_aac", "aac");

    private CodecNames() {}

    static String decoderNameOf(String encoder) {
        return CODEC_BY_ENCODER.getOrDefault(encoder, encoder);
    }
}
