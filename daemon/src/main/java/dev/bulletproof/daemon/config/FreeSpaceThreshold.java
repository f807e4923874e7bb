package dev.bulletproof.daemon.config;

/**
 * {@code min_free_space}: how much room a job must leave on its output volume. Either a size or a share of
 * the volume; without the key, the larger of 2 GB and 5 % of the volume.
 *
 * @param bytes a fixed size, or -1
 * @param percent a share of the volume's size (0..100), or -1
 */
public record FreeSpaceThreshold(long bytes, double percent) {

    public static final long DEFAULT_BYTES = 2_000_000_000L;
    public static final double DEFAULT_PERCENT = 5;

    public static FreeSpaceThreshold defaults() {
        return new FreeSpaceThreshold(DEFAULT_BYTES, DEFAULT_PERCENT);
    }

    public static FreeSpaceThreshold ofBytes(long bytes) {
        return new FreeSpaceThreshold(bytes, -1);
    }

    public static FreeSpaceThreshold ofPercent(double percent) {
        return new FreeSpaceThreshold(-1, percent);
    }

    /** The bytes to keep free on a volume of {@code totalBytes}: the larger of the two parts that are set. */
    public long reserveOn(long totalBytes) {
        long share = percent < 0 ? 0 : (long) (totalBytes * percent / 100);
        return Math.max(Math.max(bytes, 0), share);
    }
}
