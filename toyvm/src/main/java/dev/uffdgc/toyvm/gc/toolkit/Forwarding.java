package dev.uffdgc.toyvm.gc.toolkit;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.gc.toolkit.MarkBitmap.CHUNK_SHIFT;
import static dev.uffdgc.toyvm.gc.toolkit.MarkBitmap.GRANULE_SHIFT;
import static dev.uffdgc.toyvm.heap.ObjectLayout.FIRST_OBJECT;
import static dev.uffdgc.toyvm.heap.ObjectLayout.LARGE_OBJECT_BYTES;
import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SIZE;
import static dev.uffdgc.toyvm.heap.ObjectLayout.pageAlign;

import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.seam.SlotVisitor;
import dev.uffdgc.toyvm.seam.VmBinding;

/**
 * Where every marked object goes when the heap slides down in address order, without per-object forwarding
 * words: one base per 512-byte chunk, {@code forward(obj) = base[chunk] + 8 * popcount(live granules of the chunk
 * below obj)}. On top of that:
 * <ul>
 * <li>a dense prefix [0, prefixEnd) that stays where it is;</li>
 * <li>large objects (>= a page) stay page-aligned (they begin a chunk: the chunk's base is rounded up);</li>
 * <li>objects marked by flag only ({@link MarkBitmap#isFlagOnly}) are placed by a {@link PagePlaced} policy at
 *     the next page boundary — page-slide's table arrays, which move by page-multiple deltas and are never read.</li>
 * </ul>
 */
public final class Forwarding {
    /** The policy for flag-only objects: their size (from a side table) and how many bytes they take where they go. */
    public interface PagePlaced {
        long size(long obj);

        /** obj goes to the page-aligned {@code dest}; returns the bytes it takes there (its size, or whole pages). */
        long place(long obj, long dest, long size);

        /** Where the flag-only object at {@code obj} goes (set by {@link #place}). */
        long destination(long obj);
    }

    /** What {@link #relocate} asks a collector to do, object by object in address order. */
    public interface Mover {
        /** [at, at + bytes) below the next object's destination is a gap; {@code next} is that object's source. */
        void gap(long at, long bytes, long next);

        /** Puts the object at {@code obj} at {@code dest}; returns where the next object may start. */
        long move(long obj, long dest, long size);
    }

    private final VmBinding vm;
    private final HeapAccess mem;
    private final MarkBitmap bits;
    /** Each chunk's new address, as a reference (8-aligned), so the table stays 4 bytes a chunk at 32 GiB. */
    private final int[] chunkBase;
    private final long[] starts;
    private final long[] live;
    private PagePlaced placed;
    private long prefixEnd;
    private long newTop;
    /** Where the next object above the last plan's top would go (what {@link #extend} continues from). */
    private long planFree;
    private final SlotVisitor updateSlot = this::updateSlot;

    public Forwarding(VmBinding vm, MarkBitmap bits) {
        this.vm = vm;
        this.mem = vm.heap();
        this.bits = bits;
        this.chunkBase = new int[bits.live.length];
        this.starts = bits.starts;
        this.live = bits.live;
    }

    /**
     * Computes every chunk's base for the marked heap below {@code top}, keeping [0, prefixEnd) in place
     * (prefixEnd page-aligned, no object straddling it; 0 for none). {@code placed} may be null. Returns the new top.
     */
    public long plan(long top, long prefixEnd, PagePlaced placed) {
        this.prefixEnd = prefixEnd;
        this.placed = placed;
        long slideStart = Math.max(prefixEnd, FIRST_OBJECT);
        long free = slideStart;
        int chunks = MarkBitmap.chunks(top);
        for (int c = (int) (prefixEnd >>> CHUNK_SHIFT); c < chunks; c++) {
            long chunk = (long) c << CHUNK_SHIFT;
            if (placed != null && bits.isFlagOnly(chunk)) { // a table array: it covers this chunk whole
                long size = placed.size(chunk);
                long dest = pageAlign(free);
                free = dest + placed.place(chunk, dest, size);
                chunkBase[c] = ObjectLayout.ref(free);
            } else {
                free = slide(c, free);
            }
        }
        planFree = free;
        // Nothing slid: the heap ends with the prefix's last live object, not with its trailing dead gap.
        newTop = free == slideStart ? Math.max(FIRST_OBJECT, prefixLiveEnd()) : free;
        return newTop;
    }

    /**
     * Gives chunk {@code c} its base at {@code free} (page-aligned first when a large object starts it) and returns
     * the free address after its live granules.
     *
     * <p>A large object starts a page (the allocator places it so, and every compaction keeps it so) and fills its
     * first chunk, so only a chunk that opens a page with 64 live granules can begin one: only there is a header read
     * to size the object. Before (2026-12-07) every chunk's first object was sized from its header, a cache miss
     * per 512 bytes of a heap larger than the cache: the plan of the dense bench heap (9.6 MiB live, 20,000 chunks)
     * took ~1.0-1.1 ms per cycle, about a tenth of stw's compaction and of the agent's.
     */
    private long slide(int c, long free) {
        long live = bits.live[c];
        if (live != 0) {
            long first = ((long) c << CHUNK_SHIFT) + ((long) Long.numberOfTrailingZeros(live) << GRANULE_SHIFT);
            if (live == -1L && (first & (PAGE_SIZE - 1)) == 0 && bits.isStart(first)
                    && vm.objectSize(first) >= LARGE_OBJECT_BYTES) {
                free = pageAlign(free);
            }
            chunkBase[c] = ObjectLayout.ref(free);
            return free + ((long) Long.bitCount(live) << GRANULE_SHIFT);
        }
        chunkBase[c] = ObjectLayout.ref(free);
        return free;
    }

