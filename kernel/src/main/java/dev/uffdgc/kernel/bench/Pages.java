package dev.uffdgc.kernel.bench;

import dev.uffdgc.kernel.Memory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Helpers the rows share, each mirroring a function of floor.c. */
final class Pages {
    private Pages() {
    }

    static final long PAGE = Memory.PAGE_SIZE;

    /** Touch one byte per page so every page is present and exclusive (what MOVE needs); floor.c's prefault. */
    static void prefault(MemorySegment segment) {
        for (long off = 0; off < segment.byteSize(); off += PAGE) {
            segment.set(ValueLayout.JAVA_BYTE, off, (byte) 1);
        }
    }

    /** Unmaps every non-null segment; used in finally blocks, so one failure does not leak the rest. */
    static void unmap(MemorySegment... segments) {
        for (MemorySegment s : segments) {
            if (s != null) {
                Memory.munmap(s);
            }
        }
    }
}
