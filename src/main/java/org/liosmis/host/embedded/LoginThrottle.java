package org.liosmis.host.embedded;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows password guessing per client address: a few failed logins are free, then the address
 * must pause, one second after the first failure over, doubling with each further one up to
 * a minute. While it pauses its logins are refused without checking the password, so guesses
 * cost the server nothing and other addresses are not held up. A success forgets the
 * address; so does a quarter of an hour without failures.
 */
final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    private static final long FIRST_PAUSE_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long LONGEST_PAUSE_NANOS = Duration.ofMinutes(1).toNanos();
    private static final long FORGET_AFTER_NANOS = Duration.ofMinutes(15).toNanos();
    // bounds the memory an attacker with many addresses can make the server spend
    private static final int MAX_ADDRESSES = 10_000;

    private record Failures(int count, long lastNanos, long pausedUntilNanos) {
    }

    private final Map<InetAddress, Failures> failures = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    LoginThrottle() {
        this(System::nanoTime);
    }

    LoginThrottle(LongSupplier clock) {
        this.clock = clock;
    }

    /** How long the address must still pause, or zero when it may try a login now. */
    Duration pauseLeft(InetAddress address) {
        Failures seen = failures.get(address);
        long left = seen == null ? 0 : seen.pausedUntilNanos() - clock.getAsLong();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    void failed(InetAddress address) {
        long now = clock.getAsLong();
        if (failures.size() >= MAX_ADDRESSES) {
            failures.values().removeIf(seen -> now - seen.lastNanos() > FORGET_AFTER_NANOS);
            if (failures.size() >= MAX_ADDRESSES && !failures.containsKey(address)) {
                return;
            }
        }
        failures.compute(address, (key, seen) -> {
            int count = seen == null || now - seen.lastNanos() > FORGET_AFTER_NANOS ? 1 : seen.count() + 1;
            return new Failures(count, now, count < FREE_FAILURES ? now : now + pause(count));
        });
    }

    void succeeded(InetAddress address) {
        failures.remove(address);
    }

    private static long pause(int count) {
        int doublings = Math.min(count - FREE_FAILURES, 6);
        return Math.min(FIRST_PAUSE_NANOS << doublings, LONGEST_PAUSE_NANOS);
    }
}
