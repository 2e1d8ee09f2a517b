package dev.uffdgc.kernel.bench;

import static dev.uffdgc.kernel.bench.Pages.PAGE;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.Uffd;

import java.lang.foreign.MemorySegment;

/**
 * UFFDIO_WAKE of one page nobody waits on, {@code calls} times: almost no kernel work, so the Java/C gap here is
 * the fixed cost Java adds per ioctl (downcall, errno capture, struct setup). It explains the gap on the one-page
 * rows. floor.c's wake_row.
 */
final class WakeRow implements Row {
    private final Uffd uffd;
    private final long calls;
    private long allocated;

    WakeRow(Uffd uffd, long calls) {
        this.uffd = uffd;
        this.calls = calls;
    }

    @Override
    public String name() {
        return "wake_noop";
    }

    @Override
    public String unit() {
        return "ns/call";
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
        MemorySegment page = Memory.mmapAnonymous(PAGE);
        try {
            long address = page.address();
            long a0 = Allocation.current();
            long t0 = System.nanoTime();
            for (long i = 0; i < calls; i++) {
                uffd.wake(address, PAGE);
            }
            long t1 = System.nanoTime();
            allocated = Allocation.current() - a0;
            return (double) (t1 - t0) / calls;
        } finally {
            Pages.unmap(page);
        }
    }
}
