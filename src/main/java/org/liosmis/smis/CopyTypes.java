package org.liosmis.smis;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.liosmis.engine.Pool;
import org.liosmis.engine.ReplicaKind;

/**
 * The CreateReplica CopyTypes that can be made, as numbers and in words: snapshots (4) and
 * independent copies (5) in every configured pool, async (2) and sync (3) mirrors where a pool
 * can hold their target.
 */
final class CopyTypes {

    /** A mirror kind, its CopyType and its name in words. */
    private record Mirror(ReplicaKind kind, int copyType, String words) {
        String named() {
            return words + " (" + copyType + ")";
        }
    }

    private static final List<Mirror> MIRRORS = List.of(new Mirror(ReplicaKind.ASYNC_MIRROR, 2, "async mirrors"),
            new Mirror(ReplicaKind.SYNC_MIRROR, 3, "sync mirrors"));
    private static final int[] SNAPSHOTS_AND_COPIES = {4, 5};

    private CopyTypes() {
    }

    /** SupportedCopyTypes, given which mirror kinds can be held. */
    static int[] supported(Predicate<ReplicaKind> mirrors) {
        return IntStream.concat(MIRRORS.stream().filter(m -> mirrors.test(m.kind())).mapToInt(Mirror::copyType),
                IntStream.of(SNAPSHOTS_AND_COPIES)).toArray();
    }

    /** What a pool can and cannot hold, and why not: the Description of its capabilities. */
    static String describe(Pool pool, Function<ReplicaKind, Optional<String>> whyNot) {
        StringBuilder words = new StringBuilder("Pool " + pool.id() + " (" + pool.backing().describe() + ") can hold ");
        MIRRORS.stream().filter(m -> whyNot.apply(m.kind()).isEmpty())
                .forEach(m -> words.append(m.named()).append(", "));
        words.append("snapshots (4) and independent copies (5)");
        MIRRORS.forEach(m -> whyNot.apply(m.kind()).ifPresent(why -> words.append("; no ").append(m.named())
                .append(": ").append(why)));
        return words.toString();
    }
}
