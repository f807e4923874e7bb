package dev.bulletproof.daemon.rules;

import dev.bulletproof.daemon.media.OutputPaths;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an output template into a path under the output folder.
 *
 * <p>{@code {filename}} is the input's full name, {@code {filename_no_ext}} and {@code {stem}} its name
 * without extension, {@code {profile}} the profile name, {@code {ext}} the profile's output extension and
 * {@code {date}} today (yyyy-MM-dd, from the injected clock's zone). Templates may hold subfolders (the
 * engine creates them when publishing), never ".." or an absolute path.
 *
 * <p>The container must match the extension (QLab and mpv go by it), so when a rendered name does not
 * end in the profile's extension it is appended: "{stem}_final" gives "clip_final.mov" and
 * "{stem}.mp4" with a .mov profile gives "clip.mp4.mov" rather than a ProRes file named .mp4.
 */
public final class OutputNamer {

    private final Clock clock;

    public OutputNamer(Clock clock) {
        this.clock = clock;
    }

    /**
     * The output path relative to the output folder.
     *
     * @param template null means {@link OutputTemplate#DEFAULT}
     * @param inputFileName the input's file name (no folders)
     * @param extension the profile's output extension, without the dot
     * @throws InvalidRuleException when the template (or its result) is not a safe relative path
     */
    public Path relativeOutput(String template, String inputFileName, String profile, String extension) {
        String effective = template == null ? OutputTemplate.DEFAULT : template;
        Optional<String> problem = OutputTemplate.problem(effective);
        if (problem.isPresent()) {
            throw new InvalidRuleException("output pattern '" + effective + "' " + problem.get());
        }
        String stem = OutputPaths.stemOf(inputFileName);
        Map<String, String> values = Map.of(
                "filename", inputFileName,
                "filename_no_ext", stem,
                "stem", stem,
                "profile", profile,
                "ext", extension,
                "date", LocalDate.now(clock).toString());
        String rendered = effective;
        for (Map.Entry<String, String> value : values.entrySet()) {
            rendered = rendered.replace("{" + value.getKey() + "}", value.getValue());
        }
        rendered = withExtension(rendered.replace('\\', '/'), extension);
        if (OutputTemplate.isAbsolute(rendered) || OutputTemplate.hasDotDotSegment(rendered)) {
            throw new InvalidRuleException("output name '" + rendered + "' must be a relative path without '..'");
        }
        Path relative = Path.of(rendered).normalize();
        if (relative.toString().isEmpty() || rendered.endsWith("/")) {
            throw new InvalidRuleException("output pattern '" + effective + "' gives no file name");
        }
        return relative;
    }

    /**
     * The final output path: {@code relative} under {@code outputFolder}, checked to stay inside it, moved
     * to a free "-2", "-3"... name when taken (outputs are never overwritten).
     */
    public static Path resolveFree(Path outputFolder, Path relative) {
        Path base = outputFolder.toAbsolutePath().normalize();
        Path wanted = base.resolve(relative).normalize();
        if (!wanted.startsWith(base) || wanted.equals(base)) {
            throw new InvalidRuleException("output '" + relative + "' would be outside the output folder " + base);
        }
        return OutputPaths.nextFree(wanted);
    }

    private static String withExtension(String rendered, String extension) {
        if (extension == null || extension.isEmpty()) {
            return rendered;
        }
        String lower = rendered.toLowerCase(Locale.ROOT);
        if (lower.endsWith("." + extension.toLowerCase(Locale.ROOT))) {
            return rendered;
        }
        String trimmed = rendered.endsWith(".") ? rendered.substring(0, rendered.length() - 1) : rendered;
        return trimmed + "." + extension;
    }
}
