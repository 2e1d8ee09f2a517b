package dev.uffdgc.toyvm.classfile;

import java.util.Arrays;

/**
 * Storage of every class's static fields, outside the guest heap: primitives as raw bits in a long table,
 * references in an int table that the collector scans as roots. A field's slot is fixed when its class links.
 */
public final class Statics {
    public long[] prims = new long[256];
    public int[] refs = new int[256];
    private int primCount;
    private int refCount;

    public int newPrimSlot() {
        if (primCount == prims.length) {
            prims = Arrays.copyOf(prims, primCount * 2);
        }
        return primCount++;
    }

    public int newRefSlot() {
        if (refCount == refs.length) {
            refs = Arrays.copyOf(refs, refCount * 2);
        }
        return refCount++;
    }

    public int refCount() {
        return refCount;
    }
}
