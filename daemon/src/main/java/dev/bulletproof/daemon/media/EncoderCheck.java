package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Which encoders an ffmpeg build offers, for {@code doctor} and start-up checks. */
public final class EncoderCheck {

    private EncoderCheck() {}

    /** Every encoder name listed by {@code ffmpeg -encoders}. */
    public static Set<String> availableEncoders(MediaTools tools) {
        ToolOutput output;
        try {
            output = ToolRunner.run(
                    List.of(tools.ffmpeg().toString(), "-hide_banner", "-encoders"), Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new MediaToolsNotFoundException("cannot list encoders of " + tools.ffmpeg() + ": " + e.getMessage());
        }
        Set<String> encoders = new TreeSet<>();
        for (String line : output.stdout().split("\\R")) {
            String[] fields = line.strip().split("\\s+");
            // Encoder lines look like " V....D libx264  description"; the legend lines have "=" in them.
            if (fields.length >= 2 && fields[0].length() == 6 && !line.contains("=")) {
                encoders.add(fields[1]);
            }
        }
        return encoders;
    }

    /** For each encoder the built-in profiles need: whether this ffmpeg has it, in profile order. */
    public static Map<String, Boolean> builtinEncoderSupport(MediaTools tools) {
        Set<String> available = availableEncoders(tools);
        Map<String, Boolean> support = new LinkedHashMap<>();
        for (String encoder : ProfileCatalog.builtinEncoders()) {
            support.put(encoder, available.contains(encoder));
        }
        return support;
    }
}