    /**
     * Extends the last {@link #plan} from {@code planTop} (its top) to {@code top}: the objects marked meanwhile
     * above planTop (a concurrent collector's black allocation, marked in its flip pause) slide on after the
     * planned ones. Costs the chunks of [planTop, top) only. Returns the new top.
     */
    public long extend(long planTop, long top) {
        int c0 = (int) (planTop >>> CHUNK_SHIFT);
        if (planTop < prefixEnd || MarkBitmap.chunks(top) <= c0) {
            return newTop;
        }
        long slideStart = Math.max(prefixEnd, FIRST_OBJECT);
        long free = (planTop & (MarkBitmap.CHUNK_BYTES - 1)) == 0 ? planFree : ObjectLayout.offset(chunkBase[c0]);
        int chunks = MarkBitmap.chunks(top);
        for (int c = c0; c < chunks; c++) {
            free = slide(c, free);
        }
        planFree = free;
        if (free != slideStart) {
            newTop = free;
        }
        return newTop;
    }

    public long newTop() {
        return newTop;
    }

    public long prefixEnd() {
        return prefixEnd;
    }

    private long prefixLiveEnd() {
        if (prefixEnd == 0) {
            return -1;
        }
        long last = bits.prevStart(prefixEnd);
        return last < 0 ? FIRST_OBJECT : last + sizeOf(last); // a flag-only object's header is not read
    }

    /** The new address of a marked object (or of any granule inside a traced one). */
    public int forward(int ref) {
        return ObjectLayout.ref(forward(ObjectLayout.offset(ref)));
    }

    /** {@link #forward(int)} on byte offsets. */
    public long forward(long obj) {
        if (obj < prefixEnd) {
            return obj;
        }
        if (placed != null && (obj & (PAGE_SIZE - 1)) == 0 && bits.isFlagOnly(obj)) {
            return placed.destination(obj);
        }
        int c = (int) (obj >>> CHUNK_SHIFT);
        return ObjectLayout.offset(chunkBase[c]) + liveBelow(c, obj);
    }

    /**
     * Where chunk {@code c}'s first live granule goes (above the prefix, for a chunk with live granules): its base,
     * without {@link #forward}'s prefix and flag checks (a planner walking the chunks in order).
     */
    public long chunkBase(int c) {
        return ObjectLayout.offset(chunkBase[c]);
    }

    private long liveBelow(int c, long obj) {
        return (long) Long.bitCount(live[c] & ((1L << (obj >>> GRANULE_SHIFT)) - 1)) << GRANULE_SHIFT;
    }

    /** Size of a marked object: from the policy for flag-only objects (no heap read), else from its header. */
    public long sizeOf(long obj) {
        return placed != null && bits.isFlagOnly(obj) ? placed.size(obj) : vm.objectSize(obj);
    }

    /** Every root and every reference slot of every traced object := forward(target), in place in the heap. */
    public void updateReferences(long top) {
        vm.forEachRoot(this::forward);
        int chunks = MarkBitmap.chunks(top);
        for (int c = 0; c < chunks; c++) {
            long traced = starts[c] & live[c]; // flag-only objects hold no references
            while (traced != 0) {
                long obj = ((long) c << CHUNK_SHIFT) + ((long) Long.numberOfTrailingZeros(traced) << GRANULE_SHIFT);
                traced &= traced - 1;
                vm.scanObject(obj, updateSlot);
            }
        }
    }

    private void updateSlot(long slot) {
        int ref = mem.getInt(slot);
        if (ref != 0) {
            mem.putInt(slot, forward(ref));
        }
    }

    /**
     * Walks the marked objects below {@code top} in address order and hands each, with its destination, to
     * {@code m}; gaps in front of a destination go to {@link Mover#gap}. Checks that the objects end at the planned top.
     */
    public void relocate(long top, Mover m) {
        long end = FIRST_OBJECT;
        int chunks = MarkBitmap.chunks(top);
        for (int c = 0; c < chunks; c++) { // start bits in address order, as the sizes need not be read to find them
            long marked = starts[c];
            while (marked != 0) {
                long obj = ((long) c << CHUNK_SHIFT) + ((long) Long.numberOfTrailingZeros(marked) << GRANULE_SHIFT);
                marked &= marked - 1;
                boolean traced = (live[c] & (1L << (obj >>> GRANULE_SHIFT))) != 0;
                long size = traced ? vm.objectSize(obj) : placed.size(obj);
                long dest = traced ? ObjectLayout.offset(chunkBase[c]) + liveBelow(c, obj) : forward(obj);
                if (obj < prefixEnd) {
                    dest = obj;
                }
                if (dest > end) {
                    m.gap(end, dest - end, obj);
                }
                end = m.move(obj, dest, size);
            }
        }
        if (end != newTop) {
            throw new IllegalStateException("compaction ended at " + end + ", planned " + newTop);
        }
    }
}
