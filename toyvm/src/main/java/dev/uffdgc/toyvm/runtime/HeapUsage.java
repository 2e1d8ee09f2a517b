package dev.uffdgc.toyvm.runtime;

import java.util.concurrent.atomic.LongAccumulator;

/**
 * The heap figures java.lang.management asks for beyond the heap's current use (ManagementNatives): the peak use
 * and the use a collection left. The heap's use only grows between collections, so its peak is reached at the
 * start of one (or now): {@link dev.uffdgc.toyvm.Vm#collect} records both sides of every collection request. Under
 * the agent a request starts a concurrent cycle, so "after" is the use when the request returned, as HotSpot's
 * concurrent collectors report the use at the end of their pause.
 */
public final class HeapUsage {
    private final LongAccumulator peak = new LongAccumulator(Math::max, 0);
    private volatile long afterCollection;

    public void beforeCollection(long used) {
        peak.accumulate(used);
    }

    public void afterCollection(long used) {
        afterCollection = used;
    }

    /** The highest use recorded (at a collection's start) since the start or the last reset. */
    public long peak() {
        return peak.get();
    }

    /** MemoryPoolMXBean.resetPeakUsage: the peak starts again from the current use. */
    public void resetPeak(long used) {
        peak.reset();
        peak.accumulate(used);
    }

    /** The use the latest collection request left (0 before the first). */
    public long afterCollection() {
        return afterCollection;
    }
}
