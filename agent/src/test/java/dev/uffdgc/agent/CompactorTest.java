package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uffdgc.agent.compact.Compactor;
import dev.uffdgc.agent.compact.CycleStats;
import dev.uffdgc.agent.obs.Totals;
import dev.uffdgc.agent.toolkit.Accounting;
import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.proc.TlbShootdowns;
import dev.uffdgc.kernel.uapi.Mman;
import dev.uffdgc.toyvm.VmOptions;
import dev.uffdgc.toyvm.gc.synthetic.SyntheticHeap;
import dev.uffdgc.toyvm.gc.toolkit.HeapVerifier;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The concurrent compactor on toyvm's guest programs, verified in every cycle without serialising it (structure and
 * graph hash at each pause; every destination page checked against a shadow copy of the heap as it is built, while
 * mutators run — so they do meet unbuilt pages, which the test asserts), in both backends
 * and with every way of building pages: workers, mutators only (workers=0), native-touch access.
 */
class CompactorTest {
    /**
     * Compressed references under the concurrent compactor: toyvm's guest HighHeap in a 6 GiB heap, whose objects sit
     * above 4.5 GiB (a dead, never touched 4.5 GiB array below them) until the first cycle slides them down, every
     * cycle verified; output equal to HotSpot's, which runs without the pad (it would zero 4.5 GiB; the output does
     * not depend on it).
     */
    @Test
    @Timeout(180)
    void objectsAbove4GiBSurviveVerifiedCycles() {
        AgentRun.Expected expected = AgentRun.hotspot("HighHeap", "0");
        AgentRun run = AgentRun.run(AgentRun.vmOptions("6g"), "mode=move,verify=true", "HighHeap", "4608");
        assertEquals(expected.stdout(), run.stdout(), "stderr:\n" + run.stderr());
        assertEquals(expected.status(), run.status());
        assertFalse(run.collector().compactor().failed(), "a cycle needed the emergency path");
        assertTrue(run.totals().cycles().size() >= 3, "only " + run.totals().cycles().size() + " cycles");
        long first = run.totals().cycles().getFirst().usedBefore;
        assertTrue(first > 4608L << 20, "GC(0) started at " + (first >> 20) + "M, not above 4.5 GiB");
    }

