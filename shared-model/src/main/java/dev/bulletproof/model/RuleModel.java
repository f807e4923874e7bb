package dev.bulletproof.model;

/**
 * A routing rule: files whose name matches {@code pattern} are transcoded with {@code profile}.
 *
 * @param outputPattern a template with {filename} {filename_no_ext} {stem} {profile} {ext} {date}; may hold
 *     subfolders, never ".."
 * @param priority higher first; the first matching rule wins
 * @param onSuccess overrides the global on_success for this rule's inputs; null means "use the global one"
 */
public record RuleModel(
        String pattern,
        PatternType patternType,
        String profile,
        String outputPattern,
        int priority,
        OnSuccess onSuccess) {}
