package dev.bulletproof.daemon.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Writes records to {@code daemon.log}; before a record would take it past {@code maxBytes}, the file
 * becomes {@code daemon.log.1} (the older ones shift to .2, .3...; beyond {@code keptFiles} they are
 * deleted) and a new one starts. java.util.logging's FileHandler rotates too, but names the current file
 * {@code daemon.0.log} and leaves {@code .lck} files behind; an operator tails one fixed name.
 */
final class SizeCappedFileHandler extends Handler {

    private final Path file;
    private final long maxBytes;
    private final int keptFiles;
    private OutputStream out;
    private long size;

    /**
     * @param keptFiles how many rotated files to keep beside the current one
     * @throws IOException when the file cannot be opened for appending
     */
    SizeCappedFileHandler(Path file, long maxBytes, int keptFiles, Formatter formatter) throws IOException {
        this.file = file;
        this.maxBytes = maxBytes;
        this.keptFiles = keptFiles;
        setFormatter(formatter);
        Files.createDirectories(file.toAbsolutePath().getParent());
        open();
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (out == null || !isLoggable(record)) {
            return;
        }
        byte[] bytes;
        try {
            bytes = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            if (size > 0 && size + bytes.length > maxBytes) {
                rotate();
            }
            out.write(bytes);
            // Flushed per record: after a crash (kill -9 included) the file says what happened up to the end.
            out.flush();
            size += bytes.length;
        } catch (IOException e) {
            reportError("cannot write the log file " + file, e, ErrorManager.WRITE_FAILURE);
        }
    }

    private void rotate() throws IOException {
        out.close();
        out = null;
        Files.deleteIfExists(rotated(keptFiles));
        for (int i = keptFiles - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (keptFiles >= 1) {
            Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(file);
        }
        open();
    }

    private Path rotated(int index) {
        return file.resolveSibling(file.getFileName() + "." + index);
    }

    @Override
    public synchronized void flush() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            reportError("cannot flush the log file " + file, e, ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            reportError("cannot close the log file " + file, e, ErrorManager.CLOSE_FAILURE);
        } finally {
            out = null;
        }
    }
}
