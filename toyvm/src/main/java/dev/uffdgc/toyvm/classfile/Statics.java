package dev.uffdgc.toyvm.classfile;

/**
 * Storage of every class's static fields, outside the guest heap: primitives as raw bits in a long table,
 * references in an int table that the collector scans as roots. A field's slot is fixed when its class links.
 *
 * The tables have a fixed capacity and never move: guest threads read and write slots without locks while
 * another thread links a class, so a grown copy would lose their writes.
 */
public final class Statics {
    public static final int CAPACITY = 1 << 16;
    public final long[] prims = new long[CAPACITY];
    public final int[] refs = new int[CAPACITY];
    private int primCount;
    private volatile int refCount;

    public synchronized int newPrimSlot() {
        if (primCount == CAPACITY) {
            throw new IllegalStateException("toyvm: more than " + CAPACITY + " primitive static fields");
        }
        return primCount++;
    }

    public synchronized int newRefSlot() {
        if (refCount == CAPACITY) {
            throw new IllegalStateException("toyvm: more than " + CAPACITY + " reference static fields");
        }
        return refCount++;
    }

    public int refCount() {
        return refCount;
    }
}
