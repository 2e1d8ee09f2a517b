package dev.uffdgc.agent.obs;

import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.compact.CycleStats;
import dev.uffdgc.agent.compact.PauseParts;
import dev.uffdgc.agent.toolkit.RunLengths;
import dev.uffdgc.kernel.Memory;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * The GC log of the concurrent compactor in HotSpot's unified-logging shape (as toyvm's built-in collector
 * writes it, and as Shenandoah names its phases, so GCViewer reads it):
 * <pre>
 * [1.234s][info][gc] GC(3) Pause Init Mark (Allocation Failure) 0.112ms     (safepoint request to resume)
 * [1.239s][info][gc] GC(3) Concurrent Mark 4.900ms                           (marker thread)
 * [1.239s][info][gc] GC(3) Pause Final Mark (Allocation Failure) 0.090ms    (SATB drain)
 * [1.244s][info][gc] GC(3) Pause Relocate Start (Allocation Failure) 0.512ms (plan tail, flip, roots; ZGC's name)
 * [1.250s][info][gc] GC(3) Concurrent evacuation 12M->3M(16M) 5.123ms
 * [1.250s][info][gc,uffd] GC(3) init mark pause 0.112ms ... concurrent plan 4.2ms; flip pause 0.512ms ... pages 812: moved 800 ...
 * [1.250s][info][gc,uffd] GC(3) mapped 3248K: moved 3200K (PMD 0K, PTE runs 3196K, single pages 4K) copied 48K; ioctls 9 ...; lone pages 1: ...
 * </pre>
 */
public final class GcLogWriter implements CompactorListener {
    private static final long M = 1L << 20;
    private final BiConsumer<String, String> sink;
    private final long capacity;

    private GcLogWriter(BiConsumer<String, String> sink, long capacity) {
        this.sink = sink;
        this.capacity = capacity;
    }

    /** Lines through toyvm's own GC log ({@code line(tags, message)}), so they interleave with the VM's. */
    public static GcLogWriter through(BiConsumer<String, String> vmLog, long capacity) {
        return new GcLogWriter(vmLog, capacity);
    }

    /** Lines to a file ("-": stdout), decorated with the uptime from {@code uptimeNanos}. */
    public static GcLogWriter toFile(String target, LongSupplier uptimeNanos, long capacity) {
        PrintStream out;
        if (target.equals("-")) {
            out = System.out;
        } else {
            try {
                out = new PrintStream(new FileOutputStream(target), true, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("uffd-gc: cannot open the GC log " + target + ": " + e.getMessage(), e);
            }
        }
        PrintStream o = out;
        return new GcLogWriter((tags, msg) -> o.println(String.format(Locale.ROOT, "[%.3fs][info][%s] %s",
                uptimeNanos.getAsLong() / 1e9, tags, msg)), capacity);
    }

    @Override
    public void initMarked(int id, String cause, long pauseNanos, long timeToSafepointNanos) {
        sink.accept("gc", String.format(Locale.ROOT, "GC(%d) Pause Init Mark (%s) %.3fms", id, cause, pauseNanos / 1e6));
    }

    @Override
    public void finalMarked(int id, String cause, long pauseNanos, long timeToSafepointNanos, long markNanos) {
        sink.accept("gc", String.format(Locale.ROOT, "GC(%d) Concurrent Mark %.3fms", id, markNanos / 1e6));
        sink.accept("gc", String.format(Locale.ROOT, "GC(%d) Pause Final Mark (%s) %.3fms", id, cause, pauseNanos / 1e6));
    }

    @Override
    public void paused(int id, String cause, CycleStats s) {
        sink.accept("gc", String.format(Locale.ROOT, "GC(%d) Pause Relocate Start (%s) %.3fms", id, cause, s.pauseNanos / 1e6));
    }

    @Override
    public void finished(int id, String cause, CycleStats s) {
        sink.accept("gc", String.format(Locale.ROOT, "GC(%d) Concurrent evacuation %dM->%dM(%dM) %.3fms", id,
                s.usedBefore / M, s.usedAfter / M, capacity / M, s.concurrentNanos / 1e6));
        sink.accept("gc,uffd", phases(id, s));
        sink.accept("gc,uffd", mapping(id, s));
        sink.accept("gc,uffd", pauseParts(id, s));
    }

    /**
     * Where each pause of the cycle went, in ms, summing to the pause (safepoint request to resume):
     * <pre>
     * GC(3) pause parts: init mark 0.112ms = ttsp 0.020 + roots 0.050 + ... + resume 0.010; final mark ...; relocate start ...
     * </pre>
     */
    static String pauseParts(int id, CycleStats s) {
        return "GC(" + id + ") pause parts: init mark "
                + PauseParts.format(PauseParts.INIT_MARK, s.initMarkParts, s.initMarkPauseNanos, s.initMarkTtspNanos)
                + "; final mark "
                + PauseParts.format(PauseParts.FINAL_MARK, s.finalMarkParts, s.finalMarkPauseNanos, s.finalMarkTtspNanos)
                + "; relocate start "
                + PauseParts.format(PauseParts.RELOCATE_START, s.relocateStartParts, s.pauseNanos, s.timeToSafepointNanos);
    }

    /**
     * What the cycle's mapping cost the kernel, in one line: bytes by how they were mapped, ioctls, the TLB-flushing
     * ones (every MOVE), the machine's TLB shootdowns over the cycle, and per run length (pages per ioctl) the ioctls
     * and their time per page — to read beside bench kernel's C floor of the same run length:
     * <pre>
     * GC(3) mapped 812K: moved 800K (PMD 0K, PTE runs 796K, single pages 4K) copied 12K; ioctls 9 (MOVE, TLB-flushing, 6; failed 0); TLB shootdowns 31 (machine-wide); runs MOVE 1:1 64-511:5 (ns/page 1:8123 64-511:412) COPY 1:3 (ns/page 1:6500); lone pages 1: run-of-1 0 spare 0 in-place 0 slid 0 mutator 1 fault 0 helper 0
     * </pre>
     */
    static String mapping(int id, CycleStats s) {
        long mapped = s.pmdBytes() + s.pteRunBytes() + s.singlePageBytes() + s.copiedBytes();
        return String.format(Locale.ROOT, "GC(%d) mapped %dK: moved %dK (PMD %dK, PTE runs %dK, single pages %dK)"
                        + " copied %dK%s; ioctls %d (MOVE, TLB-flushing, %d; failed %d); TLB shootdowns %s"
                        + " (machine-wide); runs MOVE %s COPY %s",
                id, mapped >> 10, (mapped - s.copiedBytes()) >> 10, s.pmdBytes() >> 10, s.pteRunBytes() >> 10,
                s.singlePageBytes() >> 10, s.copiedBytes() >> 10,
                s.directPages.sum() == 0 ? "" : " (" + ((s.directPages.sum() * Memory.PAGE_SIZE) >> 10) + "K directly, no ioctl)",
                s.ioctls.sum(), s.moveIoctls.sum(), s.failedIoctls.sum(),
                s.tlbShootdowns < 0 ? "n/a" : Long.toString(s.tlbShootdowns), runs(s.moveRuns), runs(s.copyRuns))
                + lone(s);
    }

    /**
     * "; lone pages 7: run-of-1 1 spare 2 in-place 0 slid 0 mutator 4 fault 0 helper 0" — under MOVE, the pages that
     * went to the kernel alone, by origin ({@link CycleStats#lonePages}); empty when there were none.
     */
    static String lone(CycleStats s) {
        long total = s.lonePages();
        if (total == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder("; lone pages ").append(total).append(':');
        for (int i = 0; i < CycleStats.LONE_NAMES.length; i++) {
            b.append(' ').append(CycleStats.LONE_NAMES[i]).append(' ').append(s.lonePages[i].sum());
        }
        return b.toString();
    }

    /** "1:3 16-63:40 (ns/page 1:8123 16-63:2900)", or "none". */
    static String runs(RunLengths r) {
        if (r.ioctls() == 0) {
            return "none";
        }
        StringBuilder perPage = new StringBuilder();
        for (int b = 0; b < RunLengths.LOW.length; b++) {
            if (r.pages(b) > 0) {
                perPage.append(perPage.isEmpty() ? "" : " ").append(RunLengths.NAMES[b]).append(':')
                        .append(r.nanos(b) / r.pages(b));
            }
        }
        return r.histogram() + " (ns/page " + perPage + ")";
    }

    static String phases(int id, CycleStats s) {
        return String.format(Locale.ROOT, "GC(%d) init mark pause %.3fms (time to safepoint %.3fms) concurrent mark"
                        + " %.3fms (cpu %.3fms, SATB %d, black %dK) mark stall %.3fms pacing stall %.3fms; final mark pause %.3fms"
                        + " (time to safepoint %.3fms) drain %.3fms; concurrent plan %.3fms (dead regions released %dK); flip pause %.3fms (time to"
                        + " safepoint %.3fms) plan tail %.3fms (%dK)"
                        + " flip %.3fms concurrent %.3fms finish %.3fms;"
                        + " pages %d: moved %d (in place %d, spare %d, slid unread %d) copied %d (fallback %d) by"
                        + " mutators %d; dense prefix %dK; faults %d; mutator stalls %d (%.3fms); reclaimed %dK (live %dK);"
                        + " compaction cpu %.3fms (plan %.3fms flip %.3fms build+map %.3fms finish %.3fms)%s",
                id, s.initMarkPauseNanos / 1e6, s.initMarkTtspNanos / 1e6, s.concurrentMarkNanos / 1e6, s.concurrentMarkCpuNanos / 1e6, s.satbEntries,
                s.allocatedDuringMark >> 10, s.markStallNanos / 1e6, s.pacingStallNanos / 1e6,
                s.finalMarkPauseNanos / 1e6, s.finalMarkTtspNanos / 1e6, s.markNanos / 1e6, s.planNanos / 1e6, s.deadRegionBytes >> 10,
                s.pauseNanos / 1e6, s.timeToSafepointNanos / 1e6, s.tailNanos / 1e6, s.allocatedDuringPlan >> 10,
                s.flipNanos / 1e6, s.concurrentNanos / 1e6,
                s.finishNanos / 1e6, s.destPages, s.pagesMoved.sum(), s.pagesInPlace.sum(), s.pagesSpare.sum(),
                s.pagesSlid.sum(), s.pagesCopied.sum(), s.fallbackCopies.sum(), s.pagesBuiltByMutator.sum(), s.densePrefixBytes >> 10,
                s.faults.sum(), s.mutatorStalls.sum(), s.mutatorStallNanos.sum() / 1e6,
                (s.usedBefore - s.usedAfter) >> 10, s.liveBytes >> 10, s.compactionCpuNanos() / 1e6,
                s.planCpuNanos / 1e6, s.flipCpuNanos / 1e6, s.buildMapCpuNanos.sum() / 1e6, s.finishCpuNanos / 1e6,
                s.emergency ? "; EMERGENCY (direct copies)" : "");
    }

    @Override
    public void stalled(int id, int page, long nanos, boolean userfault) {
    }

    @Override
    public void note(String message) {
        sink.accept("gc", message);
    }
}
