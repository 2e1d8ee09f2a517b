package dev.uffdgc.kernel.bench;

import static dev.uffdgc.kernel.bench.Pages.PAGE;

import dev.uffdgc.kernel.Uffd;
import dev.uffdgc.kernel.UffdEvent;

import java.lang.foreign.MemorySegment;

/**
 * The handler thread of {@link FaultRow}: resolves {@code faults} missing faults by copying one source page into
 * each faulting page, as floor.c's handler does.
 */
final class FaultHandler implements Runnable {
    /** A fault the bench caused must arrive long before this; if it does not, fail rather than hang. */
    private static final long EVENT_TIMEOUT_MILLIS = 10_000;

    private final Uffd uffd;
    private final MemorySegment area;
    private final long srcPage;
    private final int faults;
    private final int cpu;
    private volatile Throwable failure;
    private volatile long allocated;

    FaultHandler(Uffd uffd, MemorySegment area, long srcPage, int faults, int cpu) {
        this.cpu = cpu;
        this.uffd = uffd;
        this.area = area;
        this.srcPage = srcPage;
        this.faults = faults;
    }

    @Override
    public void run() {
        long a0 = Allocation.current();
        try {
            Affinity.pin(cpu);
            for (int n = 0; n < faults; ) {
                UffdEvent event = uffd.readEvent(EVENT_TIMEOUT_MILLIS);
                if (event == null) {
                    throw new IllegalStateException("no userfault arrived within " + EVENT_TIMEOUT_MILLIS
                            + " ms (resolved " + n + " of " + faults + ")");
                }
                if (event.isPagefault()) {
                    uffd.copyFully(event.pageAddress(), srcPage, PAGE, 0);
                    n++;
                }
            }
        } catch (Throwable t) {
            failure = t;
            // Unregistering wakes the faulting thread (its touches then fill zero pages), so a failure here ends
            // the round with an error instead of leaving that thread blocked forever.
            try {
                uffd.unregister(area);
            } catch (RuntimeException e) {
                t.addSuppressed(e);
            }
        }
        allocated = Allocation.current() - a0;
    }

    long allocatedBytes() {
        return allocated;
    }

    void rethrowFailure() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException("fault handler failed", t);
        }
    }
}
