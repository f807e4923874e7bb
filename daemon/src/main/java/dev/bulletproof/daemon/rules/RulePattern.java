package dev.bulletproof.daemon.rules;

import dev.bulletproof.model.PatternType;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled rule pattern. All three kinds ignore case, because camera cards and Windows tools write
 * {@code CLIP.MOV} while people write {@code *.mov}, and the file systems editors use (APFS, NTFS) treat
 * both names as the same file anyway.
 *
 * <ul>
 *   <li>glob: {@code *} and {@code ?} within a name, {@code **} across folders, {@code [abc]}, {@code {a,b}}.
 *   <li>regex: Java syntax, must match the whole name (not just a part of it); {@code (?-i)} at the start
 *       makes it case-sensitive for the rare rule that needs that.
 *   <li>exact: the whole name, ignoring case.
 * </ul>
 *
 * A pattern without "/" is matched against the file name; a pattern with "/" against the path relative
 * to the monitor folder (with "/" separators), which is useful with recursive watching.
 */
public final class RulePattern {

    private final String source;
    private final PatternType type;
    private final Pattern regex;
    private final boolean matchesRelativePath;

    private RulePattern(String source, PatternType type, Pattern regex) {
        this.source = source;
        this.type = type;
        this.regex = regex;
        this.matchesRelativePath = source.contains("/");
    }

    /**
     * @throws InvalidRuleException when the pattern cannot be compiled
     */
    public static RulePattern compile(String source, PatternType type) {
        PatternType kind = type == null ? PatternType.GLOB : type;
        try {
            Pattern regex =
                    switch (kind) {
                        case GLOB ->
                            Pattern.compile(globToRegex(source), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                        case REGEX -> Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                        case EXACT ->
                            Pattern.compile(Pattern.quote(source), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                    };
            return new RulePattern(source, kind, regex);
        } catch (PatternSyntaxException e) {
            String what = kind == PatternType.GLOB ? "invalid glob: " : "invalid regex: ";
            throw new InvalidRuleException(what + e.getDescription() + " near index " + e.getIndex());
        }
    }

    /** Why {@code source} cannot be used, or empty when it compiles. */
    public static Optional<String> problem(String source, PatternType type) {
        try {
            compile(source, type);
            return Optional.empty();
        } catch (InvalidRuleException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * @param relativePath the file's path relative to the monitor folder, "/"-separated
     */
    public boolean matches(String relativePath) {
        String subject = matchesRelativePath ? relativePath : fileNameOf(relativePath);
        return regex.matcher(subject).matches();
    }

    public String source() {
        return source;
    }

    public PatternType type() {
        return type;
    }

    private static String fileNameOf(String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }

    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int braceDepth = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        i++;
                        // "**/" also matches no folder at all, so "**/*.mov" matches "clip.mov".
                        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                            i++;
                            regex.append("(?:.*/)?");
                        } else {
                            regex.append(".*");
                        }
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        throw new PatternSyntaxException("unclosed character class", glob, i);
                    }
                    String body = glob.substring(i + 1, end);
                    if (body.startsWith("!")) {
                        body = "^" + body.substring(1);
                    }
                    regex.append('[')
                            .append(body.replace("\\", "\\\\").replace("[", "\\["))
                            .append(']');
                    i = end;
                }
                case '{' -> {
                    braceDepth++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (braceDepth == 0) {
                        throw new PatternSyntaxException("'}' without '{'", glob, i);
                    }
                    braceDepth--;
                    regex.append(')');
                }
                case ',' -> regex.append(braceDepth > 0 ? "|" : ",");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braceDepth > 0) {
            throw new PatternSyntaxException("unclosed '{'", glob, glob.length());
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return "'" + source + "' (" + type.name().toLowerCase(Locale.ROOT) + ")";
    }
}
