package dev.uffdgc.agent.compact;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The page-state array of a compaction window: UNBUILT -> CLAIMED (by exactly one thread, CAS) -> BUILT (its
 * from-space sources are consumed) -> MAPPED (in the heap). {@link #ready} mirrors MAPPED as one byte per heap
 * page for toyvm's PageGuard (pages above the compacted part are always ready: allocation goes there).
 */
final class PageStates {
    static final int UNBUILT = 0;
    static final int CLAIMED = 1;
    static final int BUILT = 2;
    static final int MAPPED = 3;
    private static final VarHandle READY = MethodHandles.arrayElementVarHandle(byte[].class);

    final byte[] ready;
    private final AtomicIntegerArray state;
    private final AtomicInteger mapped = new AtomicInteger();
    private final Object signal = new Object();
    private int pages;

    /**
     * A new window, one per cycle (a worker that wakes late for a finished cycle then finds nothing to claim):
     * pages [0, pages) unbuilt and not ready, the rest of the heap ready. Made after the concurrent plan, on the
     * marker thread, so the flip pause does not allocate it (at a 2 GiB heap 2.5 MB to zero);
     * {@link #open} sets its final size in the pause.
     */
    PageStates(int heapPages, int pages) {
        ready = new byte[heapPages];
        state = new AtomicIntegerArray(heapPages);
        Arrays.fill(ready, pages, heapPages, (byte) 1);
        this.pages = pages;
    }

    /**
     * In the flip pause, before any thread sees this window: it grows to {@code pages} (the plan extended over what
     * was allocated during the plan); O(pages added).
     */
    PageStates open(int pages) {
        if (pages < this.pages) {
            throw new IllegalStateException("uffd-gc: the plan shrank from " + this.pages + " to " + pages + " pages");
        }
        Arrays.fill(ready, this.pages, pages, (byte) 0);
        this.pages = pages;
        return this;
    }

    int pages() {
        return pages;
    }

    int get(int p) {
        return state.get(p);
    }

    boolean claim(int p) {
        return state.get(p) == UNBUILT && state.compareAndSet(p, UNBUILT, CLAIMED);
    }

    void built(int p) {
        state.set(p, BUILT);
    }

    /** Marks p mapped; returns true for the call that mapped the last page of the window. */
    boolean mapped(int p) {
        state.set(p, MAPPED);
        READY.setRelease(ready, p, (byte) 1);
        return mapped.incrementAndGet() == pages;
    }

    /** Wakes threads waiting in {@link #awaitMapped} (after a batch of pages was mapped). */
    void signal() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    boolean complete() {
        return mapped.get() == pages;
    }

    /** Whether every page in [lo, hi) has been built (its reads of the from-space are done). */
    boolean allBuilt(int lo, int hi) {
        for (int q = lo; q < hi; q++) {
            if (state.get(q) < BUILT) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits, in Java (where a HotSpot safepoint can pass), until another thread has mapped p. Spins briefly
     * first: a claimed page is usually mapped within microseconds.
     */
    void awaitMapped(int p) {
        for (int i = 0; i < 200; i++) {
            if (state.get(p) == MAPPED) {
                return;
            }
            Thread.onSpinWait();
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        boolean interrupted = false;
        synchronized (signal) {
            while (state.get(p) != MAPPED) {
                if (System.nanoTime() > deadline) { // its owner died: fail loudly rather than hang the VM
                    throw new IllegalStateException("uffd-gc: page " + p + " claimed but not mapped after 60 s");
                }
                try {
                    signal.wait(1);
                } catch (InterruptedException e) {
                    interrupted = true; // a guest interrupt is not ours: keep waiting, hand it back after
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
