package org.liosmis.datapath;

import java.util.ArrayList;
import java.util.List;

/** Where a sparse file holds data, as the kernel reports it through SEEK_DATA and SEEK_HOLE. */
record DataRanges(List<Range> ranges, long fileSize) {

    /** {@code length} bytes of data at {@code offset}. */
    record Range(long offset, long length) {

        long end() {
            return offset + length;
        }
    }

    DataRanges {
        ranges = List.copyOf(ranges);
    }

    /** Walks the file's first {@code size} bytes. */
    static DataRanges of(NativeFile file, long size) throws ErrnoException {
        List<Range> ranges = new ArrayList<>();
        long offset = 0;
        while (offset < size) {
            long data = file.nextData(offset);
            if (data < 0 || data >= size) {
                break;
            }
            long hole = Math.min(file.nextHole(data), size);
            ranges.add(new Range(data, hole - data));
            offset = hole;
        }
        return new DataRanges(ranges, size);
    }

    long dataBytes() {
        return ranges.stream().mapToLong(Range::length).sum();
    }
}