    @ParameterizedTest
    @CsvSource({
        "Allocation, 1m, mode=move", "Allocation, 1m, mode=copy", "Allocation, 2m, 'mode=move,workers=0'",
        "Allocation, 1m, 'mode=move,access=native'", "Allocation, 1m, 'mode=move,batch=1,dense=101'",
        "Allocation, 1m, 'mode=move,single=move,batch=16'",
        "Strings, 1m, mode=move", "Language, 1m, mode=copy", "Calls, 1m, mode=move", "Exceptions, 1m, mode=move",
        "Collections2, 1m, 'mode=move,workers=2,batch=16'"})
    @Timeout(180)
    void guestOutputMatchesHotSpotThroughVerifiedCycles(String mainClass, String heap, String options) {
        AgentRun.Expected expected = AgentRun.hotspot(mainClass);
        VmOptions vm = AgentRun.vmOptions(heap);
        vm.gcStressBytes = mainClass.equals("Allocation") ? 0 : 2 << 10;
        AgentRun run = AgentRun.run(vm, options + ",verify=true", mainClass);
        assertEquals(expected.stdout(), run.stdout(), "stderr:\n" + run.stderr());
        assertEquals(expected.status(), run.status());
        assertTrue(run.totals().cycles().size() >= 3, "only " + run.totals().cycles().size() + " cycles");
        assertFalse(run.collector().compactor().failed(), "a cycle needed the emergency path");
        // Verification no longer builds every page inside the pause (issue 14): mutators met unbuilt pages.
        // Not asserted with two workers: on 2 vCPUs they can build a 1 MiB heap's pages before the one mutator
        // touches any (seen in CI: 0 in 15 cycles); that case is here for the workers' claim races.
        long met = run.totals().sum(s -> s.mutatorStalls.sum() + s.faults.sum());
        assertTrue(met > 0 || options.contains("workers=2"),
                "no mutator met an unbuilt page in " + run.totals().cycles().size() + " verified cycles");
        long mapped = run.totals().sum(s -> s.pagesMoved.sum() + s.pagesCopied.sum());
        assertEquals(run.totals().sum(s -> s.destPages), mapped, "every page mapped exactly once");
        // Issue 11's accounting: each cycle's counters add up (histograms, bytes by class, ioctls that mapped).
        boolean tlbCounted = TlbShootdowns.read() != TlbShootdowns.UNKNOWN;
        for (CycleStats s : run.totals().cycles()) {
            Accounting.check(s, s.destPages, "a cycle of " + options);
            assertTrue(!tlbCounted || s.tlbShootdowns >= 0, "TLB shootdowns " + s.tlbShootdowns);
            // The compaction's CPU time, mark excluded (bench gc's cpu_ms_per_live_mb): every part was measured.
            assertTrue(s.planCpuNanos > 0 && s.flipCpuNanos > 0 && s.finishCpuNanos > 0
                    && (s.destPages == 0 || s.buildMapCpuNanos.sum() > 0), "compaction CPU: plan " + s.planCpuNanos
                    + " flip " + s.flipCpuNanos + " build+map " + s.buildMapCpuNanos.sum() + " finish " + s.finishCpuNanos);
            checkLonePages(s, options);
            if (options.contains("mode=copy")) {
                assertEquals(0, s.moveIoctls.sum(), "COPY issues no TLB-flushing call");
            } else {
                // a cycle can be all short runs, all COPYed (copyrun): then it issued no MOVE
                assertTrue(s.moveIoctls.sum() >= s.moveRuns.ioctls()
                        && (s.destPages == s.pagesCopied.sum() || s.moveIoctls.sum() > 0),
                        s.moveIoctls.sum() + " MOVE ioctls, " + s.moveRuns.ioctls() + " that mapped");
            }
        }
        // The build paths a case claims must have run. (While verify=true checks the heap inside the pause, the
        // verifier's own page touches count here too: see the agent README, "What the tests do not show yet".)
        if (options.contains("workers=0")) {
            long built = run.totals().sum(s -> s.pagesBuiltByMutator.sum());
            assertTrue(built > 0, "no page was built at a page-state check");
            // stallrun (issue 11): a mutator that builds, builds a run from the page it needs up, not that page alone
            long stalls = run.totals().sum(s -> s.mutatorStalls.sum());
            assertTrue(built > stalls, built + " pages built at " + stalls + " mutator stalls");
        }
        if (options.contains("access=native")) {
            assertTrue(run.totals().sum(s -> s.faults.sum()) > 0, "no userfault was served");
        }
        if (options.contains("mode=copy")) {
            assertEquals(0, run.totals().sum(s -> s.pagesMoved.sum()));
        } else if (options.contains("single=move")) {
            assertEquals(0, run.totals().sum(s -> s.pagesCopied.sum()));
        } else { // copyrun=15, the default: runs of 1-15 pages (the lone ones among them) were COPYed, no longer one MOVEd
            assertTrue(run.totals().sum(s -> s.pagesCopied.sum()) > 0, "copyrun=15 COPYed no page");
            for (CycleStats s : run.totals().cycles()) {
                if (s.pagesSlid.sum() == 0 && s.failedIoctls.sum() == 0 && s.partialIoctls.sum() == 0) {
                    assertEquals(0, s.moveRuns.ioctls(0) + s.moveRuns.ioctls(1), "a MOVE of 1-15 pages under"
                            + " copyrun=15: " + s.moveRuns.histogram());
                    // longer COPYs: only runs built at a stall or in spare pages (a worker's recycled run is MOVEd)
                    assertTrue(s.pagesCopied.sum() - s.copyRuns.pages(0) - s.copyRuns.pages(1)
                            <= s.pagesBuiltAtStall.sum() + s.pagesSpare.sum(), "a COPY of more than 15 pages: "
                            + s.copyRuns.histogram() + ", built at a stall " + s.pagesBuiltAtStall.sum() + ", spare "
                            + s.pagesSpare.sum());
                    assertTrue(s.lonePages() <= s.pagesCopied.sum(), s.lonePages() + " lone pages, "
                            + s.pagesCopied.sum() + " copied");
                }
            }
        }
    }

