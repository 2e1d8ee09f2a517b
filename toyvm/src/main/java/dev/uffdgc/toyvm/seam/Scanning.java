package dev.uffdgc.toyvm.seam;

/** Roots and reference slots (MMTk's {@code Scanning}). */
public interface Scanning {
    /**
     * Visits each reference slot of the object at {@code obj} (none for fillers and primitive arrays), in address
     * order. Any thread; the object must not be being moved.
     */
    void scanObject(long obj, SlotVisitor v);

    /**
     * Every root, in a deterministic order: for every guest thread its frames (precise: the refs stack), handles,
     * pending exception and java.lang.Thread object; the static fields; global handles (interned strings, Class
     * mirrors, lambdas); the keys of monitors in use. Only with the world stopped, by the thread that stopped it;
     * each visitor result is stored back before this returns.
     */
    void forEachRoot(RootVisitor v);
}
