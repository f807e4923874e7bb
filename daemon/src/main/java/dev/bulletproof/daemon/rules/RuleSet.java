package dev.bulletproof.daemon.rules;

import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.RuleModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The configured rules in the order they are tried: higher priority first, equal priorities in file
 * order; the first match wins.
 *
 * <p>With no rules configured, every media file gets the default profile ({@value #DEFAULT_PROFILE}) and
 * the original tool's output name, so a fresh install does something useful. With rules configured, a
 * file no rule matches is left alone (see {@link UnmatchedFiles} for reporting it once).
 */
public final class RuleSet {

    public static final String DEFAULT_PROFILE = "live-qlab";

    private record CompiledRule(int index, RuleModel model, RulePattern pattern) {}

    private final List<CompiledRule> ordered;
    private final OnSuccess globalOnSuccess;
    private final Function<String, String> extensionOfProfile;
    private final OutputNamer namer;

    /**
     * @param extensionOfProfile the output extension (without dot) of a profile name; the media package
     *     owns profiles
     * @throws InvalidRuleException when a pattern does not compile (the config validator reports it first)
     */
    public RuleSet(
            List<RuleModel> rules,
            OnSuccess globalOnSuccess,
            Function<String, String> extensionOfProfile,
            OutputNamer namer) {
        List<CompiledRule> compiled = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleModel rule = rules.get(i);
            compiled.add(new CompiledRule(i, rule, RulePattern.compile(rule.pattern(), rule.patternType())));
        }
        compiled.sort(Comparator.comparingInt((CompiledRule r) -> r.model().priority())
                .reversed());
        this.ordered = List.copyOf(compiled);
        this.globalOnSuccess = globalOnSuccess;
        this.extensionOfProfile = extensionOfProfile;
        this.namer = namer;
    }

    public boolean hasRules() {
        return !ordered.isEmpty();
    }

    /**
     * @param relativePath the file's path relative to the monitor folder (just its name when not recursive)
     * @return the profile, on_success and output name, or empty when rules exist and none matches
     */
    public Optional<RuleMatch> match(Path relativePath) {
        String subject = slashed(relativePath);
        if (ordered.isEmpty()) {
            return Optional.of(defaultMatch(relativePath));
        }
        for (CompiledRule rule : ordered) {
            if (rule.pattern().matches(subject)) {
                return Optional.of(matchOf(rule, relativePath));
            }
        }
        return Optional.empty();
    }

    /**
     * One line per rule, in the order they are tried, saying whether and why it matched: the dry run
     * behind POST /api/rules/test.
     */
    public List<String> explain(String fileName) {
        Path relativePath = Path.of(fileName);
        if (ordered.isEmpty()) {
            RuleMatch match = defaultMatch(relativePath);
            return List.of("no rules configured: MATCH -> default profile " + match.profile() + ", output '"
                    + slashed(match.outputRelativePath()) + "'");
        }
        List<String> lines = new ArrayList<>();
        boolean matched = false;
        for (CompiledRule rule : ordered) {
            String head = "rule " + (rule.index() + 1) + " '" + rule.pattern().source() + "' ("
                    + rule.pattern().type().name().toLowerCase(Locale.ROOT) + ", priority "
                    + rule.model().priority()
                    + "): ";
            if (matched) {
                lines.add(head + "not tried (an earlier rule matched)");
            } else if (rule.pattern().matches(slashed(relativePath))) {
                RuleMatch match = matchOf(rule, relativePath);
                lines.add(head + "MATCH -> profile " + match.profile() + ", output '"
                        + slashed(match.outputRelativePath()) + "', on success "
                        + match.onSuccess().wireName());
                matched = true;
            } else {
                lines.add(head + "no match");
            }
        }
        if (!matched) {
            lines.add("no rule matched: the file is ignored");
        }
        return lines;
    }

    private RuleMatch matchOf(CompiledRule rule, Path relativePath) {
        RuleModel model = rule.model();
        OnSuccess onSuccess = model.onSuccess() == null ? globalOnSuccess : model.onSuccess();
        return new RuleMatch(
                rule.index(), model.profile(), onSuccess, output(model.outputPattern(), relativePath, model.profile()));
    }

    private RuleMatch defaultMatch(Path relativePath) {
        return new RuleMatch(
                RuleMatch.DEFAULT_RULE,
                DEFAULT_PROFILE,
                globalOnSuccess,
                output(OutputTemplate.DEFAULT, relativePath, DEFAULT_PROFILE));
    }

    private Path output(String template, Path relativePath, String profile) {
        String fileName = relativePath.getFileName().toString();
        return namer.relativeOutput(template, fileName, profile, extensionOfProfile.apply(profile));
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }
}
