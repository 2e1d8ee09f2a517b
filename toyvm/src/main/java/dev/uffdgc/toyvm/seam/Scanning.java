package dev.uffdgc.toyvm.seam;

/** Roots and reference slots (MMTk's {@code Scanning}). */
public interface Scanning {
    /**
     * Visits each reference slot of the object at {@code obj} in the heap (none for fillers and primitive
     * arrays), in address order; reads the header from the heap. Any thread; the object must not be being
     * moved. The visitor may read and write the slot (it is the collector's); it must not allocate.
     */
    void scanObject(long obj, SlotVisitor v);

    /**
     * {@link #scanObject} for a trace that treats weak references weakly: for an instance of a weak reference
     * class ({@link References}) the referent slot is not visited but reported to {@code d} (once per call, before
     * the other slots); every other object is scanned exactly as by {@code scanObject}. Same threads and states.
     * A collector that uses it must process what it discovers before anything moves ({@link References}); one that
     * does not process references uses {@code scanObject}, which keeps every referent alive.
     */
    void scanObjectForTrace(long obj, SlotVisitor v, ReferenceDiscovery d);

    /**
     * Every root, in a deterministic order: for every guest thread its frames (precise: the refs stack), handles,
     * pending exception and java.lang.Thread object; the static fields; global handles (interned strings, Class
     * mirrors, lambdas); the keys of monitors in use. Only with the world stopped, by the thread that stopped it;
     * each visitor result is stored back into its root right after the call. An object referenced by several
     * roots is visited once per root, and the visitor must answer the same new value each time (monitor keys
     * are rekeyed by it). Monitor keys come in address order, so a sliding collector keeps the root order.
     */
    void forEachRoot(RootVisitor v);
}
