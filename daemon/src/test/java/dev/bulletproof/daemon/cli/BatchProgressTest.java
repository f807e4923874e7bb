package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.media.TranscodeProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchProgressTest {

    @TempDir
    Path dir;

    @Test
    void theWholeBatchIsWeighedByFileSize() throws Exception {
        Path big = Files.write(dir.resolve("film.mov"), new byte[9_000]);
        Path small = Files.write(dir.resolve("sting.mov"), new byte[1_000]);
        AtomicLong nanos = new AtomicLong();
        StringWriter text = new StringWriter();
        BatchProgress progress = new BatchProgress(new PrintWriter(text, true), true, List.of(small, big), nanos::get);

        progress.starting(0, "sting.mov");
        nanos.set(10_000_000_000L);
        progress.finished();
        // One small file done in 10 s is 10 % of the bytes: 90 s to go, not another 10 s.
        assertThat(progress.overallLine(0)).isEqualTo("batch  1 of 2 files done  10 %  10 s so far  eta 1 min 30 s");

        progress.starting(1, "film.mov");
        progress.onProgress(new TranscodeProgress(0.5, 5, 25.0, 1.0, 30.0));
        nanos.set(55_000_000_000L);
        assertThat(progress.overallLine(0.5)).isEqualTo("batch  1 of 2 files done  55 %  55 s so far  eta 45 s");
        assertThat(TerminalScreen.render(text.toString()))
                .containsExactly(
                        "[2/2] film.mov  [############            ]  50 %  1.00x  eta 30 s",
                        "batch  1 of 2 files done  55 %  10 s so far  eta 8.2 s");
    }

    @Test
    void withoutATerminalNothingIsWritten() throws Exception {
        Path file = Files.write(dir.resolve("a.mov"), new byte[10]);
        StringWriter text = new StringWriter();
        BatchProgress progress = new BatchProgress(new PrintWriter(text, true), false, List.of(file), System::nanoTime);

        progress.starting(0, "a.mov");
        progress.onProgress(new TranscodeProgress(0.5, 5, 25.0, 1.0, 30.0));
        progress.finished();
        progress.close();

        assertThat(text.toString()).isEmpty();
    }
}
