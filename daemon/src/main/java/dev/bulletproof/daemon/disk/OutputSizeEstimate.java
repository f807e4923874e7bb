package dev.bulletproof.daemon.disk;

import dev.bulletproof.daemon.jobs.Job;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How big a job's output will probably be (decision 0024): the profile's measured bytes per media second
 * times the input's duration, with a fifth added for inputs busier than the average; before a profile has
 * history, or for an input without a known duration, twice the input's size, which covers delivery codecs
 * made from camera or intermediate files and most intermediates made from delivery files.
 */
public final class OutputSizeEstimate {

    static final double MARGIN = 1.2;
    static final double DEFAULT_INPUT_FACTOR = 2.0;
    /** The rates change only when a job completes; reading them once a minute is plenty. */
    private static final Duration RATE_CACHE = Duration.ofMinutes(1);

    private record Cached(OptionalDouble rate, Instant at) {}

    private final OutputRates rates;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public OutputSizeEstimate(OutputRates rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    public long bytesFor(Job job) {
        Double duration = job.mediaDurationSeconds();
        if (job.profile() != null && duration != null && duration > 0) {
            OptionalDouble rate = rateOf(job.profile());
            if (rate.isPresent()) {
                return (long) Math.ceil(rate.getAsDouble() * duration * MARGIN);
            }
        }
        return (long) Math.ceil(job.inputSize() * DEFAULT_INPUT_FACTOR);
    }

    private OptionalDouble rateOf(String profile) {
        Instant now = clock.instant();
        Cached cached = cache.get(profile);
        if (cached == null || cached.at().plus(RATE_CACHE).isBefore(now)) {
            cached = new Cached(rates.bytesPerMediaSecond(profile), now);
            cache.put(profile, cached);
        }
        return cached.rate();
    }
}
