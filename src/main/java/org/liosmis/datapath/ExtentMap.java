package org.liosmis.datapath;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a file's bytes lie on its device, as the FIEMAP ioctl reports them: two reflink clones
 * whose extents lie at the same address hold the same data there.
 */
final class ExtentMap {

    // struct fiemap and struct fiemap_extent of <linux/fiemap.h>
    private static final StructLayout FIEMAP = MemoryLayout.structLayout(
            JAVA_LONG.withName("fm_start"), JAVA_LONG.withName("fm_length"), JAVA_INT.withName("fm_flags"),
            JAVA_INT.withName("fm_mapped_extents"), JAVA_INT.withName("fm_extent_count"),
            JAVA_INT.withName("fm_reserved"));
    private static final StructLayout FIEMAP_EXTENT = MemoryLayout.structLayout(
            JAVA_LONG.withName("fe_logical"), JAVA_LONG.withName("fe_physical"), JAVA_LONG.withName("fe_length"),
            MemoryLayout.sequenceLayout(2, JAVA_LONG).withName("fe_reserved64"), JAVA_INT.withName("fe_flags"),
            MemoryLayout.sequenceLayout(3, JAVA_INT).withName("fe_reserved"));
    private static final int BATCH = 512;

    private static final int FIEMAP_FLAG_SYNC = 1;
    private static final int EXTENT_LAST = 0x1;
    static final int EXTENT_UNWRITTEN = 0x800;
    // UNKNOWN, DELALLOC, ENCODED, NOT_ALIGNED, DATA_INLINE, DATA_TAIL: no plain address to compare
    private static final int NO_PLAIN_ADDRESS = 0x2 | 0x4 | 0x8 | 0x100 | 0x200 | 0x400;

    private ExtentMap() {
    }

    /** One run of the file's bytes, contiguous on the device. */
    record Extent(long logical, long physical, long length, int flags) {

        long end() {
            return logical + length;
        }

        /** The device address of the file's byte {@code at}, which lies in this extent. */
        long physicalAt(long at) {
            return physical + (at - logical);
        }

        /** Whether another extent at the same address surely holds the same bytes. */
        boolean sameDataAs(Extent other, long at) {
            return (flags & NO_PLAIN_ADDRESS) == 0 && (other.flags & NO_PLAIN_ADDRESS) == 0
                    && (flags & EXTENT_UNWRITTEN) == (other.flags & EXTENT_UNWRITTEN)
                    && physicalAt(at) == other.physicalAt(at);
        }
    }

    /**
     * The extents of the file's first {@code size} bytes, in file order; holes have none. The
     * file's dirty pages are written first, so delayed allocations have their addresses.
     */
    static List<Extent> of(NativeFile file, long size) throws ErrnoException {
        List<Extent> extents = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment request = arena.allocate(FIEMAP.byteSize() + BATCH * FIEMAP_EXTENT.byteSize(), 8);
            int flags = FIEMAP_FLAG_SYNC;
            for (long start = 0; start < size; ) {
                request.fill((byte) 0);
                request.set(JAVA_LONG, at(FIEMAP, "fm_start"), start);
                request.set(JAVA_LONG, at(FIEMAP, "fm_length"), size - start);
                request.set(JAVA_INT, at(FIEMAP, "fm_flags"), flags);
                request.set(JAVA_INT, at(FIEMAP, "fm_extent_count"), BATCH);
                file.mapExtents(request);
                flags = 0;
                int mapped = request.get(JAVA_INT, at(FIEMAP, "fm_mapped_extents"));
                if (mapped == 0) {
                    break;
                }
                for (int i = 0; i < mapped; i++) {
                    long offset = FIEMAP.byteSize() + i * FIEMAP_EXTENT.byteSize();
                    extents.add(extentAt(request.asSlice(offset, FIEMAP_EXTENT.byteSize())));
                }
                Extent last = extents.getLast();
                if ((last.flags() & EXTENT_LAST) != 0) {
                    break;
                }
                start = last.end();
            }
        }
        return extents;
    }

    private static Extent extentAt(MemorySegment extent) {
        return new Extent(extent.get(JAVA_LONG, at(FIEMAP_EXTENT, "fe_logical")),
                extent.get(JAVA_LONG, at(FIEMAP_EXTENT, "fe_physical")),
                extent.get(JAVA_LONG, at(FIEMAP_EXTENT, "fe_length")),
                extent.get(JAVA_INT, at(FIEMAP_EXTENT, "fe_flags")));
    }

    private static long at(StructLayout struct, String field) {
        return struct.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }
}
