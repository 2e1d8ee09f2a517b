package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.seam.RootVisitor;
import dev.uffdgc.toyvm.seam.VmBinding;

/**
 * Global handles: references the VM itself keeps for its whole life (interned strings, Class mirrors,
 * non-capturing lambda instances, the preallocated OutOfMemoryError). Roots; the collector updates them.
 *
 * Stored in fixed-size chunks that never move, so a thread reading a handle (LDC of a string) while another
 * adds one never sees a stale copy of a grown array; adding is serialised, reading is not.
 */
public final class Globals {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private final int[][] chunks = new int[CHUNK][];
    private volatile int count;

    public synchronized int add(int ref) {
        int h = count;
        if ((h >>> CHUNK_BITS) >= CHUNK) {
            throw new IllegalStateException("toyvm: more than " + CHUNK * CHUNK + " global handles");
        }
        int[] c = chunks[h >>> CHUNK_BITS];
        if (c == null) {
            c = new int[CHUNK];
            chunks[h >>> CHUNK_BITS] = c;
        }
        c[h & (CHUNK - 1)] = ref;
        count = h + 1;
        return h;
    }

    public int get(int handle) {
        return chunks[handle >>> CHUNK_BITS][handle & (CHUNK - 1)];
    }

    public void set(int handle, int ref) {
        chunks[handle >>> CHUNK_BITS][handle & (CHUNK - 1)] = ref;
    }

    public int count() {
        return count;
    }

    /** Visits every non-null handle in order, storing back what the visitor returns (world stopped). */
    public void visit(RootVisitor v) {
        int n = count;
        for (int i = 0; i < n; i++) {
            int[] c = chunks[i >>> CHUNK_BITS];
            int r = c[i & (CHUNK - 1)];
            if (r != 0) {
                c[i & (CHUNK - 1)] = v.visit(r);
            }
        }
    }
}
