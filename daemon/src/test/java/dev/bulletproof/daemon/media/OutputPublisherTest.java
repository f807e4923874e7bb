package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPublisherTest {

    @TempDir
    Path dir;

    private final RecordingJournal journal = new RecordingJournal();

    @Test
    void publishMovesTheTemporaryFileToTheReservedName() throws Exception {
        Path wanted = dir.resolve("clip.mov");
        Path temp = Files.writeString(OutputPaths.tempFor(wanted), "encoded");

        Path published = OutputPublisher.publish(temp, wanted, wanted, journal);

        assertThat(published).isEqualTo(wanted).hasContent("encoded");
        assertThat(temp).doesNotExist();
    }

    @Test
    void theIntentIsRecordedWithSizeAndFingerprintBeforeTheFinalNameExists() throws Exception {
        Path wanted = dir.resolve("clip.mov");
        Path temp = Files.writeString(OutputPaths.tempFor(wanted), "encoded");

        OutputPublisher.publish(temp, wanted, wanted, journal);

        assertThat(journal.calls).containsExactly("intend " + wanted + " 7 final-exists=false");
        assertThat(journal.fingerprint).isEqualTo(OutputFingerprint.of(wanted));
    }

    @Test
    void nameTakenAfterReservationGoesToTheNextFreeNameWithoutReplacing() throws Exception {
        Path wanted = dir.resolve("clip.mov");
        Path temp = Files.writeString(OutputPaths.tempFor(wanted), "encoded");
        Files.writeString(wanted, "arrived meanwhile");

        Path published = OutputPublisher.publish(temp, wanted, wanted, journal);

        assertThat(published).isEqualTo(dir.resolve("clip-2.mov")).hasContent("encoded");
        assertThat(wanted).hasContent("arrived meanwhile");
        assertThat(temp).doesNotExist();
        assertThat(journal.calls.getFirst()).startsWith("intend " + dir.resolve("clip-2.mov"));
    }

    @Test
    void aRefusedIntentPublishesNothing() throws Exception {
        Path wanted = dir.resolve("clip.mov");
        Path temp = Files.writeString(OutputPaths.tempFor(wanted), "encoded");
        journal.allow = false;

        assertThatThrownBy(() -> OutputPublisher.publish(temp, wanted, wanted, journal))
                .isInstanceOf(OutputPublisher.PublishRefusedException.class);

        assertThat(wanted).doesNotExist();
    }

    @Test
    void recoveryKeepsAFinalFileThatMatchesAndDropsTheSecondName() throws Exception {
        Path wanted = dir.resolve("clip.mov");
        Path temp = Files.writeString(OutputPaths.tempFor(wanted), "encoded");
        Files.createLink(wanted, temp); // the crash came after the link, before the temporary name went
        String fingerprint = OutputFingerprint.of(temp);

        Path published = OutputPublisher.recover(temp, wanted, 7, fingerprint, journal);

        assertThat(published).isEqualTo(wanted).hasContent("encoded");
        assertThat(temp).doesNotExist();
        assertThat(journal.calls).isEmpty();
    }

    @Test
    void recoveryPublishesAVerifiedTemporaryFileThatHasNoFinalNameYet() throws Exception {
        Path wanted = dir.resolve("clip.mov");
        Path temp = Files.writeString(OutputPaths.tempFor(wanted), "encoded");
        String fingerprint = OutputFingerprint.of(temp);

        Path published = OutputPublisher.recover(temp, wanted, 7, fingerprint, journal);

        assertThat(published).isEqualTo(wanted).hasContent("encoded");
        assertThat(temp).doesNotExist();
    }

    @Test
    void recoveryNeverReplacesAnotherFileThatTookTheNameMeanwhile() throws Exception {
        Path wanted = dir.resolve("clip.mov");
        Path temp = Files.writeString(OutputPaths.tempFor(wanted), "encoded");
        String fingerprint = OutputFingerprint.of(temp);
        Files.writeString(wanted, "someone else's");

        Path published = OutputPublisher.recover(temp, wanted, 7, fingerprint, journal);

        assertThat(published).isEqualTo(dir.resolve("clip-2.mov")).hasContent("encoded");
        assertThat(wanted).hasContent("someone else's");
        assertThat(journal.calls).containsExactly("retarget " + dir.resolve("clip-2.mov"));
    }

    @Test
    void recoveryRollsBackWhenTheTemporaryFileIsNotTheVerifiedOne() throws Exception {
        Path wanted = dir.resolve("clip.mov");
        Path temp = Files.writeString(OutputPaths.tempFor(wanted), "encoded");
        String fingerprint = OutputFingerprint.of(temp);
        Files.writeString(temp, "encod"); // not what was verified (a torn write, another run's file)

        Path published = OutputPublisher.recover(temp, wanted, 7, fingerprint, journal);

        assertThat(published).isNull();
        assertThat(temp).doesNotExist();
        assertThat(wanted).doesNotExist();
    }

    @Test
    void fingerprintsDifferWhenAByteInTheTailDiffers() throws Exception {
        byte[] bytes = new byte[3 << 20];
        Path a = Files.write(dir.resolve("a"), bytes);
        bytes[bytes.length - 1] = 1;
        Path b = Files.write(dir.resolve("b"), bytes);

        assertThat(OutputFingerprint.of(a))
                .isNotEqualTo(OutputFingerprint.of(b))
                .startsWith("sha256:");
    }

    private static final class RecordingJournal implements PublishJournal {
        final List<String> calls = new ArrayList<>();
        boolean allow = true;
        String fingerprint;

        @Override
        public boolean intend(Path temp, Path target, long size, String fingerprint) {
            this.fingerprint = fingerprint;
            calls.add("intend " + target + " " + size + " final-exists=" + Files.exists(target));
            return allow;
        }

        @Override
        public void retarget(Path target) {
            calls.add("retarget " + target);
        }

        @Override
        public void abandon() {
            calls.add("abandon");
        }
    }
}
