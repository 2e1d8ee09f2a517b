package dev.uffdgc.toyvm.seam;

import dev.uffdgc.toyvm.heap.Heap;
import dev.uffdgc.toyvm.heap.HeapAccess;

/**
 * The heap space and its bump pointer. The heap is one mmap region at a fixed address for the VM's life:
 * [0, 8) is reserved (reference 0 is null), objects lie back to back from {@link #firstObject()} to {@link #top()}
 * (parseable by sizes when the world is stopped: every TLAB is retired then), and [top, end) is zero.
 */
public interface HeapSpace {
    /** Memory access to the heap: the only way anyone touches guest memory. Any thread, any time. */
    HeapAccess heap();

    /** The heap's address; fixed for the VM's life. */
    long heapAddress();

    /** The first offset an object may occupy. */
    long firstObject();

    /** The bump pointer. Exact only while the world is stopped (mutators bump it by CAS otherwise). */
    long top();

    /**
     * Moves the bump pointer after a compaction; called by the collector while the world is stopped. The caller
     * has zeroed [newTop, old top) or will have done so before any mutator allocates there.
     */
    void setTop(long newTop);

    /** The heap's capacity in bytes (the end of the region). */
    long end();

    /** The heap object itself (its mapping, for collectors that remap pages). */
    Heap rawHeap();
}
