package dev.uffdgc.toyvm.gc;

import dev.uffdgc.toyvm.seam.VmBinding;
/**
 * A garbage collector. The allocator calls {@link #collect} when the bump pointer reaches the end of the heap
 * (and the guest's System.gc() does too); afterwards the allocator retries once and raises OutOfMemoryError if
 * the request still does not fit. A collector talks to the VM only through {@link VmBinding}.
 */
public interface Collector {
    enum Cause {
        ALLOCATION_FAILURE("Allocation Failure"), SYSTEM_GC("System.gc()");

        public final String label;

        Cause(String label) {
            this.label = label;
        }
    }

    /** Collects so that (ideally) {@code requestBytes} more fit below the heap's end. */
    void collect(Cause cause, long requestBytes);

    /** Collections run so far. */
    int collections();
}
