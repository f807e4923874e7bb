package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies a verified output cheaply: SHA-256 over its size and its first, middle and last MiB. Recovery
 * only has to tell our verified bytes from a different file that took the same name (or from a temporary
 * file that was never finished); a hash of the whole file would make publishing a 100 GB master take minutes.
 */
public final class OutputFingerprint {

    private static final int SAMPLE = 1 << 20;

    private OutputFingerprint() {}

    public static String of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            MessageDigest digest = sha256();
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(size).flip());
            sample(channel, 0, digest);
            sample(channel, Math.max(0, size / 2 - SAMPLE / 2), digest);
            sample(channel, Math.max(0, size - SAMPLE), digest);
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        }
    }

    /** True when {@code file} exists with exactly this size and fingerprint. */
    public static boolean matches(Path file, long size, String fingerprint) {
        try {
            return java.nio.file.Files.size(file) == size && of(file).equals(fingerprint);
        } catch (IOException e) {
            return false;
        }
    }

    private static void sample(FileChannel channel, long from, MessageDigest digest) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(SAMPLE);
        long position = from;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                break;
            }
            position += read;
        }
        digest.update(buffer.flip());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
