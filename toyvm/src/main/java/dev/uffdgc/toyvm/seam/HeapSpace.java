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

    /** The heap's address (of offset 0); fixed for the VM's life. Any thread. */
    long heapAddress();

    /** The first offset an object may occupy (8: offset 0 is null). Constant. */
    long firstObject();

    /**
     * The bump pointer: one past the last allocated byte, TLABs included (they are carved below it). Any thread;
     * exact only while the world is stopped (mutators bump it by CAS otherwise, and a TLAB's unused part is
     * below it but not yet an object: the heap parses only once every TLAB is retired, i.e. in a pause).
     */
    long top();

    /**
     * Lowers the bump pointer after a compaction: {@code newTop} 8-aligned, between {@link #firstObject()} and
     * {@link #top()}. Called by the thread that owns the pause (world stopped). The caller has zeroed [newTop,
     * old top) or will have done so before the world resumes (the allocator hands out memory above top without
     * zeroing it). On return, allocation resumes at {@code newTop}, the VM's allocated-bytes count no longer
     * counts [newTop, old top), and a GC-stress interval (-Xgc-every) restarts from {@code newTop}.
     */
    void setTop(long newTop);

    /** The heap's capacity in bytes (the end of the region; fixed for the VM's life). Any thread. */
    long end();

    /**
     * The heap object itself: its mapping (for collectors that remap pages), allocation counters, and the
     * allocation slow path's instrumentation point ({@code onSlowPath}). Any thread; fixed for the VM's life.
     */
    Heap rawHeap();
}
