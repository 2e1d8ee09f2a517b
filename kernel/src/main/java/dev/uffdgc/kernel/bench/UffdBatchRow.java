package dev.uffdgc.kernel.bench;

import static dev.uffdgc.kernel.bench.Pages.PAGE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.Uffd;

import java.lang.foreign.MemorySegment;

/**
 * UFFDIO_MOVE or UFFDIO_COPY of {@code pages} pre-faulted pages into a MISSING-registered range, {@code batch}
 * contiguous pages per ioctl; floor.c's uffd_row. Only the ioctl loop is timed.
 */
final class UffdBatchRow implements Row {
    enum Op { MOVE, COPY }

    private final Uffd uffd;
    private final Op op;
    private final long pages;
    private final long batch;
    private long allocated;

    UffdBatchRow(Uffd uffd, Op op, long pages, long batch) {
        this.uffd = uffd;
        this.op = op;
        this.pages = pages;
        this.batch = batch;
    }

    @Override
    public String name() {
        return (op == Op.MOVE ? "move_" : "copy_") + batch;
    }

    @Override
    public String unit() {
        return "ns/page";
    }

    @Override
    public boolean gated() {
        return batch > 1;
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
            uffd.register(dst, UFFDIO_REGISTER_MODE_MISSING);
            long ns = op == Op.MOVE ? timeMoves(dst.address(), src.address()) : timeCopies(dst.address(), src.address());
            uffd.unregister(dst);
            return (double) ns / pages;
        } finally {
            Pages.unmap(src, dst);
        }
    }

    // Two loops rather than one with a branch on op, so each stays a tight loop around one call, as in C.
    private long timeMoves(long dst, long src) {
        long a0 = Allocation.current();
        long t0 = System.nanoTime();
        for (long i = 0; i < pages; i += batch) {
            long off = i * PAGE;
            uffd.moveFully(dst + off, src + off, Math.min(batch, pages - i) * PAGE, 0);
        }
        long t1 = System.nanoTime();
        allocated = Allocation.current() - a0;
        return t1 - t0;
    }

    private long timeCopies(long dst, long src) {
        long a0 = Allocation.current();
        long t0 = System.nanoTime();
        for (long i = 0; i < pages; i += batch) {
            long off = i * PAGE;
            uffd.copyFully(dst + off, src + off, Math.min(batch, pages - i) * PAGE, 0);
        }
        long t1 = System.nanoTime();
        allocated = Allocation.current() - a0;
        return t1 - t0;
    }
}
