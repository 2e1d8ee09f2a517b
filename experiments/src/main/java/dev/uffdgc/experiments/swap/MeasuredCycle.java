package dev.uffdgc.experiments.swap;

import dev.uffdgc.agent.compact.CycleStats;
import dev.uffdgc.agent.slide.PageSlide;
import dev.uffdgc.agent.slide.SlideStats;
import dev.uffdgc.kernel.Rusage;
import dev.uffdgc.kernel.proc.PageCounts;
import dev.uffdgc.kernel.proc.Pagemap;
import dev.uffdgc.kernel.proc.ProcStatus;
import dev.uffdgc.kernel.proc.VmStat;
import dev.uffdgc.agent.UffdCollector;
import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.gc.toolkit.HeapVerifier;
import dev.uffdgc.toyvm.seam.VmBinding;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Wraps the mode's collector in the guest VM. The workload calls System.gc() twice: the first collection
 * settles the heap (the mode's own collector, so its side tables see the heap); before the second, the harness
 * notes the live cold pages, checks the graph hash, pushes the cold pages to swap (scenario "swapped"), and then
 * measures that one collection: pagemap's swapped bit for every heap page before and after, pswpin, major
 * faults, wall and CPU time, RSS and swap, and the collector's own phase breakdown.
 */
final class MeasuredCycle implements Collector {
    private static final int WARMUP_CYCLES = 4;

    private final VmBinding vm;
    private final Collector inner;
    private final CycleRecorder cycles;
    private final boolean evict;
    private final boolean verify;
    private final PrintStream progress;
    private final RunResult result;
    private int systemGcs;

    MeasuredCycle(VmBinding vm, Collector inner, CycleRecorder cycles, boolean evict, boolean verify, PrintStream progress,
                  RunResult result) {
        this.vm = vm;
        this.inner = inner;
        this.cycles = cycles;
        this.evict = evict;
        this.verify = verify;
        this.progress = progress;
        this.result = result;
    }

    @Override
    public int collections() {
        return inner.collections();
    }

    boolean measured() {
        return result.has("wallNanos");
    }

    @Override
    public void collect(Cause cause, long requestBytes) {
        if (cause == Cause.SYSTEM_GC && ++systemGcs == 2) {
            measure(cause, requestBytes);
        } else if (cause == Cause.SYSTEM_GC && systemGcs == 1) {
            // Settle, then warm the collector's code up (JIT) on the settled heap, so that the measured cycle
            // is not the first run of its code in this fresh JVM.
            for (int i = 0; i < WARMUP_CYCLES; i++) {
                inner.collect(cause, requestBytes);
            }
        } else {
            inner.collect(cause, requestBytes);
        }
    }

    private void measure(Cause cause, long requestBytes) {
        if (inner instanceof UffdCollector concurrent) {
            // A warm-up cycle may still be building pages: finish it first, so that it neither reads pages
            // evicted below nor counts in the measured cycle.
            concurrent.quiesce();
        }
        int cyclesBefore = cycles.lastId();
        MemorySegment heap = vm.rawHeap().region();
        MemorySegment used = heap.asSlice(0, (vm.top() + 4095) & -4096L);
        try (Pagemap pagemap = Pagemap.openSelf()) {
            List<ColdPages.Run> all = ColdPages.all(vm);
            List<ColdPages.Run> live = ColdPages.live(vm);
            long hashBefore = verify ? new HeapVerifier(vm).verify("before the measured cycle") : 0;
            long evicted = 0;
            long e0 = System.nanoTime();
            if (evict) {
                progress.printf("  pushing %d cold pages (%d MiB) to swap...%n", ColdPages.pages(all), ColdPages.pages(all) >> 8);
                evicted = ColdPages.evict(heap, all, pagemap, 60_000);
            }
            long evictNanos = System.nanoTime() - e0;
            long liveSwappedBefore = ColdPages.swapped(heap, live, pagemap);
            PageCounts heapBefore = pagemap.counts(used);
            progress.printf("  compacting (%d of %d live cold pages swapped out)...%n", liveSwappedBefore, ColdPages.pages(live));

            VmStat vs0 = VmStat.snapshot();
            Rusage self0 = Rusage.self();
            Rusage thread0 = Rusage.thread();
            long usedBefore = vm.top();
            long t0 = System.nanoTime();
            inner.collect(cause, requestBytes);
            long pause = System.nanoTime() - t0;
            if (inner instanceof UffdCollector concurrent) {
                concurrent.quiesce(); // the cycle goes on in background workers after the flip pause
            }
            long wall = System.nanoTime() - t0;
            Rusage thread = Rusage.thread().minus(thread0);
            Rusage self = Rusage.self().minus(self0);
            VmStat vs = VmStat.snapshot().minus(vs0);
            PageCounts heapAfter = pagemap.counts(used);
            ProcStatus status = ProcStatus.self();

            result.put("usedBefore", usedBefore).put("usedAfter", vm.top())
                    .put("coldPages", ColdPages.pages(all)).put("evictedPages", evicted).put("evictNanos", evictNanos)
                    .put("liveColdPages", ColdPages.pages(live)).put("liveColdSwappedBefore", liveSwappedBefore)
                    .put("heapSwappedBefore", heapBefore.swapped()).put("heapSwappedAfter", heapAfter.swapped())
                    .put("heapPresentBefore", heapBefore.present()).put("heapPresentAfter", heapAfter.present())
                    .put("swappedIn", Math.max(0, liveSwappedBefore - heapAfter.swapped()))
                    .put("pswpin", vs.pswpin()).put("pgmajfault", vs.pgmajfault())
                    .put("majorFaultsThread", thread.majorFaults()).put("majorFaultsProcess", self.majorFaults())
                    .put("minorFaultsThread", thread.minorFaults())
                    .put("wallNanos", wall).put("pauseNanos", pause)
                    // The concurrent compactor works on background threads: count the whole process for it (the guest
                    // is parked in System.gc meanwhile), the calling thread for the stop-the-world modes.
                    .put("threadCpuNanos", inner instanceof UffdCollector
                            ? self.userNanos() + self.systemNanos() : thread.userNanos() + thread.systemNanos())
                    .put("threadSysNanos", thread.systemNanos())
                    .put("processCpuNanos", self.userNanos() + self.systemNanos())
                    .put("rssAfter", status.vmRss()).put("swapAfter", status.vmSwap());
            if (inner instanceof PageSlide slide) {
                phases(slide.lastStats());
            }
            if (inner instanceof UffdCollector && cycles.lastId() != cyclesBefore) {
                pages(cycles.last());
            }
            progress.printf("  done: %.1f ms, %d pages swapped in (pagemap), pswpin %d, major faults %d%n",
                    wall / 1e6, result.num("swappedIn"), vs.pswpin(), thread.majorFaults());
            if (verify) {
                long hashAfter = new HeapVerifier(vm).verify("after the measured cycle");
                result.put("graphIntact", hashAfter == hashBefore);
            } else {
                result.put("graphIntact", "unchecked");
            }
        }
    }

    /**
     * The concurrent compactor's measured cycle: destination pages slid unread from the from-space (a large array's
     * whole pages, MOVE only; issue 11), built (in place or in a spare page: every such page reads its sources),
     * mapped by MOVE, by COPY, and MOVEs that fell back to a COPY (EBUSY/ENOMEM: the source was read).
     */
    private void pages(CycleStats s) {
        result.put("cycleSlidPages", s.pagesSlid.sum()).put("cycleSlidHoles", s.slidHoles.sum())
                .put("cycleBuiltPages", s.pagesInPlace.sum() + s.pagesSpare.sum())
                .put("cycleMovedPages", s.pagesMoved.sum()).put("cycleCopiedPages", s.pagesCopied.sum())
                .put("cycleFallbackCopies", s.fallbackCopies.sum()).put("cycleDeadDropped", s.deadPagesDropped.sum());
    }

    private void phases(SlideStats s) {
        result.put("markNanos", s.markNanos()).put("planNanos", s.planNanos()).put("updateNanos", s.updateNanos())
                .put("relocateNanos", s.relocateNanos()).put("ioctlNanos", s.ioctlNanos())
                .put("madviseNanos", s.madviseNanos()).put("zeroFillNanos", s.zeroFillNanos())
                .put("memmoveNanos", s.memmoveNanos()).put("pagemapNanos", s.pagemapNanos())
                .put("registerNanos", s.registerNanos()).put("pagesMoved", s.pagesMoved())
                .put("pagesCopied", s.pagesCopied()).put("pagesDropped", s.pagesDropped())
                .put("pagesZeroFilled", s.pagesZeroFilled()).put("ioctls", s.ioctls())
                .put("tailPagesRead", s.arrayTailPagesRead()).put("liveArrays", s.liveArrays())
                .put("deadArrays", s.deadArrays());
    }
}
