package dev.uffdgc.toyvm.heap;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import jdk.internal.misc.Unsafe;

/**
 * Every read and write of guest heap memory goes through here: the narrow waist a later collector uses to
 * switch mutators between direct access and a fault-safe path (see DESIGN.md, the HotSpot safepoint deadlock).
 *
 * Offsets are heap offsets (guest references are heap offsets); the base address never changes during a VM's
 * life. Element and field accesses are {@code jdk.internal.misc.Unsafe} on the absolute address, which both host
 * JITs compile to one load or store. Why not {@code MemorySegment.get}: C1 (the host JIT toyvm runs under, see
 * the README) inlines that whole chain except {@code Unsafe.convEndian} ("callee is too large"), one out-of-line
 * call per access whatever the layout's alignment or byte order; a put+get pair of ints measured 3.6 ns through
 * the segment and 0.9 ns through Unsafe under C1 (0.70 and 0.48 ns under C2). The ordered and atomic accesses
 * use Unsafe too (one API for the whole waist). It needs {@link #ADD_EXPORTS}: toyvm.jar's manifest carries it for
 * {@code java -jar}; any other launch must pass it, or the heap refuses to start with a message naming the flag.
 * Bulk copies, fills and host-side views stay on one everything-segment (their per-call cost is amortised).
 *
 * <p>A collector that compacts concurrently installs a {@link PageGuard} for its window ({@link #setGuard}):
 * every access then first makes its page safe to touch. Without a guard the cost is one field load and a
 * never-taken branch per access. The guard field is plain: it is set while the world is stopped (the stop is
 * the synchronisation) and cleared only once every page is mapped, when a stale read is merely slower.
 */
public final class HeapAccess {
    /** The host flag toyvm's heap access needs (see above). */
    public static final String ADD_EXPORTS = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    /** Null when the host JVM does not export jdk.internal.misc to toyvm: then no HeapAccess can be made. */
    private static final Unsafe U = Object.class.getModule().isExported("jdk.internal.misc", HeapAccess.class.getModule())
            ? Unsafe.getUnsafe() : null;
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private final long base;
    private final long size;
    private PageGuard guard;
    /**
     * The reference-store barrier {@link Barrier} calls while a concurrent mark runs (null: none). Plain, like the
     * guard: installed and removed while the world is stopped, and the stop and resume order it for every mutator.
     */
    ReferenceStoreBarrier refStoreBarrier;

    /** @throws IllegalStateException if the host JVM was started without {@link #ADD_EXPORTS} */
    public HeapAccess(long base, long size) {
        if (U == null) {
            throw new IllegalStateException("the host JVM must be started with " + ADD_EXPORTS
                    + " (toyvm.jar's manifest carries it for java -jar)");
        }
        this.base = base;
        this.size = size;
    }

    public long base() {
        return base;
    }

    public long size() {
        return size;
    }

    /** Installs (or with null removes) the fault-safe access mode of a compaction window. */
    public void setGuard(PageGuard guard) {
        this.guard = guard;
    }

    public PageGuard guard() {
        return guard;
    }

    /** Installs (or with null removes) the reference-store barrier; only with the world stopped (see the seam). */
    public void setReferenceStoreBarrier(ReferenceStoreBarrier b) {
        this.refStoreBarrier = b;
    }

    public ReferenceStoreBarrier referenceStoreBarrier() {
        return refStoreBarrier;
    }

    /** A view of another copy of the heap (e.g. a collector's from-space), with direct access and no guard. */
    public HeapAccess at(long otherBase) {
        return new HeapAccess(otherBase, size);
    }

    public byte getByte(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off);
        }
        return U.getByte(base + off);
    }

    public void putByte(long off, byte v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off);
        }
        U.putByte(base + off, v);
    }

    public short getShort(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 2);
        }
        return U.getShortUnaligned(null, base + off);
    }

    public char getChar(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 2);
        }
        return U.getCharUnaligned(null, base + off);
    }

    public void putShort(long off, short v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 2);
        }
        U.putShortUnaligned(null, base + off, v);
    }

    public int getInt(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 4);
        }
        return U.getIntUnaligned(null, base + off);
    }

    public void putInt(long off, int v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 4);
        }
        U.putIntUnaligned(null, base + off, v);
    }

    public long getLong(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 8);
        }
        return U.getLongUnaligned(null, base + off);
    }

    public void putLong(long off, long v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 8);
        }
        U.putLongUnaligned(null, base + off, v);
    }

    /** memmove within the heap. */
    public void copy(long from, long to, long bytes) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(from, bytes);
            g.enter(to, bytes);
        }
        MemorySegment.copy(ALL, base + from, ALL, base + to, bytes);
    }

    public void fill(long off, long bytes, byte value) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, bytes);
        }
        ALL.asSlice(base + off, bytes).fill(value);
    }

    /**
     * A view of part of the heap, for bulk host-side copies (strings, arraycopy to host). Under a guard every page
     * of the slice is made safe first; pages never become unsafe again within a window.
     */
    public MemorySegment slice(long off, long bytes) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, bytes);
        }
        return ALL.asSlice(base + off, bytes);
    }

    // Ordered and atomic accesses (volatile fields, Unsafe, identity hash installation). A collector that
    // switches how mutators touch the heap must switch these too.

    public byte getByteVolatile(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off);
        }
        return U.getByteVolatile(null, base + off);
    }

    public void putByteVolatile(long off, byte v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off);
        }
        U.putByteVolatile(null, base + off, v);
    }

    public short getShortVolatile(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 2);
        }
        return U.getShortVolatile(null, base + off);
    }

    public void putShortVolatile(long off, short v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 2);
        }
        U.putShortVolatile(null, base + off, v);
    }

    public int getIntVolatile(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 4);
        }
        return U.getIntVolatile(null, base + off);
    }

    public void putIntVolatile(long off, int v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 4);
        }
        U.putIntVolatile(null, base + off, v);
    }

    public long getLongVolatile(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 8);
        }
        return U.getLongVolatile(null, base + off);
    }

    public void putLongVolatile(long off, long v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 8);
        }
        U.putLongVolatile(null, base + off, v);
    }

    public boolean compareAndSetInt(long off, int expected, int value) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 4);
        }
        return U.compareAndSetInt(null, base + off, expected, value);
    }

    public boolean compareAndSetLong(long off, long expected, long value) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 8);
        }
        return U.compareAndSetLong(null, base + off, expected, value);
    }

    public int compareAndExchangeInt(long off, int expected, int value) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 4);
        }
        return U.compareAndExchangeInt(null, base + off, expected, value);
    }

    public long compareAndExchangeLong(long off, long expected, long value) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 8);
        }
        return U.compareAndExchangeLong(null, base + off, expected, value);
    }

    public int getAndAddInt(long off, int delta) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 4);
        }
        return U.getAndAddInt(null, base + off, delta);
    }

    public long getAndAddLong(long off, long delta) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 8);
        }
        return U.getAndAddLong(null, base + off, delta);
    }

    public static void fullFence() {
        VarHandle.fullFence();
    }

    public static void acquireFence() {
        VarHandle.acquireFence();
    }

    public static void releaseFence() {
        VarHandle.releaseFence();
    }
}
