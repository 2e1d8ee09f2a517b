package dev.uffdgc.toyvm.seam;

import dev.uffdgc.toyvm.gc.GcLog;

/** Stopping and resuming the world, and what a collector reports through (MMTk's {@code Collection}). */
public interface Collection {
    /**
     * Stops every guest thread except the caller (a guest thread in its allocation slow path, or any host thread)
     * at a safepoint poll (method entry, backward branch, allocation slow path) or blocked (sleep, wait, join,
     * park, monitor entry), and retires every TLAB, so the heap parses from firstObject to top. Returns true when
     * the caller owns the pause and must call {@link #resumeTheWorld()}; false when another pause ran meanwhile
     * (the caller was held as a stopped thread): it must not touch the heap as if stopped, and should just retry
     * what it wanted (e.g. the allocation). {@code why} names the pause in the safepoint log.
     */
    boolean stopTheWorld(String why);

    default boolean stopTheWorld() {
        return stopTheWorld("Collect");
    }

    /** Ends the pause the caller owns; mutators run again when it returns. */
    void resumeTheWorld();

    /** Time to safepoint of every pause so far (ns), for benchmarks. Any thread. */
    long[] timesToSafepoint();

    /** Nanoseconds since the VM started (the GC log's uptime). */
    long uptimeNanos();

    /** The VM's GC log (-Xlog:gc). */
    GcLog log();

    /** Whether -Xverify-gc asks collectors to verify the heap around every cycle. */
    boolean verifying();
}
