package dev.uffdgc.agent.slide;

import static dev.uffdgc.toyvm.heap.ObjectLayout.FIRST_OBJECT;
import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SIZE;
import static dev.uffdgc.toyvm.heap.ObjectLayout.pageAlign;

import dev.uffdgc.toyvm.gc.Collector;
import dev.uffdgc.toyvm.gc.toolkit.HeapVerifier;
import dev.uffdgc.toyvm.seam.VmBinding;
import dev.uffdgc.toyvm.heap.HeapAccess;

/**
 * Page-level slide compaction (issue 6): a stop-the-world sliding compactor that moves large primitive arrays
 * as whole pages, by page-multiple deltas, with UFFDIO_MOVE, and never reads them: they are marked and sized
 * from a side table ({@link LargeArrays}), their pages are remapped (a swapped-out page moves as its swap
 * entry and stays out), and the garbage-only pages between them are dropped with MADV_DONTNEED (a swapped-out
 * garbage page is freed without being read). Small objects slide with memmove, as in the built-in collector;
 * they are the hot part of the heap. References into moved arrays are updated where they are (in small
 * objects and roots); an array page holds no references, so no array page is ever touched.
 *
 * <p>The {@link SlideBackend#COPY} backend does the same with UFFDIO_COPY, for comparison: it must read every
 * page it copies.
 *
 * <p>In place, in address order: every destination lies at or below its source, and everything below the
 * object being relocated is already done, so [destination, source) only holds stale data. See {@link PageOps}
 * for why the compacting thread never faults on a page the moves left empty.
 */
public final class PageSlide implements Collector {
    private final VmBinding vm;
    private final HeapAccess mem;
    private final SlideBackend backend;
    private final LargeArrays table;
    private final SlideMarks marks;
    private final PageOps ops;
    private final HeapVerifier verifier;
    private int collections;
    private SlideStats last;

    public PageSlide(VmBinding vm, SlideBackend backend) {
        this.vm = vm;
        this.mem = vm.heap();
        this.backend = backend;
        this.table = new LargeArrays(vm);
        this.marks = new SlideMarks(vm, table);
        this.ops = new PageOps(vm.rawHeap().region(), backend);
        this.verifier = new HeapVerifier(vm);
    }

    @Override
    public int collections() {
        return collections;
    }

    /** The last cycle's figures, or null before the first. */
    public SlideStats lastStats() {
        return last;
    }

    @Override
    public void collect(Cause cause, long requestBytes) {
        vm.stopTheWorld();
        try {
            long t0 = System.nanoTime();
            long before = vm.top();
            long hashBefore = vm.verifying() ? verifier.verify("before page-slide GC(" + collections + ")") : 0;
            last = cycle(before);
            if (vm.verifying()) {
                long hashAfter = verifier.verify("after page-slide GC(" + collections + ")");
                if (hashAfter != hashBefore) {
                    throw new IllegalStateException("page-slide: heap graph changed across GC(" + collections + "): "
                            + Long.toHexString(hashBefore) + " -> " + Long.toHexString(hashAfter));
                }
            }
            vm.log().pause(collections, cause, before, vm.top(), vm.end(), last.totalNanos(), t0);
            vm.log().line("gc,phases", "GC(" + collections + ") " + last.summary());
            collections++;
        } finally {
            vm.resumeTheWorld();
        }
    }

    private SlideStats cycle(long oldTop) {
        long t0 = System.nanoTime();
        long young = table.scanYoung(oldTop);
        marks.mark(oldTop);
        long t1 = System.nanoTime();
        long newTop = marks.plan(oldTop);
        long t2 = System.nanoTime();
        marks.updateReferences(oldTop);
        long t3 = System.nanoTime();
        long[] tailReads = new long[1];
        ops.begin(pageAlign(oldTop) / PAGE_SIZE);
        try {
            relocate(oldTop, newTop, tailReads);
        } finally {
            ops.end();
        }
        long t4 = System.nanoTime();
        int live = 0;
        for (int i = 0; i < table.count(); i++) {
            live += marks.tableLive()[i] ? 1 : 0;
        }
        int dead = table.count() - live;
        table.afterCycle(marks.tableLive(), marks.tableDest(), marks.paddedNow(), newTop);
        vm.setTop(newTop);
        return new SlideStats(backend, oldTop, newTop, marks.liveBytes, marks.liveTableBytes, live, dead, young,
                t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0,
                t4 - t3 - ops.ioctlNanos - ops.madviseNanos - ops.zeroFillNanos - ops.pagemapNanos - ops.registerNanos,
                ops.ioctlNanos, ops.madviseNanos, ops.zeroFillNanos, ops.pagemapNanos,
                ops.registerNanos, ops.pagesMoved, ops.pagesCopied, ops.ioctls, ops.pagesDropped,
                ops.pagesZeroFilled, ops.smallBytesMoved, tailReads[0]);
    }

    /** Moves every live object to its planned place, in address order; fillers in the gaps; clears above. */
    private void relocate(long oldTop, long newTop, long[] tailReads) {
        long end = FIRST_OBJECT;
        for (long obj = marks.nextStart(FIRST_OBJECT, oldTop); obj >= 0; ) {
            int i = table.lookup(obj);
            long size = marks.sizeOf(obj);
            long dest = i >= 0 ? marks.tableDest()[i] : marks.forward((int) obj);
            if (dest > end) {
                filler(end, dest - end, obj);
            }
            end = i >= 0 ? relocateArray(i, obj, dest, size, tailReads) : relocateSmall(obj, dest, size);
            obj = marks.nextStart(obj + size, oldTop);
        }
        if (end != newTop) {
            throw new IllegalStateException("page-slide: relocation ended at " + end + ", planned " + newTop);
        }
        ops.clearAbove(newTop, oldTop);
    }

    private long relocateSmall(long obj, long dest, long size) {
        if (dest != obj) {
            ops.slide(obj, dest, size, obj);
        } else {
            ops.claim(obj, size);
        }
        return dest + size;
    }

    /**
     * A table array: its whole pages go with one MOVE (or COPY) per chunk. When it moves but its last page is
     * shared with the objects after it (a young array), all but that page move, and the tail is copied into a
     * fresh page padded with a filler: the one page of the array this cycle reads, and never again.
     */
    private long relocateArray(int i, long obj, long dest, long size, long[] tailReads) {
        long pages = pageAlign(size) / PAGE_SIZE;
        if (dest == obj) {
            ops.claim(obj, marks.paddedNow()[i] ? pages * PAGE_SIZE : size);
            return dest + (marks.paddedNow()[i] ? pages * PAGE_SIZE : size);
        }
        if (table.padded(i)) {
            ops.placePages(dest, obj, pages);
            return dest + pages * PAGE_SIZE;
        }
        long whole = size / PAGE_SIZE;
        if (whole > 0) {
            ops.placePages(dest, obj, whole);
        }
        long tail = size - whole * PAGE_SIZE;
        if (tail > 0) {
            long from = obj + whole * PAGE_SIZE;
            long to = dest + whole * PAGE_SIZE;
            ops.slide(from, to, tail, from);
            vm.writeFiller(to + tail, PAGE_SIZE - tail);
            tailReads[0]++;
        }
        return dest + pages * PAGE_SIZE;
    }

    private void filler(long at, long bytes, long liveFrom) {
        ops.ensureWritable(at, Math.min(bytes, 8), liveFrom);
        vm.writeFiller(at, bytes);
    }

    /** Releases the userfaultfd and the pagemap handle. */
    public void close() {
        ops.close();
    }
}
