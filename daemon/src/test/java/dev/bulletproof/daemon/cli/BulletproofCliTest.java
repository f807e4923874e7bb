package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BulletproofCliTest {

    @Test
    void helpListsEveryVerb() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("transcode", "analyze", "batch", "profiles", "doctor", "desktop");
    }

    @Test
    void desktopHasItsOwnHelpAndSaysWhereTheClientIsWhenRunWithoutTheLauncher() {
        CliRun help = CliRun.of("desktop", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: bulletproof desktop", "--url", "--token", "--data-dir");

        CliRun direct = CliRun.of("desktop");
        assertThat(direct.exitCode()).isEqualTo(1);
        assertThat(direct.err()).contains("./bulletproof desktop", "bulletproof-desktop");
    }

    @Test
    void versionIsPrinted() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("bulletproof ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionShortcutPrintsWhatPicocliPrints(String flag) {
        java.io.StringWriter picocli = new java.io.StringWriter();
        new picocli.CommandLine(new BulletproofCli()).printVersionHelp(new java.io.PrintWriter(picocli, true));

        CliRun run = CliRun.of(flag);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(picocli.toString()).isNotBlank();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theDefaultFfmpegIsLookedForEarlyOnlyForAMediaVerbThatWillUseIt() {
        assertThat(BulletproofCli.needsDefaultTools(new String[] {"analyze", "clip.mov"}))
                .isTrue();
        assertThat(BulletproofCli.needsDefaultTools(new String[] {"transcode", "a b.mov", "-o", "x.mp4"}))
                .isTrue();
        assertThat(BulletproofCli.needsDefaultTools(new String[] {"doctor"})).isTrue();
        assertThat(BulletproofCli.needsDefaultTools(new String[] {"analyze", "--ffmpeg", "/opt/ff", "c.mov"}))
                .as("a named ffmpeg is the only one tried")
                .isFalse();
        assertThat(BulletproofCli.needsDefaultTools(new String[] {"batch", "--ffmpeg=/opt/ff", "in"}))
                .isFalse();
        assertThat(BulletproofCli.needsDefaultTools(new String[] {"analyze", "--help"}))
                .isFalse();
        assertThat(BulletproofCli.needsDefaultTools(new String[] {"status"})).isFalse();
        assertThat(BulletproofCli.needsDefaultTools(new String[] {})).isFalse();
    }

    @Test
    void aCommandLineNamingAVerbBuildsOnlyThatVerb() {
        assertThat(BulletproofCli.verbsFor(new String[] {"analyze", "clip.mov"}))
                .containsExactly(AnalyzeCommand.class);
        assertThat(BulletproofCli.verbsFor(new String[] {"status", "--json"})).containsExactly(StatusCommand.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "help", "analyse", "-x"})
    void aCommandLineNamingNoVerbBuildsThemAll(String first) {
        assertThat(BulletproofCli.verbsFor(new String[] {first, "analyze"})).isEqualTo(BulletproofCli.VERBS);
        assertThat(BulletproofCli.verbsFor(new String[0])).isEqualTo(BulletproofCli.VERBS);
    }

    @Test
    void helpOfAVerbThroughTheHelpVerb() {
        CliRun run = CliRun.of("help", "analyze");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: bulletproof analyze");
    }

    @Test
    void aMistypedVerbIsStillSuggested() {
        CliRun run = CliRun.of("analyse", "clip.mov");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Did you mean", "analyze");
    }

    @ParameterizedTest
    @ValueSource(strings = {"transcode", "analyze", "batch", "profiles", "doctor", "desktop"})
    void everyVerbHasHelp(String verb) {
        CliRun run = CliRun.of(verb, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage:", verb);
    }

    @Test
    void noVerbIsAUsageError() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a command is required");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("transcode", "x.mov", "--colour", "red");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown options: '--colour'");
    }

    @Test
    void profilesListsTheTenBuiltinsWithExtensionsAndTheDefault() {
        CliRun run = CliRun.of("profiles", "--args");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("live-qlab", "audio-qlab", "live-prores-lt", "live-h264", "live-linux-hevc-mkv")
                .contains("standard-playback", "stream-hd", "stream-4k", "archival", "archival-linux-mkv")
                .contains(".mov", ".wav", ".mkv", "(default)", "-c:v prores_ks -profile:v 3");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(textBlock = """
            UTF-8,          Linux,      false
            ANSI_X3.4-1968, Linux,      true
            ANSI_X3.4-1968, Mac OS X,   true
            Cp1252,         Windows 11, false
            """)
    void nonUtf8FileNameEncodingIsWarnedAbout(String encoding, String os, boolean warned) {
        assertThat(BulletproofCli.fileNameEncodingWarning(encoding, os).isPresent())
                .isEqualTo(warned);
    }
}
