package dev.uffdgc.toyvm.runtime;

import java.util.Arrays;

/**
 * Global handles: references the VM itself keeps for its whole life (interned strings, Class mirrors,
 * non-capturing lambda instances, the preallocated OutOfMemoryError). Roots; the collector updates them.
 */
public final class Globals {
    private int[] refs = new int[1024];
    private int count;

    public int add(int ref) {
        if (count == refs.length) {
            refs = Arrays.copyOf(refs, count * 2);
        }
        refs[count] = ref;
        return count++;
    }

    public int get(int handle) {
        return refs[handle];
    }

    public void set(int handle, int ref) {
        refs[handle] = ref;
    }

    public int count() {
        return count;
    }

    /** The backing array, valid until the next {@link #add}; the collector updates it in place. */
    public int[] array() {
        return refs;
    }
}
