package dev.uffdgc.agent.slide;

import static dev.uffdgc.toyvm.heap.ObjectLayout.FIRST_OBJECT;
import static dev.uffdgc.toyvm.heap.ObjectLayout.LARGE_OBJECT_BYTES;
import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SIZE;
import static dev.uffdgc.toyvm.heap.ObjectLayout.pageAlign;

import dev.uffdgc.toyvm.seam.VmBinding;
import dev.uffdgc.toyvm.heap.HeapAccess;
import java.util.Arrays;

/**
 * Mark and plan for page-slide compaction, all in side tables.
 *
 * <p>Mark: one start bit per object, one live bit per 8-byte granule of the other ("small") objects; a table
 * array (see {@link LargeArrays}) is marked by its start bit and a flag, sized from the table and never pushed
 * (it holds no references), so its pages are not read.
 *
 * <p>Plan: one walk over the live objects in address order. A table array goes to the next page boundary, so
 * its delta is a multiple of the page size and its pages can move whole; when it moves and its last page is
 * not padded yet, the plan pads it (the next object starts on a fresh page), so that from the next cycle on the
 * array moves without its last page being read either. Small objects slide as in the built-in collector:
 * forward(obj) = base[chunk] + 8 * popcount(live granules of the chunk below obj). Table arrays begin chunks
 * and their granules are not in the live bits, so their tail never shifts the small objects after it.
 */
final class SlideMarks {
    static final int CHUNK_SHIFT = 9;

    private final VmBinding vm;
    private final HeapAccess mem;
    private final LargeArrays table;
    final long[] starts;
    final long[] liveSmall;
    private final int[] chunkBase;
    private boolean[] tableLive = new boolean[64];
    private long[] tableDest = new long[64];
    private boolean[] paddedNow = new boolean[64];
    private int[] stack = new int[4096];
    private int stackTop;
    long liveBytes;
    long liveTableBytes;

    SlideMarks(VmBinding vm, LargeArrays table) {
        this.vm = vm;
        this.mem = vm.heap();
        this.table = table;
        int chunks = (int) ((vm.end() + (1 << CHUNK_SHIFT) - 1) >>> CHUNK_SHIFT) + 1;
        this.starts = new long[chunks];
        this.liveSmall = new long[chunks];
        this.chunkBase = new int[chunks];
    }

    boolean[] tableLive() {
        return tableLive;
    }

    long[] tableDest() {
        return tableDest;
    }

    boolean[] paddedNow() {
        return paddedNow;
    }

    void mark(long top) {
        int chunks = (int) ((top + (1 << CHUNK_SHIFT) - 1) >>> CHUNK_SHIFT);
        Arrays.fill(starts, 0, chunks, 0);
        Arrays.fill(liveSmall, 0, chunks, 0);
        int n = table.count();
        if (tableLive.length < n) {
            tableLive = new boolean[n];
            tableDest = new long[n];
            paddedNow = new boolean[n];
        }
        Arrays.fill(tableLive, 0, n, false);
        liveBytes = 0;
        liveTableBytes = 0;
        stackTop = 0;
        vm.forEachRoot(ref -> {
            markRef(ref);
            return ref;
        });
        while (stackTop > 0) {
            vm.scanObject(stack[--stackTop], slot -> {
                int ref = mem.getInt(slot);
                if (ref != 0) {
                    markRef(ref);
                }
            });
        }
    }

    private void markRef(int ref) {
        int g = ref >>> 3;
        long bit = 1L << g;
        if ((starts[g >>> 6] & bit) != 0) {
            return;
        }
        starts[g >>> 6] |= bit;
        int i = table.lookup(ref);
        if (i >= 0) {
            tableLive[i] = true;
            liveTableBytes += table.size(i);
            return;
        }
        long size = vm.objectSize(ref);
        liveBytes += size;
        setLive(g, (int) (size >>> 3));
        if (stackTop == stack.length) {
            stack = Arrays.copyOf(stack, stackTop * 2);
        }
        stack[stackTop++] = ref;
    }

    private void setLive(int g, int n) {
        int end = g + n;
        while (g < end) {
            int bit = g & 63;
            int take = Math.min(64 - bit, end - g);
            liveSmall[g >>> 6] |= take == 64 ? -1L : ((1L << take) - 1) << bit;
            g += take;
        }
    }

