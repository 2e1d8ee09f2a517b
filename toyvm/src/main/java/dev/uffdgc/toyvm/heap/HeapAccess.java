package dev.uffdgc.toyvm.heap;

import static java.lang.foreign.ValueLayout.*;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * Every read and write of guest heap memory goes through here: the narrow waist a later collector uses to
 * switch mutators between direct access and a fault-safe path (see DESIGN.md, the HotSpot safepoint deadlock).
 *
 * Offsets are heap offsets (guest references are heap offsets). Access is through one static
 * everything-segment, so bounds and liveness checks fold to constants; only the base address is a field.
 * The base address never changes during a VM's life.
 *
 * <p>A collector that compacts concurrently installs a {@link PageGuard} for its window ({@link #setGuard}):
 * every access then first makes its page safe to touch. Without a guard the cost is one field load and a
 * never-taken branch per access. The guard field is plain: it is set while the world is stopped (the stop is
 * the synchronisation) and cleared only once every page is mapped, when a stale read is merely slower.
 */
public final class HeapAccess {
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    // Aligned views for the atomic and ordered accesses Java's memory model asks for (volatile fields, Unsafe
    // CAS): the heap is page-aligned and fields are naturally aligned, so these never fault on alignment.
    private static final VarHandle BYTE = JAVA_BYTE.varHandle();
    private static final VarHandle SHORT = JAVA_SHORT.varHandle();
    private static final VarHandle INT = JAVA_INT.varHandle();
    private static final VarHandle LONG = JAVA_LONG.varHandle();

    private final long base;
    private final long size;
    private PageGuard guard;
    /**
     * The reference-store barrier {@link Barrier} calls while a concurrent mark runs (null: none). Plain, like the
     * guard: installed and removed while the world is stopped, and the stop and resume order it for every mutator.
     */
    ReferenceStoreBarrier refStoreBarrier;

    public HeapAccess(long base, long size) {
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
        return ALL.get(JAVA_BYTE, base + off);
    }

    public void putByte(long off, byte v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off);
        }
        ALL.set(JAVA_BYTE, base + off, v);
    }

    public short getShort(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 2);
        }
        return ALL.get(JAVA_SHORT_UNALIGNED, base + off);
    }

    public char getChar(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 2);
        }
        return ALL.get(JAVA_CHAR_UNALIGNED, base + off);
    }

    public void putShort(long off, short v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 2);
        }
        ALL.set(JAVA_SHORT_UNALIGNED, base + off, v);
    }

    public int getInt(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 4);
        }
        return ALL.get(JAVA_INT_UNALIGNED, base + off);
    }

    public void putInt(long off, int v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 4);
        }
        ALL.set(JAVA_INT_UNALIGNED, base + off, v);
    }

    public long getLong(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 8);
        }
        return ALL.get(JAVA_LONG_UNALIGNED, base + off);
    }

    public void putLong(long off, long v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 8);
        }
        ALL.set(JAVA_LONG_UNALIGNED, base + off, v);
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
        return (byte) BYTE.getVolatile(ALL, base + off);
    }

    public void putByteVolatile(long off, byte v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off);
        }
        BYTE.setVolatile(ALL, base + off, v);
    }

    public short getShortVolatile(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 2);
        }
        return (short) SHORT.getVolatile(ALL, base + off);
    }

    public void putShortVolatile(long off, short v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 2);
        }
        SHORT.setVolatile(ALL, base + off, v);
    }

    public int getIntVolatile(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 4);
        }
        return (int) INT.getVolatile(ALL, base + off);
    }

    public void putIntVolatile(long off, int v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 4);
        }
        INT.setVolatile(ALL, base + off, v);
    }

    public long getLongVolatile(long off) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 8);
        }
        return (long) LONG.getVolatile(ALL, base + off);
    }

    public void putLongVolatile(long off, long v) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 8);
        }
        LONG.setVolatile(ALL, base + off, v);
    }

    public boolean compareAndSetInt(long off, int expected, int value) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 4);
        }
        return INT.compareAndSet(ALL, base + off, expected, value);
    }

    public boolean compareAndSetLong(long off, long expected, long value) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 8);
        }
        return LONG.compareAndSet(ALL, base + off, expected, value);
    }

    public int compareAndExchangeInt(long off, int expected, int value) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 4);
        }
        return (int) INT.compareAndExchange(ALL, base + off, expected, value);
    }

    public long compareAndExchangeLong(long off, long expected, long value) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 8);
        }
        return (long) LONG.compareAndExchange(ALL, base + off, expected, value);
    }

    public int getAndAddInt(long off, int delta) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 4);
        }
        return (int) INT.getAndAdd(ALL, base + off, delta);
    }

    public long getAndAddLong(long off, long delta) {
        PageGuard g = guard;
        if (g != null) {
            g.enter(off, 8);
        }
        return (long) LONG.getAndAdd(ALL, base + off, delta);
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
