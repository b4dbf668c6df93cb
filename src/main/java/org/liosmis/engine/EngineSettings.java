package org.liosmis.engine;

import java.time.Clock;
import java.time.Duration;

/**
 * @param copyThreads       how many copies run at once; more wait in line
 * @param timeBeforeRemoval how long a finished job stays visible (SMI-S: at least 5 minutes)
 */
public record EngineSettings(int copyThreads, Duration timeBeforeRemoval, Clock clock) {

    public static EngineSettings defaults() {
        return new EngineSettings(2, Duration.ofMinutes(5), Clock.systemUTC());
    }
}
