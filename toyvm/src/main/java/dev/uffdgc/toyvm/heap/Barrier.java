package dev.uffdgc.toyvm.heap;

/**
 * The one place a reference is stored into a heap object (instance fields and array elements) by either tier:
 * the interpreter's putfield/aastore and the compiled code of dev.uffdgc.toyvm.jit call this. A collector that
 * needs a reference-store barrier (concurrent marking: SATB or incremental update) adds it here, once. Today it
 * is the plain store; the host JIT inlines it.
 */
public final class Barrier {
    private Barrier() {
    }

    public static void putRef(HeapAccess mem, long slot, int ref) {
        mem.putInt(slot, ref);
    }
}
