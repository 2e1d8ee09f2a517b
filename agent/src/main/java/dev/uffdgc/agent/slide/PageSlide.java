package dev.uffdgc.agent.slide;

import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SIZE;
import static dev.uffdgc.toyvm.heap.ObjectLayout.pageAlign;

import dev.uffdgc.agent.toolkit.ArrayPlacement;
import dev.uffdgc.agent.toolkit.LargeArrays;
import dev.uffdgc.toyvm.gc.StopTheWorldCollector;
import dev.uffdgc.toyvm.gc.toolkit.Forwarding;
import dev.uffdgc.toyvm.gc.toolkit.MarkBitmap;
import dev.uffdgc.toyvm.gc.toolkit.Tracer;
import dev.uffdgc.toyvm.seam.VmBinding;

/**
 * Page-level slide compaction (issue 6): a mode of the collector toolkit (gc/toolkit: the same marking, forwarding
 * and cycle template as the built-in collector, plus {@link ArrayPlacement} for the table arrays and the agent
 * toolkit's page mapper): a stop-the-world sliding compactor that moves large primitive arrays
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
public final class PageSlide extends StopTheWorldCollector {
    private final SlideBackend backend;
    private final LargeArrays table;
    private final MarkBitmap bits;
    private final Tracer tracer;
    private final Forwarding forwarding;
    private final ArrayPlacement arrays;
    private final PageOps ops;
    private SlideStats last;
    private long tailReads;

    public PageSlide(VmBinding vm, SlideBackend backend) {
        super(vm);
        this.backend = backend;
        this.table = new LargeArrays(vm);
        this.bits = new MarkBitmap(vm.end());
        this.tracer = Tracer.weak(vm, bits);
        this.forwarding = new Forwarding(vm, bits);
        this.arrays = new ArrayPlacement(table);
        this.ops = new PageOps(vm.rawHeap().region(), backend);
    }

    /** The last cycle's figures, or null before the first. */
    public SlideStats lastStats() {
        return last;
    }

    @Override
    protected String cycleName() {
        return "page-slide " + super.cycleName();
    }

    @Override
    protected void logDetails(int id) {
        vm.log().line("gc,phases", "GC(" + id + ") " + last.summary());
    }

    @Override
    protected void compact(long oldTop) {
        long t0 = System.nanoTime();
        long young = table.scanYoung(oldTop);
        arrays.reset();
        tracer.trace(oldTop, arrays);
        if (tracer.references().process(bits, oldTop) > 0) {
            graphChangedOnPurpose();
        }
        long t1 = System.nanoTime();
        long newTop = forwarding.plan(oldTop, 0, arrays);
        long t2 = System.nanoTime();
        forwarding.updateReferences(oldTop);
        long t3 = System.nanoTime();
        tailReads = 0;
        ops.begin(pageAlign(oldTop) / PAGE_SIZE);
        try {
            forwarding.relocate(oldTop, relocation);
            ops.clearAbove(newTop, oldTop);
        } finally {
            ops.end();
        }
        long t4 = System.nanoTime();
        int live = arrays.liveCount();
        int dead = table.count() - live;
        arrays.updateTable(newTop);
        vm.setTop(newTop);
        last = new SlideStats(backend, oldTop, newTop, tracer.liveBytes(), arrays.liveBytes(), live, dead, young,
                t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0,
                t4 - t3 - ops.ioctlNanos - ops.madviseNanos - ops.zeroFillNanos - ops.pagemapNanos - ops.registerNanos,
                ops.ioctlNanos, ops.madviseNanos, ops.zeroFillNanos, ops.pagemapNanos,
                ops.registerNanos, ops.pagesMoved, ops.pagesCopied, ops.ioctls, ops.pagesDropped,
                ops.pagesZeroFilled, ops.smallBytesMoved, tailReads);
    }

    /** Every live object to its planned place, in address order, through the page operations; fillers in the gaps. */
    private final Forwarding.Mover relocation = new Forwarding.Mover() {
        @Override
        public void gap(long at, long bytes, long next) {
            ops.ensureWritable(at, Math.min(bytes, 8), next);
            vm.writeFiller(at, bytes);
        }

        @Override
        public long move(long obj, long dest, long size) {
            int i = arrays.index(obj);
            return i >= 0 && bits.isFlagOnly(obj) ? relocateArray(i, obj, dest, size) : relocateSmall(obj, dest, size);
        }
    };

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
    private long relocateArray(int i, long obj, long dest, long size) {
        long pages = pageAlign(size) / PAGE_SIZE;
        if (dest == obj) {
            long taken = arrays.paddedNow(i) ? pages * PAGE_SIZE : size;
            ops.claim(obj, taken);
            return dest + taken;
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
            tailReads++;
        }
        return dest + pages * PAGE_SIZE;
    }

    /** Releases the userfaultfd and the pagemap handle. */
    public void close() {
        ops.close();
    }
}
