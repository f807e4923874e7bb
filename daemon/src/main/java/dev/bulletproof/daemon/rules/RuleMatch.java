package dev.bulletproof.daemon.rules;

import dev.bulletproof.model.OnSuccess;
import java.nio.file.Path;

/**
 * What to do with one input file.
 *
 * @param ruleIndex the rule's position in the config file (0-based), or {@link #DEFAULT_RULE} when no
 *     rules are configured and the default profile applies
 * @param onSuccess the rule's own on_success, else the global one
 * @param outputRelativePath where the output goes, relative to the output folder (before collision
 *     handling, see {@link OutputNamer#resolveFree})
 */
public record RuleMatch(int ruleIndex, String profile, OnSuccess onSuccess, Path outputRelativePath) {

    public static final int DEFAULT_RULE = -1;
}
