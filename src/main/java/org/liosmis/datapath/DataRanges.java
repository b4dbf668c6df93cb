package org.liosmis.datapath;

import java.util.ArrayList;
import java.util.List;

/** Where a sparse file holds data, as the kernel reports it through SEEK_DATA and SEEK_HOLE. */
final class DataRanges {

    private DataRanges() {
    }

    /** The data in the file's first {@code size} bytes. */
    static ByteRanges of(NativeFile file, long size) throws ErrnoException {
        return within(file, new ByteRange(0, size));
    }

    /** The data inside {@code range}; a block device is all data. */
    static ByteRanges within(NativeFile file, ByteRange range) throws ErrnoException {
        List<ByteRange> ranges = new ArrayList<>();
        long offset = range.offset();
        while (offset < range.end()) {
            long data = file.nextData(offset);
            if (data < 0 || data >= range.end()) {
                break;
            }
            long hole = Math.min(file.nextHole(data), range.end());
            ranges.add(ByteRange.between(data, hole));
            offset = hole;
        }
        return new ByteRanges(ranges);
    }
}
