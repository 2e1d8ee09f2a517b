package dev.uffdgc.kernel.bench;

import static dev.uffdgc.kernel.bench.Pages.PAGE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.Uffd;

import java.lang.foreign.MemorySegment;

/**
 * UFFDIO_MOVE or UFFDIO_COPY of {@code pages} pre-faulted pages into a MISSING-registered range, {@code batch}
 * contiguous pages per ioctl; floor.c's uffd_row. Only the ioctl loop is timed. With {@code busySibling}
 * (floor.c's uffd_row_busy) another thread of the process spins on CPU 1 while this one, pinned to CPU 0, makes
 * the calls: MOVE's TLB flush must then interrupt that CPU on every ioctl, as it does in the agent while mutators
 * run; COPY fills empty PTEs and flushes nothing.
 */
final class UffdBatchRow implements Row {
    enum Op { MOVE, COPY }

    private final Uffd uffd;
    private final Op op;
    private final long pages;
    private final long batch;
    private final boolean busySibling;
    private long allocated;

    UffdBatchRow(Uffd uffd, Op op, long pages, long batch) {
        this(uffd, op, pages, batch, false);
    }

    UffdBatchRow(Uffd uffd, Op op, long pages, long batch, boolean busySibling) {
        this.uffd = uffd;
        this.op = op;
        this.pages = pages;
        this.batch = batch;
        this.busySibling = busySibling;
    }

    @Override
    public String name() {
        return (op == Op.MOVE ? "move_" : "copy_") + batch + (busySibling ? "_busy" : "");
    }

    @Override
    public String unit() {
        return "ns/page";
    }

    @Override
    public boolean gated() {
        return batch == 16 && !busySibling;
    }

    @Override
    public long allocatedBytes() {
        return allocated;
    }

    @Override
    public double runOnce() {
        if (!busySibling) {
            return measure();
        }
        MemorySegment mask = Affinity.pin(0);
        Sibling s = new Sibling();
        try {
            s.start();
            s.awaitRunning();
            return measure();
        } finally {
            s.end();
            Affinity.restore(mask);
        }
    }

    /** A thread of this process that keeps CPU 1 busy until told to stop. */
    private static final class Sibling extends Thread {
        volatile boolean stop;
        private volatile boolean running;

        Sibling() {
            super("busy-sibling");
            setDaemon(true);
        }

        @Override
        public void run() {
            Affinity.pin(1);
            running = true;
            while (!stop) {
                Thread.onSpinWait();
            }
        }

        void awaitRunning() {
            while (!running && isAlive()) {
                Thread.onSpinWait();
            }
            if (!running) {
                throw new BenchException("the busy sibling thread died before it ran (could it pin CPU 1?)");
            }
        }

        void end() {
            stop = true;
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private double measure() {
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
