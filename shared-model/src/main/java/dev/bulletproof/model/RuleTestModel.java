package dev.bulletproof.model;

import java.util.List;

/**
 * The answer of {@code POST /api/rules/test}: what the daemon would do with a file of this name.
 *
 * @param matched false when no rule matched and the file would not be processed
 * @param ruleIndex the 0-based position of the matching rule in the config, -1 for the default rule, null
 *     when none matched
 * @param output the output's path relative to the output folder
 * @param explanation one line per rule, in the order they are tried
 */
public record RuleTestModel(
        String filename,
        boolean matched,
        Integer ruleIndex,
        String profile,
        String output,
        OnSuccess onSuccess,
        List<String> explanation) {}
