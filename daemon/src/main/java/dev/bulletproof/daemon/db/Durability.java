package dev.bulletproof.daemon.db;

/** How hard SQLite works to make a committed transaction survive a power cut. */
public enum Durability {
    /** fsync on every commit: a state change that was reported is never lost. The daemon's setting. */
    FULL,
    /** fsync only at WAL checkpoints: a power cut may lose the last commits, never corrupt the file. */
    NORMAL
}
