package dev.uffdgc.agent.compact;

import static dev.uffdgc.toyvm.heap.ObjectLayout.*;

import dev.uffdgc.toyvm.gc.toolkit.Forwarding;
import dev.uffdgc.toyvm.gc.toolkit.MarkBitmap;
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
    private final MarkBitmap bits;
    private final VmBinding vm;
    final Forwarding forwarding;
    long densePrefixEnd;
    long oldTop;
    long newTop;
    int destPages;
    int oldPages;
    // Sized for the whole heap once: the plan is extended inside the flip pause, which must not allocate.
    final int[] firstSrc;
    final int[] headClass;
    final int[] headLength;
    final boolean[] startsWithGap;
    /** Highest from-space page read by each destination page. */
    final int[] srcLimit;
    /** Lowest destination page that reads each from-space page (Integer.MAX_VALUE: none). */
    final int[] lowestReader;

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
    }

    void compute(long top, int densePercent) {
        oldTop = top;
        oldPages = (int) (pageAlign(top) >>> PAGE_SHIFT);
        densePrefixEnd = densePrefix(densePercent);
        newTop = forwarding.plan(top, densePrefixEnd, null);
        destPages = (int) (pageAlign(newTop) >>> PAGE_SHIFT);
        clearTables(0, destPages, 0, oldPages);
        tables(bits.nextStart(FIRST_OBJECT, oldTop), FIRST_OBJECT);
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

    /** The new address of a live object (or of any granule inside one). */
    int forward(int ref) {
        return forwarding.forward(ref);
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
            long lastEnd = last + vm.objectSize(last);
            if (lastEnd <= end) {
                break;
            }
            end = pageAlign(lastEnd);
        }
        return Math.min(end, pageAlign(oldTop));
    }

    private void clearTables(int destFrom, int destTo, int oldFrom, int oldTo) {
        Arrays.fill(firstSrc, destFrom, destTo, -1);
        Arrays.fill(srcLimit, destFrom, destTo, -1);
        Arrays.fill(startsWithGap, destFrom, destTo, false);
        Arrays.fill(lowestReader, oldFrom, oldTo, Integer.MAX_VALUE);
    }

    /** The per-page tables for the marked objects from {@code first} (-1: none) to oldTop; prevEnd: where the
     * object before it ends at its destination. */
    private void tables(long first, long prevEnd) {
        HeapAccess mem = vm.heap();
        for (long obj = first; obj >= 0; ) {
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
            obj = bits.nextStart(obj + size, oldTop);
        }
        if (prevEnd != newTop) {
            throw new IllegalStateException("uffd-gc plan: objects end at " + prevEnd + ", planned top " + newTop);
        }
    }
}
