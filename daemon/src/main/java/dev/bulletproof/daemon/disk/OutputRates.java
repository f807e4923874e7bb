package dev.bulletproof.daemon.disk;

import java.util.OptionalDouble;

/** What a profile's outputs measured so far: bytes of output per second of media, from the job history. */
@FunctionalInterface
public interface OutputRates {

    /** Over the profile's latest completed jobs; empty when none has a size and a duration yet. */
    OptionalDouble bytesPerMediaSecond(String profile);
}
