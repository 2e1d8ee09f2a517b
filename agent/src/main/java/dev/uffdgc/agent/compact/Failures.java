package dev.uffdgc.agent.compact;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Failures on the compactor's background threads (workers, the fault handler). Those threads keep going after
 * a failure (a dead fault handler would leave faulting mutators blocked for good), so a failure would otherwise
 * only reach stderr or a note; it is counted here, and the first one kept, so that the run (a test, the bench)
 * that caused it can fail.
 */
public final class Failures {
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicReference<Throwable> first = new AtomicReference<>();

    void record(String where, Throwable t) {
        count.incrementAndGet();
        first.compareAndSet(null, new IllegalStateException("uffd-gc: " + where + " failed: " + t, t));
    }

    public int count() {
        return count.get();
    }

    /** The first failure (its cause is the original throwable), or null. */
    public Throwable first() {
        return first.get();
    }
}
