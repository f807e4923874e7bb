package dev.bulletproof.daemon.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputNamerTest {

    private final OutputNamer namer =
            new OutputNamer(Clock.fixed(Instant.parse("2026-03-14T23:30:00Z"), ZoneOffset.UTC));

    @TempDir
    Path outputs;

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(textBlock = """
            '{filename_no_ext}__processed__{profile}.{ext}', live-qlab, mov, 'Show Open__processed__live-qlab.mov'
            '{stem}.{ext}',                                  live-h264, mp4, 'Show Open.mp4'
            '{filename}.{ext}',                              audio-qlab, wav, 'Show Open.mp4.wav'
            '{date}/{stem}-{profile}.{ext}',                 live-qlab, mov, '2026-03-14/Show Open-live-qlab.mov'
            'qlab/{stem}',                                   live-qlab, mov, 'qlab/Show Open.mov'
            '{stem}_v1.2',                                   live-qlab, mov, 'Show Open_v1.2.mov'
            '{stem}.MOV',                                    live-qlab, mov, 'Show Open.MOV'
            '{stem}.mp4',                                    live-qlab, mov, 'Show Open.mp4.mov'
            """)
    void templatesFillEveryPlaceholderAndAlwaysEndInTheProfilesExtension(
            String template, String profile, String extension, String expected) {
        assertThat(namer.relativeOutput(template, "Show Open.mp4", profile, extension))
                .isEqualTo(Path.of(expected));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            '../{stem}.{ext}',       must not contain '..'
            'a/../../{stem}.{ext}',  must not contain '..'
            '/tmp/{stem}.{ext}',     must be relative
            'C:\\out\\{stem}.{ext}', must be relative
            '{name}.{ext}',          unknown placeholder {name}
            '{stem.{ext}',           unbalanced
            '{stem}}.{ext}',         unbalanced
            """)
    void unsafeOrUnknownTemplatesAreRejected(String template, String problem) {
        assertThat(OutputTemplate.problem(template))
                .hasValueSatisfying(p -> assertThat(p).contains(problem));
        assertThatThrownBy(() -> namer.relativeOutput(template, "clip.mov", "live-qlab", "mov"))
                .isInstanceOf(InvalidRuleException.class);
    }

    @Test
    void resolvedOutputStaysInsideTheOutputFolderAndNeverOverwrites() throws Exception {
        Path relative = namer.relativeOutput("shows/{stem}.{ext}", "clip.mov", "live-qlab", "mov");
        Path first = OutputNamer.resolveFree(outputs, relative);
        assertThat(first).isEqualTo(outputs.resolve("shows/clip.mov"));

        Files.createDirectories(first.getParent());
        Files.writeString(first, "published earlier");

        assertThat(OutputNamer.resolveFree(outputs, relative)).isEqualTo(outputs.resolve("shows/clip-2.mov"));
        assertThatThrownBy(() -> OutputNamer.resolveFree(outputs, Path.of("../escape.mov")))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("outside the output folder");
    }
}
