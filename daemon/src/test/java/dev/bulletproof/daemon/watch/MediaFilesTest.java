package dev.bulletproof.daemon.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaFilesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            clip.mov,                   true
            CLIP.MOV,                   true
            A001_C004.MXF,              true
            interview.mkv,              true
            stream.m2ts,                true
            cue 12.wav,                 true
            voiceover.AIFF,             true
            music.mp3,                  true
            score.flac,                 true
            ambience.m4a,               true
            podcast.opus,               true
            ._clip.mov,                 false
            .hidden.mov,                false
            .clip__processed__live-qlab.bp-partial.mov, false
            clip.mov.part,              false
            clip.mov.tmp,               false
            clip.mov.crdownload,        false
            clip.mov~,                  false
            Thumbs.db,                  false
            .DS_Store,                  false
            notes.txt,                  false
            project.prproj,             false
            noextension,                false
            """)
    void onlyFinishedVideoAndAudioFilesAreCandidates(String name, boolean candidate) {
        assertThat(MediaFiles.isCandidate(Path.of("/in", name))).isEqualTo(candidate);
    }
}
