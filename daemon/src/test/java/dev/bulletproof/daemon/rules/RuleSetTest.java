package dev.bulletproof.daemon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.PatternType;
import dev.bulletproof.model.RuleModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetTest {

    private static final Map<String, String> EXTENSIONS =
            Map.of("live-qlab", "mov", "audio-qlab", "wav", "live-h264", "mp4", "archival", "mov");
    private static final OutputNamer NAMER =
            new OutputNamer(Clock.fixed(Instant.parse("2026-03-14T10:00:00Z"), ZoneOffset.UTC));

    private static RuleSet rules(OnSuccess global, RuleModel... rules) {
        return new RuleSet(List.of(rules), global, EXTENSIONS::get, NAMER);
    }

    private static RuleModel rule(String pattern, PatternType type, String profile, int priority) {
        return new RuleModel(pattern, type, profile, null, priority, null);
    }

    @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
    @CsvSource(textBlock = """
            '*.mov',             GLOB,  CLIP.MOV,          true
            '*.mov',             GLOB,  clip.mov,          true
            '*.mov',             GLOB,  clip.mov.part,     false
            '*.{mov,mp4}',       GLOB,  show.MP4,          true
            'cue-??.wav',        GLOB,  CUE-01.wav,        true
            'cue-??.wav',        GLOB,  cue-001.wav,       false
            '[ab]*.mov',         GLOB,  Bclip.mov,         true
            'cam[0-9].*',        GLOB,  cam7.mxf,          true
            'A\\d{3}_C\\d+.*',   REGEX, a001_c004.mov,     true
            'clip',              REGEX, myclip.mov,        false
            'interview.*',       REGEX, interview.mov,     true
            'Opening Video.mov', EXACT, opening video.MOV, true
            'Opening Video.mov', EXACT, Opening Video.mp4, false
            'cams/*.mov',        GLOB,  cams/a.mov,        true
            'cams/*.mov',        GLOB,  a.mov,             false
            '**/*.mov',          GLOB,  day1/cams/a.mov,   true
            '**/*.mov',          GLOB,  a.mov,             true
            '*.mov',             GLOB,  day1/a.mov,        true
            """)
    void patternsIgnoreCaseAndMatchTheWholeName(String pattern, PatternType type, String file, boolean matches) {
        assertThat(RulePattern.compile(pattern, type).matches(file)).isEqualTo(matches);
    }

    @Test
    void higherPriorityWinsAndTiesKeepFileOrder() {
        RuleSet set = rules(
                OnSuccess.KEEP,
                rule("*", PatternType.GLOB, "live-h264", 10),
                rule("*.mov", PatternType.GLOB, "archival", 50),
                rule("*.mov", PatternType.GLOB, "live-qlab", 50));

        RuleMatch match = set.match(Path.of("clip.mov")).orElseThrow();

        assertThat(match.ruleIndex()).isEqualTo(1);
        assertThat(match.profile()).isEqualTo("archival");
        assertThat(set.match(Path.of("clip.mxf")).orElseThrow().profile()).isEqualTo("live-h264");
    }

    @Test
    void perRuleOnSuccessOverridesTheGlobalOneEvenWhenItIsKeep() {
        RuleSet set = rules(
                OnSuccess.DELETE,
                new RuleModel("*.mov", PatternType.GLOB, "live-qlab", null, 0, OnSuccess.KEEP),
                rule("*.mp4", PatternType.GLOB, "live-h264", 0));

        assertThat(set.match(Path.of("a.mov")).orElseThrow().onSuccess()).isEqualTo(OnSuccess.KEEP);
        assertThat(set.match(Path.of("a.mp4")).orElseThrow().onSuccess()).isEqualTo(OnSuccess.DELETE);
    }

    @Test
    void withoutRulesEveryFileGetsTheDefaultProfileAndName() {
        RuleMatch match = rules(OnSuccess.KEEP).match(Path.of("Show Open.mp4")).orElseThrow();

        assertThat(match.ruleIndex()).isEqualTo(RuleMatch.DEFAULT_RULE);
        assertThat(match.profile()).isEqualTo("live-qlab");
        assertThat(match.outputRelativePath()).isEqualTo(Path.of("Show Open__processed__live-qlab.mov"));
    }

    @Test
    void withRulesAnUnmatchedFileGetsNoMatch() {
        RuleSet set = rules(OnSuccess.KEEP, rule("*.wav", PatternType.GLOB, "audio-qlab", 0));

        assertThat(set.match(Path.of("clip.mov"))).isEmpty();
    }

    @Test
    void explainSaysWhichRuleMatchedAndWhy() {
        RuleSet set = rules(
                OnSuccess.KEEP,
                rule("*.wav", PatternType.GLOB, "audio-qlab", 100),
                rule("*.mov", PatternType.GLOB, "live-qlab", 50),
                rule("*", PatternType.GLOB, "live-h264", 0));

        assertThat(set.explain("clip.MOV"))
                .containsExactly(
                        "rule 1 '*.wav' (glob, priority 100): no match",
                        "rule 2 '*.mov' (glob, priority 50): MATCH -> profile live-qlab, output"
                                + " 'clip__processed__live-qlab.mov', on success keep",
                        "rule 3 '*' (glob, priority 0): not tried (an earlier rule matched)");
        assertThat(rules(OnSuccess.KEEP, rule("*.wav", PatternType.GLOB, "audio-qlab", 0))
                        .explain("a.mov"))
                .last()
                .isEqualTo("no rule matched: the file is ignored");
    }

    @Test
    void invalidRegexIsRejectedWhenTheRulesAreBuilt() {
        assertThatThrownBy(() -> rules(OnSuccess.KEEP, rule("(*.mov", PatternType.REGEX, "live-qlab", 0)))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith("invalid regex");
        assertThat(RulePattern.problem("{a,b", PatternType.GLOB)).contains("invalid glob: unclosed '{' near index 4");
        assertThat(RulePattern.problem("*.mov", PatternType.GLOB)).isEqualTo(Optional.empty());
    }

    @Test
    void unmatchedFileIsReportedOnceUntilItVanishesOrTheRulesChange() {
        UnmatchedFiles unmatched = new UnmatchedFiles();
        Path file = Path.of("/in/notes.mov");

        assertThat(unmatched.firstTime(file)).isTrue();
        for (int scan = 0; scan < 5; scan++) {
            assertThat(unmatched.firstTime(file)).isFalse();
        }
        unmatched.forget(file);
        assertThat(unmatched.firstTime(file)).isTrue();
        unmatched.clear();
        assertThat(unmatched.firstTime(file)).isTrue();
    }
}
