package dev.uffdgc.toyvm.gc;

import dev.uffdgc.toyvm.gc.toolkit.GcCycle;
import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.seam.VmBinding;

/**
 * A {@link Collector} whose every collection is one {@link GcCycle} (the built-in collector, page-slide): counts
 * the cycles and writes the GC log's "Pause Full" line with the whole pause, request to resume.
 */
public abstract class StopTheWorldCollector extends GcCycle<Long> implements Collector {
    private int collections;
    private Cause cause;

    protected StopTheWorldCollector(VmBinding vm) {
        super(vm);
    }

    @Override
    public int collections() {
        return collections;
    }

    /** One cycle; returns without collecting when another thread's pause ran meanwhile (the caller retries). */
    @Override
    public void collect(Cause cause, long requestBytes) {
        this.cause = cause;
        runCycle("Collect");
    }

    /** Returns the heap's top before the collection (its "used before"). */
    @Override
    protected final Long collect() {
        long usedBefore = vm.top();
        compact(usedBefore);
        return usedBefore;
    }

    /** The collection with the world stopped, of the heap below {@code top}; it sets the new top. */
    protected abstract void compact(long top);

    @Override
    protected String cycleName() {
        return "GC(" + collections + ")";
    }

    @Override
    protected void log(Long usedBefore, PauseTimes pause) {
        vm.log().pause(collections, cause, usedBefore, vm.top(), vm.end(), pause.pauseNanos(), pause.requestedNanos());
        logDetails(collections);
        collections++;
    }

    /** More GC log lines for cycle {@code id}, if the collector has any. */
    protected void logDetails(int id) {
    }
}
