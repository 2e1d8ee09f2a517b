package dev.uffdgc.toyvm.seam;

/** Stopping and resuming the world, and what a collector reports through (MMTk's {@code Collection}). */
public interface Collection {
    /**
     * Stops every guest thread except the caller (a guest thread in its allocation slow path, or any host thread)
     * at a safepoint poll (method entry, backward branch, allocation slow path) or blocked (sleep, wait, join,
     * park, monitor entry), and retires every TLAB, so the heap parses from firstObject to top. Returns true when
     * the caller owns the pause and must call {@link #resumeTheWorld()}; false when another pause ran meanwhile
     * (the caller was held as a stopped thread): it must not touch the heap as if stopped, and should just retry
     * what it wanted (e.g. the allocation). {@code why} names the pause in the safepoint log. Reentrant for the
     * owner (true, nested). On a VM that is exiting (System.exit), a guest caller unwinds instead (toyvm's
     * internal ThreadDeath, which the VM handles; a collector must let it pass).
     */
    boolean stopTheWorld(String why);

    default boolean stopTheWorld() {
        return stopTheWorld("Collect");
    }

    /**
     * Ends the pause the caller owns (the thread whose {@link #stopTheWorld} returned true; nested stops by the
     * owner need as many resumes); mutators run again when the outermost one returns. Returns System.nanoTime()
     * at the moment the stopped threads were released — the end of the pause as mutators see it (bookkeeping
     * after that, such as the safepoint log line, is not part of it); for a nested resume, the time of the call.
     */
    long resumeTheWorld();

    /**
     * Makes {@code c} the VM's collector and returns the one it replaces: stops the world (retrying while
     * {@link #stopTheWorld} returns false), swaps, resumes. Any thread; the owner of a pause may call it too
     * (the stop nests). When it returns, every later collection request goes to {@code c}; a request already
     * inside the old collector finishes there, so the caller must not shut the old one down while it may
     * still be collecting (an agent quiesces it first). Must not be called while holding a host lock a guest
     * thread may wait for (see {@link InstrumentationPoints}).
     */
    Collector installCollector(Collector c);

    /**
     * Runs {@code wait} with the calling guest thread counted as stopped (as if blocked in a monitor wait), so a
     * pause another thread asks for meanwhile does not wait for it. For a collector's waits on a mutator's behalf
     * (for a concurrent phase to end) that touch no heap object and start no pause. When it returns, the caller
     * runs guest code again, after any pause in progress has ended: objects may have moved, as after a stop that
     * returned false. A host thread (not a guest thread) just runs {@code wait}. On a VM that is exiting, a guest
     * caller unwinds on return (as {@link #stopTheWorld}). Returns what {@code wait} returned.
     */
    boolean whileBlocked(java.util.function.BooleanSupplier wait);

    /** Time to safepoint of every pause so far (ns), for benchmarks. Any thread; a copy. */
    long[] timesToSafepoint();

    /** Nanoseconds since the VM started (the GC log's uptime). Any thread. */
    long uptimeNanos();

    /** The VM's GC log (-Xlog:gc; a log that drops every line when off). Any thread; lines are not interleaved
     * mid-line, but a collector should write while it owns the pause or from one thread. */
    GcLog log();

    /** Whether -Xverify-gc asks collectors to verify the heap around every cycle. Fixed for the VM's life. */
    boolean verifying();
}
