package dev.bulletproof.model;

import java.util.List;

/**
 * The answer of {@code POST /api/rules/test}: what the daemon would do with a file of this name.
 *
 * @param matched false when no rule matched and the default profile applies
 * @param ruleIndex the position of the matching rule in the config's list; null when none matched
 * @param outputName the output's path relative to the output folder
 * @param explanation one line per rule tried, saying why it matched or not
 */
public record RuleTestModel(
        String filename,
        boolean matched,
        Integer ruleIndex,
        String profile,
        String outputName,
        OnSuccess onSuccess,
        List<String> explanation) {}
