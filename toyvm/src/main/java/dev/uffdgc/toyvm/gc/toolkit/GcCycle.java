package dev.uffdgc.toyvm.gc.toolkit;

import dev.uffdgc.toyvm.seam.VmBinding;

/**
 * The one cycle template of every collector, in the order clox's {@code collectGarbage()} reads:
 * stop the world → verify → collect → verify → resume → log. A refused stop (another thread's pause ran while
 * this one waited as a stopped thread) returns false without touching the heap: the caller just retries what it
 * wanted. The pause is timed from the safepoint request to the moment mutators run again, so time-to-safepoint
 * is inside the figure (and reported on its own too).
 *
 * @param <D> what a pause did, as {@link #collect} returns it to {@link #log} on the same thread. It is handed over
 *     rather than left in fields because between the resume and the log another thread's pause may run (on the
 *     synthetic heap any host thread can ask for one at any time) and overwrite them: a flip logged as the next
 *     cycle's Init Mark, workers started on a cycle that never flipped.
 */
public abstract class GcCycle<D> {
    /** One pause: from the request to the resume, and the part spent waiting for threads to stop. */
    public record PauseTimes(long requestedNanos, long timeToSafepointNanos, long pauseNanos) {
    }

    protected final VmBinding vm;
    protected final HeapVerifier verifier;
    private long hashBefore;

    protected GcCycle(VmBinding vm) {
        this.vm = vm;
        this.verifier = new HeapVerifier(vm);
    }

    /** Runs one cycle; false when the stop was refused and nothing was collected. */
    protected final boolean runCycle(String why) {
        long requested = System.nanoTime();
        if (!vm.stopTheWorld(why)) {
            return false;
        }
        long stopped = System.nanoTime();
        long resumed;
        D done;
        try {
            verifyBefore();
            done = collect();
            verifyAfter();
        } finally {
            resumed = vm.resumeTheWorld();
        }
        log(done, new PauseTimes(requested, stopped - requested, resumed - requested));
        return true;
    }

    /** The collection proper, with the world stopped; returns what it did, for {@link #log}. */
    protected abstract D collect();

    /**
     * After the resume, on the thread that ran {@link #collect}: the GC log, listeners. {@code done} is what that
     * collect returned; fields the pause wrote may already belong to another thread's later pause.
     */
    protected abstract void log(D done, PauseTimes pause);

    /** Names the cycle in verifier messages, e.g. "GC(3)". */
    protected abstract String cycleName();

    /** Whether this cycle verifies (-Xverify-gc by default). */
    protected boolean verifying() {
        return vm.verifying();
    }

    /** Structure and graph hash before the cycle. */
    protected void verifyBefore() {
        if (verifying()) {
            hashBefore = verifier.verify("before " + cycleName());
        }
    }

    /** Structure again, and the graph hash must not have changed. */
    protected void verifyAfter() {
        if (verifying()) {
            verifier.expectHash(hashBefore, "after " + cycleName());
        }
    }

    /**
     * Inside {@link #collect}, before anything moves: the cycle has changed the graph on purpose (it cleared weak
     * referents and put their references on the pending list, a root), so the hash the end of the cycle must match
     * is taken again now. What the hash then guards is the rest of the cycle: the compaction.
     */
    protected void graphChangedOnPurpose() {
        if (verifying()) {
            hashBefore = verifier.verify("after reference processing in " + cycleName());
        }
    }

    protected long hashBefore() {
        return hashBefore;
    }
}
