package org.liosmis.datapath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.liosmis.datapath.ExtentMap.Extent;

/**
 * What changed in a volume's file between two mirror cycles, each of which took a reflink clone
 * of it: a byte both clones map to the same device address is still the one extent they share,
 * so it is unchanged. Found from the filesystem's extent maps alone, without reading any data.
 */
public final class CloneDelta {

    private CloneDelta() {
    }

    /**
     * The ranges of {@code current} whose bytes may differ from {@code previous}'s: all but those
     * both clones share, and those that are holes in both. Where the kernel gives no plain address
     * (delayed, inline or encoded extents) the bytes count as changed. Bytes past the end of
     * {@code previous} count as changed; nothing past the end of {@code current} is listed.
     *
     * @param previous the clone taken at the last cycle
     * @param current the clone taken now, on the same filesystem
     * @throws IllegalArgumentException if the two lie on different filesystems
     * @throws IOException if the filesystem has no extent map (FIEMAP); then {@link BlockCompare} can tell
     */
    public static ByteRanges changedRanges(Path previous, Path current) throws IOException {
        if (!Files.getAttribute(previous, "unix:dev").equals(Files.getAttribute(current, "unix:dev"))) {
            throw new IllegalArgumentException(previous + " and " + current + " are on different filesystems");
        }
        try (NativeFile before = NativeFile.open(previous, Libc.O_RDONLY, 0);
                NativeFile now = NativeFile.open(current, Libc.O_RDONLY, 0)) {
            long beforeLength = before.length();
            long nowLength = now.length();
            long common = Math.min(beforeLength, nowLength);
            List<ByteRange> changed = differing(ExtentMap.of(before, common), ExtentMap.of(now, common), common);
            changed.add(ByteRange.between(common, nowLength));
            return new ByteRanges(changed);
        }
    }

    /** Where the first {@code end} bytes of two extent maps differ; walks both at once, boundary to boundary. */
    static List<ByteRange> differing(List<Extent> before, List<Extent> now, long end) {
        List<ByteRange> changed = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (long at = 0; at < end; ) {
            while (i < before.size() && before.get(i).end() <= at) {
                i++;
            }
            while (j < now.size() && now.get(j).end() <= at) {
                j++;
            }
            Extent a = i < before.size() ? before.get(i) : null;
            Extent b = j < now.size() ? now.get(j) : null;
            long next = Math.min(end, Math.min(boundary(a, at), boundary(b, at)));
            Extent mappedA = covering(a, at);
            Extent mappedB = covering(b, at);
            boolean same = mappedA == null ? mappedB == null : mappedB != null && mappedA.sameDataAs(mappedB, at);
            if (!same) {
                changed.add(ByteRange.between(at, next));
            }
            at = next;
        }
        return changed;
    }

    // where whether byte {@code at} lies in the extent stops holding: its start if it starts later, else its end
    private static long boundary(Extent extent, long at) {
        if (extent == null) {
            return Long.MAX_VALUE;
        }
        return extent.logical() > at ? extent.logical() : extent.end();
    }

    private static Extent covering(Extent extent, long at) {
        return extent != null && extent.logical() <= at ? extent : null;
    }
}
