package dev.uffdgc.toyvm.heap;

/**
 * Every store of a reference into a heap object by a mutator goes through here: the interpreter's putfield,
 * aastore and volatile putfield, the compiled code of dev.uffdgc.toyvm.jit, System.arraycopy of reference
 * arrays, Unsafe's putReference/compareAndSet/compareAndExchangeReference (also under Atomic*FieldUpdater),
 * VarHandles (runtime/VarHandleSite: set, setVolatile..., compareAndSet/Exchange, and getAndSet as a CAS loop), and
 * lambda captures. A concurrent collector installs a {@link ReferenceStoreBarrier} on the heap's {@link HeapAccess}
 * (through the seam's {@code Barriers}, at a safepoint); each store then first reports the value it overwrites.
 *
 * <p>Not here, because they cannot overwrite a reference (SATB needs only the old value): initialising stores into
 * an object the same native allocated a moment ago (String/array construction in runtime/, multianewarray,
 * clone's copy into a fresh object). An incremental-update barrier would need those too (it records the new value).
 *
 * <p>Inactive cost: one field load and a never-taken branch per reference store (the host JIT inlines it).
 */
public final class Barrier {
    private Barrier() {
    }

    public static void putRef(HeapAccess mem, long slot, int ref) {
        ReferenceStoreBarrier b = mem.refStoreBarrier;
        if (b != null) {
            before(mem, b, slot);
        }
        mem.putInt(slot, ref);
    }

    /** A volatile reference store (volatile fields, Unsafe.putReferenceVolatile). */
    public static void putRefVolatile(HeapAccess mem, long slot, int ref) {
        ReferenceStoreBarrier b = mem.refStoreBarrier;
        if (b != null) {
            before(mem, b, slot);
        }
        mem.putIntVolatile(slot, ref);
    }

    /**
     * A reference CAS. When it succeeds it overwrote {@code expected}, which the caller holds (so it is reachable):
     * reporting it before the CAS, whether or not the CAS then succeeds, is exact where it matters and only
     * conservative otherwise.
     */
    public static boolean compareAndSetRef(HeapAccess mem, long slot, int expected, int ref) {
        ReferenceStoreBarrier b = mem.refStoreBarrier;
        if (b != null && expected != 0) {
            b.overwriting(expected);
        }
        return mem.compareAndSetInt(slot, expected, ref);
    }

    /** Reference compare-and-exchange: the same as {@link #compareAndSetRef}. */
    public static int compareAndExchangeRef(HeapAccess mem, long slot, int expected, int ref) {
        ReferenceStoreBarrier b = mem.refStoreBarrier;
        if (b != null && expected != 0) {
            b.overwriting(expected);
        }
        return mem.compareAndExchangeInt(slot, expected, ref);
    }

    /**
     * A bulk copy of {@code count} reference slots (System.arraycopy between reference arrays whose element types
     * need no check): every destination slot's old value is reported first, then the slots are copied in one go
     * (overlap-safe, like memmove).
     */
    public static void copyRefs(HeapAccess mem, long from, long to, int count) {
        ReferenceStoreBarrier b = mem.refStoreBarrier;
        if (b != null) {
            for (int i = 0; i < count; i++) {
                before(mem, b, to + 4L * i);
            }
        }
        mem.copy(from, to, 4L * count);
    }

    /**
     * {@code Reference.get()} (not a store, but the same barrier's business): while a concurrent mark runs, the
     * referent it returns may be stored where the mark has been and would then be lost when the collector clears
     * unmarked referents, so it is reported to be marked (G1's and Shenandoah's keep-alive barrier).
     */
    public static void keepAlive(HeapAccess mem, int referent) {
        ReferenceStoreBarrier b = mem.refStoreBarrier;
        if (b != null && referent != 0) {
            b.overwriting(referent);
        }
    }

    private static void before(HeapAccess mem, ReferenceStoreBarrier b, long slot) {
        int old = mem.getInt(slot);
        if (old != 0) {
            b.overwriting(old);
        }
    }
}
