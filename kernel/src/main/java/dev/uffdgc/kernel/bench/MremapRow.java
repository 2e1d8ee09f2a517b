package dev.uffdgc.kernel.bench;

import static dev.uffdgc.kernel.bench.Pages.PAGE;
import static dev.uffdgc.kernel.uapi.Mman.MREMAP_DONTUNMAP;
import static dev.uffdgc.kernel.uapi.Mman.MREMAP_MAYMOVE;

import dev.uffdgc.kernel.Memory;

import java.lang.foreign.MemorySegment;

/**
 * The flip: mremap(MAYMOVE|DONTUNMAP) of a populated, 2 MiB aligned region (as a heap would be), scaled to ns per
 * GiB. floor.c's mremap_row.
 *
 * <p>Expect Java well below C here, and not because of FFM (one call, ~100 ns): the kernel flushes the TLB as it
 * moves each page table, and in a multi-threaded process whose threads have run on the other CPU that flush is
 * an IPI, a VM exit on this machine. The single-threaded C floor flushes locally. Measured here in C: 36 µs per
 * 64 MiB alone, 56-90 µs with one sleeping sibling thread, ~350 µs with one busy sibling thread.
 */
final class MremapRow implements Row {
    private static final double GIB = 1L << 30;

    private final long pages;
    private long allocated;

    MremapRow(long pages) {
        this.pages = pages;
    }

    @Override
    public String name() {
        return "mremap_dontunmap";
    }

    @Override
    public String unit() {
        return "ns/GiB";
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
        MemorySegment heap = null;
        MemorySegment from = null;
        try {
            heap = Memory.mmapAnonymous(bytes, Memory.HUGE_PAGE_SIZE);
            Pages.prefault(heap);
            long a0 = Allocation.current();
            long t0 = System.nanoTime();
            from = Memory.mremap(heap, bytes, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
            long t1 = System.nanoTime();
            allocated = Allocation.current() - a0;
            return (t1 - t0) * GIB / bytes;
        } finally {
            Pages.unmap(from, heap);
        }
    }
}
