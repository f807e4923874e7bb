package dev.bulletproof.daemon.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output name templates of rules: which placeholders exist and what a template may not contain.
 * Checked when the config is loaded, so a mistake is reported by field instead of failing a job later.
 */
public final class OutputTemplate {

    /** The original tool's default name, kept so its users find their outputs where they expect them. */
    public static final String DEFAULT = "{filename_no_ext}__processed__{profile}.{ext}";

    public static final List<String> PLACEHOLDERS =
            List.of("filename", "filename_no_ext", "stem", "profile", "ext", "date");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private OutputTemplate() {}

    /** Why {@code template} cannot be used, or empty. */
    public static Optional<String> problem(String template) {
        if (template.isBlank()) {
            return Optional.of("must not be empty");
        }
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add("{" + m.group(1) + "}");
            }
        }
        if (!unknown.isEmpty()) {
            return Optional.of("unknown placeholder " + String.join(", ", unknown) + "; known: "
                    + PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList());
        }
        String literal = PLACEHOLDER.matcher(template).replaceAll("x");
        if (literal.contains("{") || literal.contains("}")) {
            return Optional.of("unbalanced '{' or '}'");
        }
        if (isAbsolute(template)) {
            return Optional.of("must be relative (it is placed under output_folder)");
        }
        if (hasDotDotSegment(template)) {
            return Optional.of("must not contain '..'");
        }
        return Optional.empty();
    }

    static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*");
    }

    static boolean hasDotDotSegment(String path) {
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
