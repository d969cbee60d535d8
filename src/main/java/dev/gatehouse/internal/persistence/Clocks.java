package dev.gatehouse.internal.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Every stored instant is truncated to microseconds, the precision all three databases keep. */
public final class Clocks {

    private Clocks() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
