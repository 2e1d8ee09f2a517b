package dev.uffdgc.agent.compact;

import static dev.uffdgc.agent.compact.Marker.CHUNK_SHIFT;
import static dev.uffdgc.agent.compact.Marker.PAGE_SHIFT;
import static dev.uffdgc.toyvm.heap.ObjectLayout.*;

import dev.uffdgc.toyvm.seam.VmBinding;
import dev.uffdgc.toyvm.heap.HeapAccess;
import java.util.Arrays;

/**
 * Where every live object goes, computed in the pause from the mark bitmaps, without per-object forwarding words:
 * <ul>
 * <li>a dense prefix — the leading pages at least {@code dense}% live — stays where it is (its dead gaps become
 *     fillers, its references are updated in place);</li>
 * <li>above it objects slide down in address order: {@code forward(obj) = base[chunk] + 8 * popcount(live
 *     granules of the chunk below obj)}, one base per 512-byte chunk; large objects stay page-aligned.</li>
 * </ul>
 * Per destination page it records what a page builder needs without walking anything: the first object that
 * overlaps the page (and, because that object's header may start on an earlier page whose from-space copy is
 * already recycled, its class id and array length), and which from-space pages the page reads, so a builder
 * knows when a from-space page has no readers left and can be recycled in place.
 */
final class Plan {
    private final Marker marks;
    private final VmBinding vm;
    private final int[] chunkBase;
    long densePrefixEnd;
    long oldTop;
    long newTop;
    int destPages;
    int oldPages;
    int[] firstSrc = new int[0];
    int[] headClass = new int[0];
    int[] headLength = new int[0];
    boolean[] startsWithGap = new boolean[0];
    /** Highest from-space page read by each destination page. */
    int[] srcLimit = new int[0];
    /** Lowest destination page that reads each from-space page (Integer.MAX_VALUE: none). */
    int[] lowestReader = new int[0];

    Plan(Marker marks, VmBinding vm) {
        this.marks = marks;
        this.vm = vm;
        this.chunkBase = new int[marks.live.length];
    }

    void compute(long top, int densePercent) {
        oldTop = top;
        oldPages = (int) (pageAlign(top) >>> PAGE_SHIFT);
        densePrefixEnd = densePrefix(densePercent);
        newTop = chunkBases();
        destPages = (int) (pageAlign(newTop) >>> PAGE_SHIFT);
        pageTables();
    }

    /** The new address of a live object (or of any granule inside one). */
    int forward(int ref) {
        if (ref < densePrefixEnd) {
            return ref;
        }
        int g = ref >>> 3;
        int c = g >>> 6;
        return chunkBase[c] + 8 * Long.bitCount(marks.live[c] & ((1L << (g & 63)) - 1));
    }

    private long densePrefix(int densePercent) {
        int threshold = (int) (PAGE_SIZE * densePercent / 100);
        int p = 0;
        while (p < oldPages && marks.pageLive[p] + (p == 0 ? FIRST_OBJECT : 0) >= threshold) {
            p++;
        }
        long end = (long) p << PAGE_SHIFT;
        // No object may straddle the prefix end: extend the prefix over it.
        while (end > 0 && end < oldTop) {
            long last = marks.prevStart(end);
            if (last < 0) {
                break;
            }
            long lastEnd = last + vm.objectSize(last);
            if (lastEnd <= end) {
                break;
            }
            end = pageAlign(lastEnd);
        }
        return Math.min(end, pageAlign(oldTop));
    }

