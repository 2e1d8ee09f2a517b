package dev.uffdgc.toyvm.seam;

/**
 * A garbage collector: the other half of the seam (what the VM knows of a collector; {@link VmBinding} is what
 * a collector knows of the VM). The VM calls {@link #collect} when the bump pointer reaches the end of the heap
 * (and the guest's System.gc() does too), after {@link InstrumentationPoints#collectorEntry}; afterwards the
 * allocator retries (up to three collections) and raises OutOfMemoryError if the request still does not fit.
 * A collector talks to the VM only through {@link VmBinding}. One is installed per VM at a time
 * ({@link Collection#installCollector}).
 */
public interface Collector {
    enum Cause {
        ALLOCATION_FAILURE("Allocation Failure"), SYSTEM_GC("System.gc()");

        public final String label;

        Cause(String label) {
            this.label = label;
        }
    }

    /**
     * Collects so that (ideally) {@code requestBytes} more fit below the heap's end. Called by the requesting
     * thread (a guest thread at an allocation or System.gc(), its stack pointer stored: this is a safepoint),
     * with the world running and no pause held; the collector stops the world itself ({@link
     * Collection#stopTheWorld}, retrying when that returns false) or works concurrently. Several threads may
     * call it at once. On return the heap is parseable again and every root points to a valid object.
     */
    void collect(Cause cause, long requestBytes);

    /** Collections run (or started, for a concurrent collector) so far. Any thread. */
    int collections();

    /**
     * The collector's name, as java.lang.management's GarbageCollectorMXBean shows it (HotSpot's are "G1 Young
     * Generation", "MarkSweepCompact", "ZGC Cycles"...). Any thread.
     */
    default String name() {
        return getClass().getSimpleName();
    }
}
