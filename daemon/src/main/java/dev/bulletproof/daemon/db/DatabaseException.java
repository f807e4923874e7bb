package dev.bulletproof.daemon.db;

import dev.bulletproof.daemon.BulletproofException;

/** A database operation failed: the file cannot be opened, a statement failed, the disk is full. */
public class DatabaseException extends BulletproofException {

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