    /** Computes the chunk bases above the prefix; returns the new top. */
    private long chunkBases() {
        long slideStart = Math.max(densePrefixEnd, FIRST_OBJECT);
        long free = slideStart;
        int chunks = (int) ((oldTop + (1 << CHUNK_SHIFT) - 1) >>> CHUNK_SHIFT);
        for (int c = (int) (densePrefixEnd >>> CHUNK_SHIFT); c < chunks; c++) {
            long bits = marks.live[c];
            if (bits == 0) {
                chunkBase[c] = (int) free;
                continue;
            }
            int g = Long.numberOfTrailingZeros(bits);
            long obj = ((long) c << CHUNK_SHIFT) + ((long) g << 3);
            if (marks.isStart(obj) && vm.objectSize(obj) >= LARGE_OBJECT_BYTES) {
                free = pageAlign(free);
            }
            chunkBase[c] = (int) free;
            free += 8L * Long.bitCount(bits);
        }
        // Nothing slid: the heap ends with the prefix's last live object, not with its trailing dead gap.
        return free == slideStart ? Math.max(FIRST_OBJECT, prefixLiveEnd()) : free;
    }

    /** End of the last live object of the prefix (-1 if the prefix is empty). */
    private long prefixLiveEnd() {
        if (densePrefixEnd == 0) {
            return -1;
        }
        long last = marks.prevStart(densePrefixEnd);
        return last < 0 ? FIRST_OBJECT : last + vm.objectSize(last);
    }

    private void pageTables() {
        if (firstSrc.length < destPages) {
            int n = Math.max(destPages, firstSrc.length * 2);
            firstSrc = new int[n];
            headClass = new int[n];
            headLength = new int[n];
            startsWithGap = new boolean[n];
            srcLimit = new int[n];
        }
        if (lowestReader.length < oldPages) {
            lowestReader = new int[Math.max(oldPages, lowestReader.length * 2)];
        }
        Arrays.fill(firstSrc, 0, destPages, -1);
        Arrays.fill(srcLimit, 0, destPages, -1);
        Arrays.fill(startsWithGap, 0, destPages, false);
        Arrays.fill(lowestReader, 0, oldPages, Integer.MAX_VALUE);
        HeapAccess mem = vm.heap();
        long prevEnd = FIRST_OBJECT;
        for (long obj = marks.nextStart(FIRST_OBJECT, oldTop); obj >= 0; ) {
            long size = vm.objectSize(obj);
            long dest = forward((int) obj);
            int firstPage = (int) (dest >>> PAGE_SHIFT);
            int lastPage = (int) ((dest + size - 1) >>> PAGE_SHIFT);
            for (int p = firstPage; p <= lastPage; p++) {
                if (firstSrc[p] < 0) {
                    firstSrc[p] = (int) obj;
                    headClass[p] = vm.classId(mem, obj);
                    headLength[p] = vm.elementSize(headClass[p]) != 0 ? mem.getInt(obj + ARRAY_LENGTH_OFFSET) : 0;
                    if (dest > ((long) p << PAGE_SHIFT) && prevEnd == ((long) p << PAGE_SHIFT)) {
                        startsWithGap[p] = true;
                    }
                }
                long lastDestByte = Math.min(dest + size, ((long) p + 1) << PAGE_SHIFT) - 1;
                int readPage = (int) ((obj + (lastDestByte - dest)) >>> PAGE_SHIFT);
                srcLimit[p] = Math.max(srcLimit[p], readPage);
                int firstRead = (int) ((obj + Math.max(0, ((long) p << PAGE_SHIFT) - dest)) >>> PAGE_SHIFT);
                for (int f = firstRead; f <= readPage; f++) {
                    lowestReader[f] = Math.min(lowestReader[f], p);
                }
            }
            prevEnd = dest + size;
            obj = marks.nextStart(obj + size, oldTop);
        }
        if (prevEnd != newTop) {
            throw new IllegalStateException("uffd-gc plan: objects end at " + prevEnd + ", planned top " + newTop);
        }
    }

    /** Size of an object given its class id and (for arrays) length. */
    long sizeOf(int classId, int length, HeapAccess view, long obj) {
        if (classId == FILLER_CLASS_ID) {
            return view.getInt(obj + HASH_OFFSET);
        }
        int elem = vm.elementSize(classId);
        return elem != 0 ? arraySize(length, elem) : vm.objectSize(view, obj);
    }
}
