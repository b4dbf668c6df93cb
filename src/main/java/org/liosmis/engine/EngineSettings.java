package org.liosmis.engine;

import java.time.Clock;
import java.time.Duration;

/**
 * @param copyThreads       how many copies run at once; more wait in line
 * @param timeBeforeRemoval how long a finished job stays visible (SMI-S: at least 5 minutes)
 * @param asyncCyclePeriod  how often an async mirror's cycle brings its target in step
 */
public record EngineSettings(int copyThreads, Duration timeBeforeRemoval, Clock clock, Duration asyncCyclePeriod) {

    public static final Duration DEFAULT_CYCLE_PERIOD = Duration.ofMinutes(1);

    public EngineSettings(int copyThreads, Duration timeBeforeRemoval, Clock clock) {
        this(copyThreads, timeBeforeRemoval, clock, DEFAULT_CYCLE_PERIOD);
    }

    public static EngineSettings defaults() {
        return new EngineSettings(2, Duration.ofMinutes(5), Clock.systemUTC());
    }

    public EngineSettings withCyclePeriod(Duration period) {
        return new EngineSettings(copyThreads, timeBeforeRemoval, clock, period);
    }
}
