package dev.uffdgc.kernel.bench;

import static dev.uffdgc.kernel.bench.Pages.PAGE;

import dev.uffdgc.kernel.Memory;

import java.lang.foreign.MemorySegment;

/**
 * Copy {@code pages} pages, one page per copy, into a mapping never touched before, so each copy also takes an
 * anonymous page fault: what building a compacted page in a fresh page costs without userfaultfd. floor.c's
 * memcpy_row.
 */
final class MemcpyRow implements Row {
    private final long pages;
    private long allocated;

    MemcpyRow(long pages) {
        this.pages = pages;
    }

    @Override
    public String name() {
        return "memcpy_fresh";
    }

    @Override
    public String unit() {
        return "ns/page";
    }

    @Override
    public boolean gated() {
        return false;
    }

    @Override
    public long allocatedBytes() {
        return allocated;
    }

    @Override
    public double runOnce() {
        long bytes = pages * PAGE;
        MemorySegment src = null;
        MemorySegment dst = null;
        try {
            src = Memory.mmapAnonymous(bytes);
            dst = Memory.mmapAnonymous(bytes);
            Pages.prefault(src);
            return (double) timeCopies(dst, src) / pages;
        } finally {
            Pages.unmap(src, dst);
        }
    }

    private long timeCopies(MemorySegment dst, MemorySegment src) {
        long a0 = Allocation.current();
        long t0 = System.nanoTime();
        for (long off = 0; off < pages * PAGE; off += PAGE) {
            MemorySegment.copy(src, off, dst, off, PAGE);
        }
        long t1 = System.nanoTime();
        allocated = Allocation.current() - a0;
        return t1 - t0;
    }
}