    /**
     * Issue 11's split of the lone pages (one page per ioctl under MOVE) by origin: they add up to the 1-page MOVE
     * ioctls (and, unless single=move, the 1-page COPYs) when no ioctl failed or mapped part of its run (a short count
     * splits a run into ioctls of its own); under COPY
     * there are none; the origins a case forces are there (workers=0: only mutators, the fault handler and helpers
     * build; batch=1: every worker page is a run of one).
     */
    private static void checkLonePages(CycleStats s, String options) {
        String counts = java.util.Arrays.toString(s.lonePages) + ", MOVE runs " + s.moveRuns.histogram()
                + ", COPY runs " + s.copyRuns.histogram();
        if (options.contains("mode=copy")) {
            assertEquals(0, s.lonePages(), "lone pages under COPY: " + counts);
            return;
        }
        if (s.failedIoctls.sum() == 0 && s.partialIoctls.sum() == 0) {
            long oneCopies = options.contains("single=move") ? 0 : s.copyRuns.ioctls(0);
            assertEquals(s.moveRuns.ioctls(0) + oneCopies, s.lonePages(), "lone pages by origin: " + counts);
        }
        if (options.contains("workers=0")) {
            for (int w = CycleStats.LONE_RUN_OF_ONE; w <= CycleStats.LONE_SLID; w++) {
                assertEquals(0, s.lonePages[w].sum(), "a worker's lone page without workers: " + counts);
            }
        }
        if (java.util.List.of(options.split(",")).contains("batch=1")) { // not batch=16
            for (int w = CycleStats.LONE_SPARE; w <= CycleStats.LONE_SLID; w++) {
                assertEquals(0, s.lonePages[w].sum(), "a lone page cut from a run of one: " + counts);
            }
        }
    }

    /**
     * The flip of a heap that is several mappings (Flip.mappingStarts, the cuts of every ioctl run): after some
     * cycles the kernel may keep the heap as several adjacent mappings, and since Linux 6.17 an mremap with
     * MREMAP_FIXED moves such a range in one call, so nothing but the mapping starts read before the pause keeps a
     * MOVE from spanning two mappings (EINVAL: Json -Xmx640k GC(5) once). Here the split is made on purpose:
     * MADV_NOHUGEPAGE on every fourth 16-page range of the used heap gives those ranges other flags, so they stay
     * mappings of their own through every flip (from-space included). Three cycles, each with the shadow check
     * (every page as built against the heap's copy at the pause); the graph hash and the structural verifier after.
     */
    @ParameterizedTest
    @ValueSource(strings = {"move", "copy"})
    @Timeout(60)
    void heapOfSeveralMappingsCompactsAcrossTheirStarts(String mode) throws Exception {
        SyntheticHeap h = new SyntheticHeap(8 << 20).randomGraph(43, 6000);
        MemorySegment region = h.rawHeap().region();
        long page = Memory.PAGE_SIZE;
        for (long off = 16 * page; off + 32 * page < h.top(); off += 64 * page) {
            Memory.madvise(region.asSlice(off, 16 * page), Mman.MADV_NOHUGEPAGE);
        }
        int mappings = mappings(region);
        assertTrue(mappings >= 9, "the heap is " + mappings + " mapping(s), not split");
        HeapVerifier v = new HeapVerifier(h);
        assertTrue(h.stopTheWorld());
        long before = v.verify("before the cycles");
        long top = h.top();
        h.resumeTheWorld();
        UffdCollector.Opened u = open(mode.equals("move"));
        Totals totals = new Totals();
        Compactor c = new Compactor(h, u.uffd(), null, u.move(), AgentOptions.parse("mode=" + mode + ",verify=true"),
                totals);
        try {
            for (int cycle = 0; cycle < 3; cycle++) {
                c.collect("split heap");
                c.completeActive(); // maps what is left, and throws what the shadow check found
                assertTrue(mappings(region) >= mappings, "cycle " + cycle + " merged the heap's mappings");
            }
        } finally {
            assertTrue(c.shutdownAndCloseUffd(10_000), "a background thread still ran 10 s after shutdown");
        }
        assertNoFailure(c, totals);
        assertEquals(3, totals.cycles().size());
        for (CycleStats s : totals.cycles()) {
            // move: the short runs may be COPYed (copyrun=15, the default), so only COPY is checked for purity
            assertEquals(0, s.directPages.sum(), "every page mapped by the backend, none directly");
            assertTrue(mode.equals("move") ? s.pagesMoved.sum() > 0 : s.pagesMoved.sum() == 0, mode + ": "
                    + s.pagesMoved.sum() + " pages moved");
            assertEquals(0, s.failedIoctls.sum(), "an ioctl failed (a run crossed a mapping start?)");
            Accounting.check(s, s.destPages, "a cycle of the split heap");
        }
        assertTrue(h.stopTheWorld());
        v.expectHash(before, "after three cycles of the split heap");
        assertTrue(h.top() < top, "the cycles compacted nothing");
        h.resumeTheWorld();
    }

