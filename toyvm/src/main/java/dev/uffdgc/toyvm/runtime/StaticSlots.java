package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.classfile.Statics;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Ordered and atomic access to a static field's slot in the VM's static tables (outside the guest heap), for
 * VarHandles on static fields: volatile array-element access, as the interpreter's volatile getstatic/putstatic.
 * Static reference slots are roots, not heap slots, so they take no reference-store barrier (as putstatic).
 */
final class StaticSlots {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

    private StaticSlots() {
    }

    static long getPrim(Statics s, int slot) {
        return (long) LONGS.getVolatile(s.prims, slot);
    }

    static void setPrim(Statics s, int slot, long v) {
        LONGS.setVolatile(s.prims, slot, v);
    }

    static long caePrim(Statics s, int slot, long expected, long v) {
        return (long) LONGS.compareAndExchange(s.prims, slot, expected, v);
    }

    static int getRef(Statics s, int slot) {
        return (int) INTS.getVolatile(s.refs, slot);
    }

    static void setRef(Statics s, int slot, int v) {
        INTS.setVolatile(s.refs, slot, v);
    }

    static int caeRef(Statics s, int slot, int expected, int v) {
        return (int) INTS.compareAndExchange(s.refs, slot, expected, v);
    }
}
