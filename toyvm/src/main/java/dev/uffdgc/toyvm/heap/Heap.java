package dev.uffdgc.toyvm.heap;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.*;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.uapi.Mman;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The guest heap: a fixed-size region at the start of one private anonymous mapping ({@link #mapping()}: 1 GiB-aligned,
 * whole PUDs and a page), filled by a bump pointer.
 * The region's address is fixed for the VM's life. Memory above {@link #top()} is always zero, so a fresh
 * object needs only its header written.
 *
 * Threads allocate from thread-local allocation buffers (TLABs): {@link #refillTlab} carves one from the shared
 * bump region with a CAS on top, and the owning thread bumps inside it without synchronisation. A retired TLAB's
 * unused tail becomes a filler object, so the heap stays parseable from {@link ObjectLayout#FIRST_OBJECT} to top
 * once every TLAB is retired (the collector seam does that when the world stops). Large objects and objects
 * bigger than a quarter TLAB are bump-allocated in the shared region directly ({@link #allocate}).
 *
 * When the shared region is exhausted, the allocator asks its {@link Exhaustion} handler (the collector) to make
 * room and retries; 0 means there is no room (the caller raises OutOfMemoryError).
 */
public final class Heap {
    /** What the allocator calls when the heap is full: collect, so that {@code bytes} may fit. */
    public interface Exhaustion {
        /**
         * Make room for {@code bytes}. {@code last}: the allocator gives up if this collection does not make room
         * (the shared path's last attempt), so it must clear soft references (the Java spec's promise before an
         * OutOfMemoryError).
         */
        void onExhausted(long bytes, boolean last);
    }

    private static final VarHandle TOP;

    static {
        try {
            TOP = MethodHandles.lookup().findVarHandle(Heap.class, "top", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Collections a failing allocation may trigger before it reports OutOfMemoryError. */
    private static final int COLLECT_ATTEMPTS = 3;

    private final MemorySegment mapping;
    /** Whether the mapping is advised MADV_HUGEPAGE (see the constructor); {@link #renewPuds} advises alike. */
    private final boolean hugePages;
    private final MemorySegment region;
    private final HeapAccess access;
    private final long end;
    private volatile long top = FIRST_OBJECT;
    /** Where the fast path stops: the end, or closer in GC-stress mode. */
    private volatile long softLimit;
    private long stressBytes;
    private Exhaustion exhaustion = (bytes, last) -> { };
    private long allocatedBytes;
    private long tlabBytes = 32 << 10;

    public Heap(long size) {
        this(size, true);
    }

    /**
     * {@code hugePages}: the mapping ({@link #mapping()}) is advised MADV_HUGEPAGE, so that THP (here
     * {@code enabled=madvise}) can back it with 2 MiB pages — and a collector that moves pages with UFFDIO_MOVE can
     * move a whole 2 MiB region as one PMD entry (the kernel's move_pages_huge_pmd; issue 11). The advice also
     * changes the mutator's allocation faults (one 2 MiB fault instead of 512) and the TLB reach of every
     * collector, so it is set for every collector alike. false: 4 KiB pages only (-XX:-UseTransparentHugePages).
     */
    public Heap(long size, boolean hugePages) {
        if (size < 64 * 1024 || size > MAX_HEAP_BYTES) {
            throw new IllegalArgumentException("heap size must be between 64K and " + (MAX_HEAP_BYTES >> 20) + "M: " + size);
        }
        long regionBytes = pageAlign(size);
        this.mapping = Memory.mmapAnonymous(mappingBytes(regionBytes), Memory.PUD_SIZE);
        this.region = mapping.asSlice(0, regionBytes);
        this.hugePages = hugePages;
        if (hugePages) { // the whole mapping: advice on a part would split it in two (see mapping())
            Memory.madvise(mapping, Mman.MADV_HUGEPAGE);
        }
        this.access = new HeapAccess(region.address(), region.byteSize());
        this.end = region.byteSize();
        this.softLimit = end;
    }

    /** A TLAB size for a heap: 1/128 of it, between 2 KiB and 64 KiB. */
    public static long defaultTlabBytes(long heapBytes) {
        return align(Math.max(2 << 10, Math.min(64 << 10, heapBytes / 128)));
    }

    public void setTlabBytes(long bytes) {
        tlabBytes = align(Math.max(256, bytes));
    }

    public long tlabBytes() {
        return tlabBytes;
    }

    /**
     * GC-stress mode (tests, -Xgc-every): also collect after every {@code bytes} of allocation, so that every
     * code path of a program runs across collections. 0 turns it off. TLABs shrink so the interval holds.
     */
    public void setStressInterval(long bytes) {
        stressBytes = bytes;
        softLimit = bytes > 0 ? Math.min(end, top + bytes) : end;
        if (bytes > 0) {
            tlabBytes = Math.min(tlabBytes, align(Math.max(256, bytes / 4)));
        }
    }

    /**
     * The instrumentation point of the allocation slow path (a TLAB refill or a shared allocation): called,
     * empty, before anything else, so an agent can attach Advice here and start a collection by occupancy or
     * allocation rate. TLAB refills make it frequent enough to serve as the trigger's poll.
     */
    public void onSlowPath(long requestBytes) {
    }

    public HeapAccess access() {
        return access;
    }

    public MemorySegment region() {
        return region;
    }

    /**
     * The whole mapping the heap {@link #region} starts: 1 GiB-aligned, whole 1 GiB PUDs that hold the heap, and one
     * page more. Nothing else is mapped in those PUDs, so a collector that mremaps them to a 1 GiB-aligned place
     * moves one PUD entry per GiB (the kernel's {@code move_normal_pud}: one TLB flush per GiB) instead of one PMD
     * entry and one flush per 2 MiB — on this VM a flush is a hypercall, ~15-20 µs, so 1.3-2.4 ms for a 256 MiB heap
     * (issue 10). The page beyond them is never touched: it keeps such an mremap from moving the whole mapping, which
     * would reset the mapping's anon_vma (mm/mremap.c, MREMAP_DONTUNMAP) and leave it to split for good at the
     * collector's next UFFDIO_REGISTER of part of it (its two halves then get anon_vmas of their own and cannot merge
     * again), after which mremap moves it mapping by mapping, PMD by PMD. Address space only ({@code MAP_NORESERVE}).
     */
    public MemorySegment mapping() {
        return mapping;
    }

    /**
     * Gives the whole 1 GiB PUDs of the mapping in [{@code off}, {@code off + bytes}) (heap offsets, PUD-aligned; their
     * bytes are dead: no one reads them again) fresh zero memory: the range is mapped over (MAP_FIXED) with the
     * mapping's own flags and advice, so it merges back and the heap stays one mapping. Unlike MADV_DONTNEED, which
     * keeps each PUD's PMD table, this frees the tables (munmap), and mremap skips a PUD without one: a collector that
     * mremaps the heap's PUDs (the agent's flip) pays a TLB flush for every PUD that still holds a table, empty or
     * not (issue 10: a 16 GiB heap with 8 MiB live, filled between cycles, flipped 16 of them). A failed mmap may
     * leave a hole where the heap was, so it throws: the heap is no longer whole.
     */
    public void renewPuds(long off, long bytes) {
        long pud = Memory.PUD_SIZE;
        if ((off | bytes) % pud != 0 || off < 0 || off + bytes > (mapping.byteSize() & -pud)) {
            throw new IllegalArgumentException("not whole PUDs of the heap mapping: " + off + " + " + bytes);
        }
        if (bytes == 0) {
            return;
        }
        long at = mapping.address() + off;
        try {
            Memory.mmap(at, bytes, Mman.PROT_READ | Mman.PROT_WRITE,
                    Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_NORESERVE | Mman.MAP_FIXED);
        } catch (dev.uffdgc.kernel.KernelException e) {
            throw new IllegalStateException("toyvm: the heap's PUDs at offset " + off + " could not be mapped anew;"
                    + " the heap may have a hole there", e);
        }
        if (hugePages) { // the same advice as the rest, or the flags differ and the new part stays a mapping apart
            Memory.madvise(MemorySegment.ofAddress(at).reinterpret(bytes), Mman.MADV_HUGEPAGE);
        }
    }

    /** The mapping's length for a heap region of {@code regionBytes}: see {@link #mapping()}. */
    static long mappingBytes(long regionBytes) {
        long pud = Memory.PUD_SIZE;
        return ((regionBytes + pud - 1) & -pud) + Memory.PAGE_SIZE;
    }

    /** Heap offset one past the last allocated byte (TLABs included: they are carved below top). */
    public long top() {
        return top;
    }

    /** Collectors move the bump pointer after compaction (world stopped); [newTop, end) must be zero. */
    public void setTop(long newTop) {
        top = newTop;
        if (stressBytes > 0) {
            softLimit = Math.min(end, newTop + stressBytes);
        }
    }

    public long end() {
        return end;
    }

    public long capacity() {
        return end;
    }

    public long used() {
        return top;
    }

    /** Bytes handed out since the VM started (never decreases). */
    public long allocatedBytes() {
        return allocatedBytes + top;
    }

    public void setExhaustion(Exhaustion handler) {
        this.exhaustion = handler;
    }

    /**
     * Allocates {@code size} (8-aligned) zeroed bytes for mutator {@code t} (a guest thread): from its TLAB, else from a new TLAB,
     * else (large) from the shared region. Returns the offset, or 0 when even collecting can't make room. The
     * caller must have stored t.sp: this is a safepoint (the collector may run and move everything).
     */
    public long allocate(Mutator t, long size) {
        if (size >= LARGE_OBJECT_BYTES || size > tlabBytes / 4) {
            return allocateShared(t, size);
        }
        long at = t.tlabTop;
        if (at + size <= t.tlabEnd) {
            t.tlabTop = at + size;
            return at;
        }
        onSlowPath(size);
        for (int attempt = 0; attempt <= COLLECT_ATTEMPTS; attempt++) {
            retireTlab(t);
            long tlab = tryBump(tlabBytes, false, attempt == 0 ? softLimit : end);
            if (tlab != 0) {
                t.tlabTop = tlab + size;
                t.tlabEnd = tlab + tlabBytes;
                t.tlabSize = tlabBytes;
                return tlab;
            }
            if (attempt < COLLECT_ATTEMPTS) {
                exhaustion.onExhausted(tlabBytes, false); // a failed refill still tries the object alone
            }
        }
        // No room for a whole TLAB: the object alone may still fit.
        return allocateShared(t, size);
    }

    /** {@link #allocate(long)} on behalf of {@code t}, counted as its allocation. */
    private long allocateShared(Mutator t, long size) {
        long at = allocate(size);
        if (at != 0) {
            t.allocatedOutsideTlab += size;
        }
        return at;
    }

    /** Ends {@code t}'s TLAB: its unused tail becomes a filler. Its owner, or anyone while the world is stopped. */
    public void retireTlab(Mutator t) {
        if (t.tlabEnd != 0) {
            t.allocatedOutsideTlab += t.tlabTop - (t.tlabEnd - t.tlabSize);
        }
        if (t.tlabTop < t.tlabEnd) {
            writeFiller(t.tlabTop, t.tlabEnd - t.tlabTop);
        }
        t.tlabTop = 0;
        t.tlabEnd = 0;
    }

    /**
     * The shared slow path: bump-allocates {@code size} bytes in the shared region with a CAS (large objects
     * page-aligned), collecting on exhaustion. Returns the offset, or 0 when there is no room.
     */
    public long allocate(long size) {
        onSlowPath(size);
        for (int attempt = 0; attempt <= COLLECT_ATTEMPTS; attempt++) {
            // The GC-stress limit only triggers the first collection; afterwards the whole heap counts.
            long at = tryBump(size, size >= LARGE_OBJECT_BYTES, attempt == 0 ? softLimit : end);
            if (at != 0) {
                return at;
            }
            if (attempt < COLLECT_ATTEMPTS) {
                exhaustion.onExhausted(size, attempt == COLLECT_ATTEMPTS - 1);
            }
        }
        return 0;
    }

    private long tryBump(long size, boolean pageAligned, long limit) {
        for (;;) {
            long t = top;
            long start = pageAligned ? pageAlign(t) : t;
            long newTop = start + size;
            if (newTop > limit || newTop < 0) {
                return 0;
            }
            if (TOP.compareAndSet(this, t, newTop)) {
                if (start > t) {
                    writeFiller(t, start - t);
                }
                return start;
            }
        }
    }

    /**
     * Moves top up to the next page boundary, the gap becoming a filler: a concurrent collector's "mark end"
     * (what it plans concurrently ends at a page boundary, objects allocated later start on a page of their own).
     * Only with the world stopped (no TLAB open). Returns the new top (unchanged when already aligned or when the
     * boundary is past the end).
     */
    public long padTopToPage() {
        long t = top;
        long p = pageAlign(t);
        if (p > t && p <= end) {
            writeFiller(t, p - t);
            top = p;
        }
        return top;
    }

    /** Marks {@code [off, off+bytes)} as a dead gap so the heap stays parseable. */
    public void writeFiller(long off, long bytes) {
        access.putInt(off + CLASS_ID_OFFSET, FILLER_CLASS_ID);
        access.putInt(off + HASH_OFFSET, ObjectLayout.fillerWord(bytes));
    }

    /** Called by collectors before they lower top, to keep the "above top is zero" invariant accounting. */
    public void noteReclaimed(long oldTop, long newTop) {
        allocatedBytes += oldTop - newTop;
    }
}
