package dev.uffdgc.toyvm.heap;

/**
 * What the allocator knows of a thread that allocates: its thread-local allocation buffer [tlabTop, tlabEnd)
 * in the shared heap, empty when both are 0. The VM's guest thread ({@code dev.uffdgc.toyvm.thread.VmThread})
 * extends it, so {@link Heap#allocate(Mutator, long)}'s fast path reads the fields of the thread object itself:
 * no extra indirection (a separate TLAB object would cost a load per allocation), and heap/ needs nothing from
 * the interpreter or the thread package.
 *
 * <p>Written by the owning thread while it runs, and by the thread that stopped the world (retiring TLABs).
 */
public class Mutator {
    public long tlabTop;
    public long tlabEnd;
    /**
     * Bytes this thread allocated in retired TLABs and in the shared region, less its TLABs' unused tails; with the
     * current TLAB's used part ({@link #allocatedBytes()}) what ThreadMXBean.getThreadAllocatedBytes reports (as
     * HotSpot counts: TLAB refills, not objects, so the fast paths stay untouched). Written by the owner, or by the
     * thread that stopped the world (retiring TLABs).
     */
    public long allocatedOutsideTlab;

    /** An approximation read by any thread (plain fields, as HotSpot's cooked_allocated_bytes). */
    public long allocatedBytes() {
        long top = tlabTop;
        long end = tlabEnd;
        return allocatedOutsideTlab + (end != 0 ? top - (end - tlabSize) : 0);
    }

    /** The current TLAB's size, for {@link #allocatedBytes()} (its start is end - size). */
    long tlabSize;
}