    /**
     * The flip's from-space is reserved on the marker thread (PROT_NONE, the length of the heap mapping's whole PUDs),
     * the flip's mremap lands on it, and the from-space is unmapped when the cycle finishes. So cycles leave no
     * reservation or from-space behind: six cycles, then as many mappings of exactly that length (any protection)
     * as before the first. Shown red with the finish's munmap of the from-space removed (one more per cycle).
     */
    @ParameterizedTest
    @ValueSource(strings = {"move", "copy"})
    @Timeout(60)
    void cyclesLeaveNoFromSpaceReservationBehind(String mode) throws Exception {
        SyntheticHeap h = new SyntheticHeap(8 << 20).randomGraph(44, 6000);
        long spanBytes = h.rawHeap().mapping().byteSize() & -Memory.PUD_SIZE;
        UffdCollector.Opened u = open(mode.equals("move"));
        Compactor c = new Compactor(h, u.uffd(), null, u.move(), AgentOptions.parse("mode=" + mode), new Totals());
        try {
            c.collect("warm");
            c.completeActive();
            long before = reservations(spanBytes);
            for (int cycle = 0; cycle < 6; cycle++) {
                h.randomGraph(45 + cycle, 500); // garbage and new objects, so each cycle has something to move
                c.collect("reservations");
                c.completeActive();
            }
            assertEquals(before, reservations(spanBytes), "mappings of the from-space's size after 6 cycles");
        } finally {
            assertTrue(c.shutdownAndCloseUffd(10_000), "a background thread still ran 10 s after shutdown");
        }
        assertEquals(0, c.failures().count(), () -> "background failure: " + c.failures().first());
    }

    /** Mappings {@code spanBytes} long: from-space reservations and from-spaces. */
    private static long reservations(long spanBytes) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .map(l -> l.substring(0, l.indexOf(' ')).split("-"))
                .mapToLong(r -> Long.parseUnsignedLong(r[1], 16) - Long.parseUnsignedLong(r[0], 16))
                .filter(len -> len == spanBytes).count();
    }

    /** How many mappings of /proc/self/maps overlap {@code s}. */
    /** The compactor's cycles ended cleanly: no failure on its background threads, no emergency path taken. */
    static void assertNoFailure(Compactor c, Totals totals) {
        assertEquals(0, c.failures().count(), () -> "background failure: " + c.failures().first());
        assertFalse(c.failed(), "a cycle needed the emergency path: " + totals.notes());
    }

    static int mappings(MemorySegment s) throws IOException {
        long lo = s.address();
        long hi = lo + s.byteSize();
        return (int) Files.readAllLines(Path.of("/proc/self/maps")).stream().map(l -> l.substring(0, l.indexOf(' ')).split("-"))
                .filter(r -> Long.parseUnsignedLong(r[1], 16) > lo && Long.parseUnsignedLong(r[0], 16) < hi).count();
    }

    /** A real userfaultfd (with MOVE when {@code move}), or the test skipped saying which is missing. */
    static UffdCollector.Opened open(boolean move) {
        try {
            UffdCollector.Opened o = UffdCollector.REAL.open(move);
            assumeTrue(!move || o.move(), "UFFDIO_MOVE not offered by this kernel");
            return o;
        } catch (KernelException | UnsupportedOperationException e) {
            assumeTrue(false, "userfaultfd unavailable: " + e.getMessage());
            throw e;
        }
    }
}