    /** The next marked object at or after {@code from} and below {@code limit}, or -1. */
    long nextStart(long from, long limit) {
        int g = (int) (from >>> 3);
        int w = g >>> 6;
        int last = (int) ((limit + 511) >>> CHUNK_SHIFT);
        long bits = w < last ? starts[w] & (-1L << (g & 63)) : 0;
        while (bits == 0) {
            if (++w >= last) {
                return -1;
            }
            bits = starts[w];
        }
        long obj = ((long) w << CHUNK_SHIFT) + ((long) Long.numberOfTrailingZeros(bits) << 3);
        return obj < limit ? obj : -1;
    }

    /** Size of a marked object: from the table for table arrays (no heap read), else from its header. */
    long sizeOf(long obj) {
        int i = table.lookup(obj);
        return i >= 0 ? table.size(i) : vm.objectSize(obj);
    }

    /** Computes every destination; returns the new top. */
    long plan(long oldTop) {
        long free = FIRST_OBJECT;
        for (long obj = nextStart(FIRST_OBJECT, oldTop); obj >= 0; ) {
            int i = table.lookup(obj);
            long size;
            if (i >= 0) {
                size = table.size(i);
                free = planTableArray(i, obj, size, free);
            } else {
                size = vm.objectSize(obj);
                free = planSmall(obj, size, free);
            }
            obj = nextStart(obj + size, oldTop);
        }
        return free;
    }

    private long planTableArray(int i, long obj, long size, long free) {
        long dest = pageAlign(free);
        tableDest[i] = dest;
        long whole = pageAlign(size);
        boolean pad = table.padded(i) || (obj - dest >= PAGE_SIZE && size != whole);
        paddedNow[i] = pad;
        return dest + (pad ? whole : size);
    }

    private long planSmall(long obj, long size, long free) {
        long dest = size >= LARGE_OBJECT_BYTES ? pageAlign(free) : free;
        int c = (int) (obj >>> CHUNK_SHIFT);
        int g = (int) (obj >>> 3) & 63;
        long below = liveSmall[c] & ((1L << g) - 1);
        if (below == 0 || isFirstSmallInChunk(obj)) {
            chunkBase[c] = (int) (dest - 8L * Long.bitCount(below));
        }
        int lastChunk = (int) ((obj + size - 1) >>> CHUNK_SHIFT);
        for (int k = c + 1; k <= lastChunk; k++) {
            chunkBase[k] = (int) (dest + ((long) k << CHUNK_SHIFT) - obj);
        }
        return dest + size;
    }

    /** Whether no small object of obj's chunk starts below obj (granules below may be a previous object's tail). */
    private boolean isFirstSmallInChunk(long obj) {
        int c = (int) (obj >>> CHUNK_SHIFT);
        int g = (int) (obj >>> 3) & 63;
        long startsBelow = starts[c] & ((1L << g) - 1);
        // A start below obj in this chunk is a small object (table arrays begin chunks, and obj is not one).
        return startsBelow == 0 || (startsBelow == 1L && table.lookup((long) c << CHUNK_SHIFT) >= 0);
    }

    int forward(int ref) {
        int i = table.lookup(ref);
        if (i >= 0 && tableLive[i]) {
            return (int) tableDest[i];
        }
        int g = ref >>> 3;
        int c = g >>> 6;
        return chunkBase[c] + 8 * Long.bitCount(liveSmall[c] & ((1L << (g & 63)) - 1));
    }

    /** Every root and every reference slot of every live small object := forward(target). Arrays have none. */
    void updateReferences(long oldTop) {
        vm.forEachRoot(this::forward);
        for (long obj = nextStart(FIRST_OBJECT, oldTop); obj >= 0; ) {
            long size;
            if (table.lookup(obj) >= 0) {
                size = table.size(table.lookup(obj));
            } else {
                size = vm.objectSize(obj);
                vm.scanObject(obj, slot -> {
                    int ref = mem.getInt(slot);
                    if (ref != 0) {
                        mem.putInt(slot, forward(ref));
                    }
                });
            }
            obj = nextStart(obj + size, oldTop);
        }
    }
}
