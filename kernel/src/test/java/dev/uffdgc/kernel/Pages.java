package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/** A per-page data pattern, so a test can tell which page landed where. Direct access: unregistered memory only. */
final class Pages {
    private Pages() {
    }

    /** The value stored at word {@code word} of page {@code page} of a pattern tagged {@code tag}. */
    static long value(long tag, long page, long word) {
        return tag << 40 ^ page << 20 ^ word ^ 0x5DEECE66DL;
    }

    /** Fills every word of every page with its pattern value (this also populates the pages). */
    static void fill(MemorySegment seg, long tag) {
        for (long off = 0; off < seg.byteSize(); off += 8) {
            seg.set(JAVA_LONG, off, value(tag, off / PAGE_SIZE, off % PAGE_SIZE / 8));
        }
    }

    /** Index of the first word that does not hold the pattern of page {@code firstPage + i}, or -1. */
    static long firstMismatch(MemorySegment seg, long tag, long firstPage) {
        for (long off = 0; off < seg.byteSize(); off += 8) {
            if (seg.get(JAVA_LONG, off) != value(tag, firstPage + off / PAGE_SIZE, off % PAGE_SIZE / 8)) {
                return off / 8;
            }
        }
        return -1;
    }

    static boolean allZero(MemorySegment seg) {
        for (long off = 0; off < seg.byteSize(); off += 8) {
            if (seg.get(JAVA_LONG, off) != 0) {
                return false;
            }
        }
        return true;
    }

    static MemorySegment page(MemorySegment seg, long page) {
        return seg.asSlice(page * PAGE_SIZE, PAGE_SIZE);
    }
}
