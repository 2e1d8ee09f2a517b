package dev.uffdgc.agent.toolkit;

import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.FIRST_OBJECT;
import static dev.uffdgc.toyvm.heap.ObjectLayout.LARGE_OBJECT_BYTES;
import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SHIFT;
import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SIZE;
import static dev.uffdgc.toyvm.heap.ObjectLayout.pageAlign;

import dev.uffdgc.toyvm.seam.VmBinding;
import java.util.Arrays;

/**
 * The side table of large primitive arrays: where each starts, its size, and whether the rest of its last page
 * is padding (one filler to the page end). It is what lets page-slide compaction mark, size and move these
 * arrays without reading a byte of them: their headers live on their (cold, possibly swapped-out) first page.
 *
 * <p>Kept up to date by the collector: at the start of a cycle it parses only the heap allocated since the
 * last one ([{@link #scannedTop}, top): young, so resident), and at the end it rewrites the table with each
 * survivor's new address. Lookup is by page: a large object always starts page-aligned. The table also keeps each
 * array's class id and length (read once, while young), for a collector that builds a page holding the array's
 * tail and must not read its header again (the concurrent compactor).
 *
 * <p>Shared by page-slide ({@code slide/PageSlide}) and the concurrent compactor ({@code compact/}). Contract: the
 * table is valid only while no other collector moves objects; one collector instance owns one table. Written by
 * {@link #scanYoung} (the thread that marks, before it marks) or {@link #learn} (the thread that marks, as it marks) and {@link #afterCycle} (once no thread forwards
 * through the cycle's plan any more); read-only in between, from any thread that saw the writer's release.
 */
public final class LargeArrays {
    private final VmBinding vm;
    /** page -> index + 1 of the table array starting there; 0 = none. */
    private final int[] byPage;
    /** class id -> 1 primitive array, 2 anything else, 0 not looked up yet. */
    private byte[] primitiveArrayClass = new byte[256];
    private int count;
    private long[] start = new long[64];
    private long[] size = new long[64];
    private boolean[] padded = new boolean[64];
    private int[] classId = new int[64];
    private int[] length = new int[64];
    /** Every table array starts below this; the heap above it has not been parsed yet. */
    private long scannedTop = FIRST_OBJECT;

    public LargeArrays(VmBinding vm) {
        this.vm = vm;
        this.byPage = new int[(int) (pageAlign(vm.end()) >>> PAGE_SHIFT) + 1];
    }

    public int count() {
        return count;
    }

    public long start(int i) {
        return start[i];
    }

    public long size(int i) {
        return size[i];
    }

    /** Whether the bytes after the array up to its last page's end are one filler (so the page can move whole). */
    public boolean padded(int i) {
        return padded[i];
    }

    /** The array's class id (from its header, read when it was added). */
    public int classId(int i) {
        return classId[i];
    }

    /** The array's length (from its header, read when it was added). */
    public int length(int i) {
        return length[i];
    }

    /** Index of the table array starting at {@code ref}, or -1. Reads no heap memory. */
    public int lookup(long ref) {
        if ((ref & (PAGE_SIZE - 1)) != 0) {
            return -1;
        }
        return byPage[(int) (ref >>> PAGE_SHIFT)] - 1;
    }

    /**
     * Adds the large primitive arrays allocated since the last cycle by parsing [scannedTop, top). Reads only the
     * headers of young objects (and of the object right after each new array, to learn whether it is padded).
     * Returns the bytes parsed.
     */
    public long scanYoung(long top) {
        long at = scannedTop;
        while (at < top) {
            long sz = vm.objectSize(at);
            if (sz >= LARGE_OBJECT_BYTES && !vm.isFiller(at) && isPrimitiveArray(at)) {
                add(at, sz, paddedAfter(at + sz, top));
            }
            at += sz;
        }
        long parsed = top - scannedTop;
        scannedTop = top;
        return parsed;
    }

    /**
     * Adds {@code obj} if it is a large primitive array allocated since the last cycle that the table does not hold
     * yet: a page-aligned object in [{@link #scannedTop}, {@code limit}), whose header (and the next object's) is
     * read — young, resident. Returns its index, or -1. For a collector that learns the arrays its mark reaches
     * (the concurrent compactor) instead of parsing everything allocated since the last cycle ({@link
     * #scanYoung}): a dead young array is then never added, which loses nothing, since only cold arrays gain from
     * being left unread. The table is then in the order the mark found them, not by address.
     */
    public int learn(long obj, long limit) {
        if ((obj & (PAGE_SIZE - 1)) != 0 || obj < scannedTop || obj >= limit) {
            return -1;
        }
        long sz = vm.objectSize(obj);
        if (sz < LARGE_OBJECT_BYTES || vm.isFiller(obj) || !isPrimitiveArray(obj)) {
            return -1;
        }
        add(obj, sz, paddedAfter(obj + sz, limit));
        return count - 1;
    }

    /** True when [end, page end) holds exactly one filler, or nothing (end is page-aligned). */
    private boolean paddedAfter(long end, long top) {
        long pageEnd = pageAlign(end);
        if (end == pageEnd) {
            return true;
        }
        return end < top && vm.isFiller(end) && end + vm.objectSize(end) == pageEnd;
    }

    private boolean isPrimitiveArray(long obj) {
        int id = vm.heap().getInt(obj);
        if (id >= primitiveArrayClass.length) {
            primitiveArrayClass = Arrays.copyOf(primitiveArrayClass, Math.max(id + 1, primitiveArrayClass.length * 2));
        }
        if (primitiveArrayClass[id] == 0) {
            String name = vm.className(obj); // internal names: "[J", "[B", ...; "[L...;" and "[[..." hold references
            boolean prim = name.length() == 2 && name.charAt(0) == '[';
            primitiveArrayClass[id] = (byte) (prim ? 1 : 2);
        }
        return primitiveArrayClass[id] == 1;
    }

    private void add(long at, long sz, boolean pad) {
        if (count == start.length) {
            start = Arrays.copyOf(start, count * 2);
            size = Arrays.copyOf(size, count * 2);
            padded = Arrays.copyOf(padded, count * 2);
            classId = Arrays.copyOf(classId, count * 2);
            length = Arrays.copyOf(length, count * 2);
        }
        start[count] = at;
        size[count] = sz;
        padded[count] = pad;
        classId[count] = vm.heap().getInt(at);
        length[count] = vm.heap().getInt(at + ARRAY_LENGTH_OFFSET);
        byPage[(int) (at >>> PAGE_SHIFT)] = count + 1;
        count++;
    }

    /**
     * After a cycle: keeps the survivors ({@code live[i]}) at their new addresses {@code dest[i]}, with their new
     * padding, in the table's order. {@code newTop} becomes the parsed limit.
     */
    public void afterCycle(boolean[] live, long[] dest, boolean[] paddedNow, long newTop) {
        for (int i = 0; i < count; i++) {
            byPage[(int) (start[i] >>> PAGE_SHIFT)] = 0;
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (live[i]) {
                start[n] = dest[i];
                size[n] = size[i];
                padded[n] = paddedNow[i];
                classId[n] = classId[i];
                length[n] = length[i];
                byPage[(int) (dest[i] >>> PAGE_SHIFT)] = n + 1;
                n++;
            }
        }
        count = n;
        scannedTop = newTop;
    }
}
