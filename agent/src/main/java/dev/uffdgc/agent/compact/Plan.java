package dev.uffdgc.agent.compact;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.*;

import dev.uffdgc.agent.toolkit.LargeArrays;
import dev.uffdgc.toyvm.gc.toolkit.Forwarding;
import dev.uffdgc.toyvm.gc.toolkit.MarkBitmap;
import static dev.uffdgc.toyvm.gc.toolkit.MarkBitmap.CHUNK_SHIFT;
import static dev.uffdgc.toyvm.gc.toolkit.MarkBitmap.GRANULE_SHIFT;
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
 *
 * <p>Large primitive arrays marked by flag ({@link Marker#arrays}) go to a page boundary by whole pages (the
 * toolkit's {@code Forwarding.PagePlaced}, page-slide's policy), and are sized, classed and measured from the side
 * table, never from their headers. Each destination page that such an array covers whole at its source too (every
 * page but a last one shared with the next objects) records its source page in {@link #slideSrc}: with MOVE that
 * page is moved straight from the from-space and never built (issue 11: a swapped-out array stays swapped out).
 */
final class Plan {
    private final Marker marks;
    private final MarkBitmap bits;
    private final VmBinding vm;
    final Forwarding forwarding;
    long densePrefixEnd;
    long oldTop;
    long newTop;
    int destPages;
    int oldPages;
    // Sized for the whole heap once: the plan is extended inside the flip pause, which must not allocate.
    /** Each destination page's first source object, as a reference (ObjectLayout.ref); 0: none yet. */
    final int[] firstSrc;
    final int[] headClass;
    final int[] headLength;
    final boolean[] startsWithGap;
    /** Highest from-space page read by each destination page. */
    final int[] srcLimit;
    /** Lowest destination page that reads each from-space page (Integer.MAX_VALUE: none). */
    final int[] lowestReader;
    /** Per destination page: the from-space page to MOVE there unbuilt (a large array's page), or -1: build it. */
    final int[] slideSrc;
    /**
     * Per from-space page: wholly inside a dead table array (its padding included), so nobody reads it. It may be
     * swapped out (a cold array that died): with MOVE it is dropped (MADV_DONTNEED, which frees a swap entry
     * without reading it) before it serves as an in-place buffer, instead of being swapped in only to be
     * overwritten. Swap experiment, 256 MiB, move: 313 major faults and pswpin 1746 in the cycle before, all of
     * them on such pages.
     */
    final boolean[] deadArrayPage;
    /** Where the objects allocated since the Init Mark begin after the cycle: the next cycle's table scan starts there. */
    long youngDest;

    Plan(Marker marks, VmBinding vm) {
        this.marks = marks;
        this.bits = marks.bits;
        this.vm = vm;
        this.forwarding = new Forwarding(vm, marks.bits);
        int pages = (int) (pageAlign(vm.end()) >>> PAGE_SHIFT) + 1;
        firstSrc = new int[pages];
        headClass = new int[pages];
        headLength = new int[pages];
        startsWithGap = new boolean[pages];
        srcLimit = new int[pages];
        lowestReader = new int[pages];
        slideSrc = new int[pages];
        deadArrayPage = new boolean[pages];
    }

    void compute(long top, int densePercent) {
        oldTop = top;
        oldPages = (int) (pageAlign(top) >>> PAGE_SHIFT);
        densePrefixEnd = densePrefix(densePercent);
        newTop = forwarding.plan(top, densePrefixEnd, marks.arrays);
        destPages = (int) (pageAlign(newTop) >>> PAGE_SHIFT);
        clearTables(0, destPages, 0, oldPages);
        long prevEnd = prefixTables();
        chunkTables(prevEnd);
        deadArrayPages();
    }

    /**
     * For tests: the sliding part's tables again, from a walk of its objects ({@link #tables}, what the flip pause's
     * {@link #extend} uses), to compare with {@link #chunkTables}.
     */
    void tablesByObjects() {
        clearTables((int) (densePrefixEnd >>> PAGE_SHIFT), destPages, (int) (densePrefixEnd >>> PAGE_SHIFT), oldPages);
        long prevEnd = prefixTables();
        tables(bits.nextStart(Math.max(densePrefixEnd, FIRST_OBJECT), oldTop), prevEnd);
        deadArrayPages();
    }

    /**
     * The sliding part's per-page tables from the bitmap, chunk by chunk, instead of object by object: a 512-byte
     * chunk's live granules lie in one from-space page and land contiguously at [forward(first), + live bytes), so a
     * chunk tells which destination pages read its page without a header read; a head object is found (one select in
     * the chunk's live bits, one prevStart) and read once per destination page. O(chunks + destination pages), where
     * the walk of every object ({@link #tables}) cost a header read, a forward and a nextStart per object: at 8 MiB
     * live (LiveSetChurn 8 1 102, ~350,000 objects) the plan was ~12-16 ms of CPU per cycle, a third of the marker
     * thread's time (JFR CPU-time sampler: Plan.tables 27% of its samples), while the mutator that needs memory waits.
     * Table arrays (flag-marked, never read) are placed as {@link #tables} places them.
     */
    private void chunkTables(long prevEnd) {
        HeapAccess mem = vm.heap();
        LargeArrays table = marks.arrays.table();
        long destEnd = prevEnd;
        int chunks = MarkBitmap.chunks(oldTop);
        for (int c = (int) (Math.max(densePrefixEnd, FIRST_OBJECT) >>> CHUNK_SHIFT); c < chunks; c++) {
            long chunk = (long) c << CHUNK_SHIFT;
            long live = bits.liveBits(c);
            if (live == 0) {
                if (bits.isFlagOnly(chunk)) { // a table array (it starts a page, so a chunk): as one object
                    int array = marks.arrays.index(chunk);
                    destEnd = arrayTables(array, chunk, forward(chunk), destEnd, table);
                }
                continue;
            }
            long d0 = forwarding.chunkBase(c); // where its first live granule goes: nothing live below it in the chunk
            long d1 = d0 + ((long) Long.bitCount(live) << GRANULE_SHIFT);
            int srcPage = (int) (chunk >>> PAGE_SHIFT);
            for (int p = (int) (d0 >>> PAGE_SHIFT), last = (int) ((d1 - 1) >>> PAGE_SHIFT); p <= last; p++) {
                long pageStart = (long) p << PAGE_SHIFT;
                if (firstSrc[p] == 0) {
                    // The page's first live byte: granule k of the chunk's live ones; its object is the page's head.
                    int k = (int) ((Math.max(d0, pageStart) - d0) >>> GRANULE_SHIFT);
                    long granule = chunk + ((long) select(live, k) << GRANULE_SHIFT);
                    long head = bits.prevStart(granule + (1 << GRANULE_SHIFT));
                    firstSrc[p] = ObjectLayout.ref(head);
                    headClass[p] = vm.classId(mem, head);
                    headLength[p] = vm.elementSize(headClass[p]) != 0 ? mem.getInt(head + ARRAY_LENGTH_OFFSET) : 0;
                    startsWithGap[p] = d0 > pageStart && destEnd == pageStart;
                }
                srcLimit[p] = Math.max(srcLimit[p], srcPage);
                lowestReader[srcPage] = Math.min(lowestReader[srcPage], p);
            }
            destEnd = d1;
        }
        if (destEnd != newTop) {
            throw new IllegalStateException("uffd-gc plan: chunks end at " + destEnd + ", planned top " + newTop);
        }
    }

    /**
     * The index of the k-th (from 0) set bit of {@code bits}: bit k deposited into the set bits (PDEP where the CPU
     * has BMI2, which C2 uses for Long.expand) instead of clearing k bits one by one (up to 63 steps per page).
     */
    private static int select(long bits, int k) {
        return Long.numberOfTrailingZeros(Long.expand(1L << k, bits));
    }

    /**
     * The per-page tables of the dense prefix, page by page: its objects stay, so page p's head is the object that
     * covers the page's start or else its first object, and page p reads from-space page p alone. O(prefix pages),
     * one header read each, where {@link #tables} costs O(objects): trees (ParallelBinaryTrees 15 1, -Xmx16m), whose
     * live data is all prefix after GC(0), spent ~3.5 ms CPU per cycle planning against stw's 0.15. Returns where
     * the prefix's last object ends, padding included (what {@link #tables} goes on from).
     */
    private long prefixTables() {
        HeapAccess mem = vm.heap();
        LargeArrays table = marks.arrays.table();
        int pages = (int) (densePrefixEnd >>> PAGE_SHIFT);
        long last = -1;
        long lastEnd = FIRST_OBJECT;
        for (int p = 0; p < pages; p++) {
            long pageStart = (long) p << PAGE_SHIFT;
            long pageEnd = pageStart + PAGE_SIZE;
            long head = last >= 0 && lastEnd > pageStart ? last : bits.nextStart(pageStart, pageEnd);
            if (head >= 0) {
                int array = bits.isLive(head) ? -1 : marks.arrays.index(head);
                firstSrc[p] = ObjectLayout.ref(head);
                headClass[p] = array >= 0 ? table.classId(array) : vm.classId(mem, head);
                headLength[p] = array >= 0 ? table.length(array)
                        : vm.elementSize(headClass[p]) != 0 ? mem.getInt(head + ARRAY_LENGTH_OFFSET) : 0;
                startsWithGap[p] = p > 0 && head > pageStart && lastEnd == pageStart;
                srcLimit[p] = p;
                lowestReader[p] = p;
            }
            long l = bits.prevStart(pageEnd);
            if (l >= pageStart || (l >= 0 && l != last)) {
                last = l;
                lastEnd = placedEnd(l);
            }
        }
        for (int i = 0; i < table.count(); i++) { // the prefix's large arrays stay, and move unread (MOVE)
            long start = table.start(i);
            if (start < densePrefixEnd && bits.isFlagOnly(start)) {
                slidePages(i, start, (int) (start >>> PAGE_SHIFT), (int) ((start + table.size(i) - 1) >>> PAGE_SHIFT));
            }
        }
        return lastEnd;
    }

    /** Where a marked object that does not move ends: a table array the plan pads takes whole pages. */
    private long placedEnd(long obj) {
        if (bits.isLive(obj)) {
            return obj + vm.objectSize(obj);
        }
        int array = marks.arrays.index(obj);
        long size = marks.arrays.table().size(array);
        return obj + (marks.arrays.paddedNow(array) ? pageAlign(size) : size);
    }

    /** {@link #deadArrayPage} from the table's live flags: O(table arrays + their pages). */
    private void deadArrayPages() {
        LargeArrays table = marks.arrays.table();
        for (int i = 0; i < table.count(); i++) {
            long start = table.start(i);
            if (marks.arrays.live(i) || start >= oldTop) {
                continue;
            }
            long end = table.padded(i) ? pageAlign(start + table.size(i)) : start + table.size(i);
            Arrays.fill(deadArrayPage, (int) (start >>> PAGE_SHIFT), (int) (end >>> PAGE_SHIFT), true);
        }
    }

    /**
     * Extends the plan over [oldTop, top): objects allocated after {@link #compute} (a concurrent plan), marked
     * since, slide on after the planned ones. Costs those objects only (the flip pause calls it).
     */
    void extend(long top) {
        if (top <= oldTop) {
            return;
        }
        long planTop = oldTop;
        int planDest = destPages;
        int planOld = oldPages;
        long prevEnd = newTop;
        newTop = forwarding.extend(planTop, top);
        oldTop = top;
        oldPages = (int) (pageAlign(top) >>> PAGE_SHIFT);
        destPages = (int) (pageAlign(newTop) >>> PAGE_SHIFT);
        clearTables(planDest, destPages, planOld, oldPages);
        tables(bits.nextStart(planTop, top), prevEnd);
    }

    /** In the flip pause, once the plan is complete: where the black objects (allocated since Init Mark) land. */
    void noteYoung(long markStartTop) {
        long first = bits.nextStart(markStartTop, oldTop);
        youngDest = first < 0 ? newTop : forward(first);
    }

    /** A marked object's size: a table array's from the table (its header is not read), else from its header. */
    private long sizeOf(long obj) {
        return bits.isFlagOnly(obj) ? marks.arrays.size(obj) : vm.objectSize(obj);
    }

    /** The new address of a live object (or of any granule inside one). */
    int forward(int ref) {
        return forwarding.forward(ref);
    }

    /** Destination page p's first source object (its byte offset), or -1 if none. */
    long firstSource(int p) {
        int ref = firstSrc[p];
        return ref == 0 ? -1 : ObjectLayout.offset(ref);
    }

    /** {@link #forward(int)} on byte offsets. */
    long forward(long obj) {
        return forwarding.forward(obj);
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
            long last = bits.prevStart(end);
            if (last < 0) {
                break;
            }
            long lastEnd = last + sizeOf(last);
            if (lastEnd <= end) {
                break;
            }
            end = pageAlign(lastEnd);
        }
        return Math.min(end, pageAlign(oldTop));
    }

    /**
     * The pages of table array {@code i} (source {@code obj}, page-aligned; destination pages [firstPage, lastPage])
     * that move whole: every page the array fills at its source, and its last page too when the rest of it is the
     * array's padding filler and stays so (the filler moves along; the plan keeps the next object off that page).
     */
    private void slidePages(int i, long obj, int firstPage, int lastPage) {
        LargeArrays table = marks.arrays.table();
        long size = table.size(i);
        int srcPage = (int) (obj >>> PAGE_SHIFT);
        for (int p = firstPage; p <= lastPage; p++) {
            long pageEndInArray = ((long) (p - firstPage) + 1) << PAGE_SHIFT;
            // Not a page that reaches above the new top: that part must read as zero for the allocator (built).
            boolean belowTop = ((long) p + 1) << PAGE_SHIFT <= newTop;
            // The last page moves whole only if the padding filler after the array is there and stays (the array
            // does not move, or the plan pads it further): else it holds the next objects at the destination.
            boolean paddedPage = table.padded(i) && marks.arrays.paddedNow(i);
            if (belowTop && (pageEndInArray <= size || paddedPage)) {
                slideSrc[p] = srcPage + (p - firstPage);
            }
        }
    }

    private void clearTables(int destFrom, int destTo, int oldFrom, int oldTo) {
        Arrays.fill(firstSrc, destFrom, destTo, 0); // 0: none (a reference, and above 16 GiB a reference is negative)
        Arrays.fill(srcLimit, destFrom, destTo, -1);
        Arrays.fill(startsWithGap, destFrom, destTo, false);
        Arrays.fill(slideSrc, destFrom, destTo, -1);
        Arrays.fill(lowestReader, oldFrom, oldTo, Integer.MAX_VALUE);
        Arrays.fill(deadArrayPage, oldFrom, oldTo, false);
    }

    /** Table array {@code array} at {@code obj}, placed at {@code dest}: its pages' tables; returns where it ends. */
    private long arrayTables(int array, long obj, long dest, long prevEnd, LargeArrays table) {
        long size = table.size(array);
        slidePages(array, obj, (int) (dest >>> PAGE_SHIFT), (int) ((dest + size - 1) >>> PAGE_SHIFT));
        pageTables(obj, size, dest, prevEnd, table.classId(array), table.length(array));
        // A table array the plan pads (ArrayPlacement.place) takes whole pages: the next object starts a page.
        return dest + (marks.arrays.paddedNow(array) ? pageAlign(size) : size);
    }

    private void objectTables(long obj, long size, long dest, long prevEnd, int classId, HeapAccess mem) {
        pageTables(obj, size, dest, prevEnd, classId, vm.elementSize(classId) != 0 ? mem.getInt(obj + ARRAY_LENGTH_OFFSET) : 0);
    }

    /** One object's part of the tables of the destination pages it covers. */
    private void pageTables(long obj, long size, long dest, long prevEnd, int classId, int length) {
        for (int p = (int) (dest >>> PAGE_SHIFT), lastPage = (int) ((dest + size - 1) >>> PAGE_SHIFT); p <= lastPage; p++) {
            if (firstSrc[p] == 0) {
                firstSrc[p] = ObjectLayout.ref(obj);
                headClass[p] = classId;
                headLength[p] = length;
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
    }

    /** The per-page tables for the marked objects from {@code first} (-1: none) to oldTop; prevEnd: where the
     * object before it ends at its destination. */
    private void tables(long first, long prevEnd) {
        HeapAccess mem = vm.heap();
        LargeArrays table = marks.arrays.table();
        for (long obj = first; obj >= 0; ) {
            int array = bits.isFlagOnly(obj) ? marks.arrays.index(obj) : -1;
            long size = array >= 0 ? table.size(array) : vm.objectSize(obj);
            long dest = forward(obj);
            if (array >= 0) {
                prevEnd = arrayTables(array, obj, dest, prevEnd, table);
            } else {
                objectTables(obj, size, dest, prevEnd, vm.classId(mem, obj), mem);
                prevEnd = dest + size;
            }
            obj = bits.nextStart(obj + size, oldTop);
        }
        if (prevEnd != newTop) {
            throw new IllegalStateException("uffd-gc plan: objects end at " + prevEnd + ", planned top " + newTop);
        }
    }
}
