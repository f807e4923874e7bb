package dev.bulletproof.daemon.app;

import dev.bulletproof.daemon.BulletproofException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The daemon's data folder: the SQLite database and its native library, per-job ffmpeg logs and process
 * records. One daemon at a time owns it, through an exclusive lock the operating system releases even
 * after a hard crash.
 */
final class DataFolder implements AutoCloseable {

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataFolder(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the folder if needed and takes its lock; fails clearly if another daemon holds it. */
    static DataFolder open(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
            FileChannel channel = FileChannel.open(
                    absolute.resolve("daemon.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new BulletproofException("another Bulletproof daemon is already using the data folder " + absolute
                        + "; stop it first or pass another --data-dir");
            }
            return new DataFolder(absolute, channel, lock);
        } catch (IOException e) {
            throw new BulletproofException("cannot use the data folder " + absolute + ": " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    Path database() {
        return root.resolve("bulletproof.db");
    }

    /** sqlite-jdbc's extracted native library, removed at the next start if a crash left it behind. */
    Path nativeLibraries() {
        return root.resolve("native");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path encodes() {
        return root.resolve("encodes");
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            // The lock dies with the channel or the process anyway.
        }
    }
}
