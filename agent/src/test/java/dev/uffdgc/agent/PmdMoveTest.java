package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uffdgc.agent.compact.Compactor;
import dev.uffdgc.agent.compact.CycleStats;
import dev.uffdgc.agent.obs.Totals;
import dev.uffdgc.agent.toolkit.Accounting;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.proc.PagemapScan;
import dev.uffdgc.toyvm.gc.synthetic.SyntheticHeap;
import dev.uffdgc.toyvm.gc.toolkit.HeapVerifier;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PMD path (issue 11): on a THP-backed heap (toyvm's default: 1 GiB-aligned, MADV_HUGEPAGE) a 2 MiB region of
 * the to-space built in place in its from-space huge page moves back with one UFFDIO_MOVE as one PMD entry
 * (move_pages_huge_pmd: no split). A heap of one dead MiB under ~6 MiB of live nodes: everything slides down by
 * a MiB, every page is built in place, no mutator runs. Two cycles (the second flips the huge pages the first
 * moved in), shadow check on; the graph hash and the structural verifier after. The accounting's PMD bytes are
 * checked against two witnesses: PAGEMAP_SCAN (PAGE_IS_HUGE) over the heap, and smaps' AnonHugePages. With a
 * 4 KiB-page heap (MADV_HUGEPAGE off) the same cycles move no PMD: the check can tell the two apart.
 */
class PmdMoveTest {
    private static final long PMD = Memory.HUGE_PAGE_SIZE;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    @Timeout(60)
    void regionsBuiltInPlaceMoveAsWholePmds(boolean hugePages) throws Exception {
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        assumeTrue(Files.exists(thp) && !Files.readString(thp).contains("[never]"), "THP is off on this machine");
        SyntheticHeap h = new SyntheticHeap(16 << 20, hugePages);
        for (int i = 0; i < 40_000; i++) { // ~1 MiB of garbage below the live part
            h.node(0, 0, i);
        }
        int last = 0;
        for (int i = 0; i < 200_000; i++) {
            last = h.node(last, 0, i);
        }
        h.addRoot(last);
        MemorySegment region = h.rawHeap().region();
        HeapVerifier v = new HeapVerifier(h);
        assertTrue(h.stopTheWorld());
        long before = v.verify("before the cycles");
        long top = h.top();
        h.resumeTheWorld();
        try (PagemapScan scan = PagemapScan.openSelf()) {
            long hugeBefore = scan.hugeBytes(region.address(), Memory.roundUp(top, Memory.PAGE_SIZE));
            if (hugePages) {
                assumeTrue(hugeBefore >= 2 * PMD, "the kernel gave the heap " + hugeBefore + " bytes of huge pages");
            }
            UffdCollector.Opened u = CompactorTest.open(true);
            Totals totals = new Totals();
            Compactor c = new Compactor(h, u.uffd(), null, u.move(), AgentOptions.parse("mode=move,workers=1,verify=true"),
                    totals);
            try {
                for (int cycle = 0; cycle < 2; cycle++) {
                    c.collect("pmd test");
                    // Let the worker map every page: this thread helping from page 0 (completeActive) would take
                    // single pages of the first region, as a mutator touching it would, and cost it its PMD.
                    long deadline = System.nanoTime() + 20_000_000_000L;
                    while (totals.cycles().size() <= cycle && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                    c.completeActive();
                }
            } finally {
                assertTrue(c.shutdownAndCloseUffd(10_000), "a background thread still ran 10 s after shutdown");
            }
            CompactorTest.assertNoFailure(c, totals);
            List<CycleStats> cycles = totals.cycles();
            assertEquals(2, cycles.size());
            for (CycleStats s : cycles) {
                Accounting.check(s, s.destPages, "a cycle of the PMD test");
                assertEquals(0, s.failedIoctls.sum(), "an ioctl failed");
                long whole = ((long) s.destPages << 12) / PMD * PMD; // the full 2 MiB regions of the to-space
                if (hugePages) {
                    // All but the region holding the new top (its page is built first, alone) move as PMDs.
                    assertTrue(s.pmdBytes() >= whole - PMD && s.pmdBytes() >= PMD,
                            "PMD bytes " + s.pmdBytes() + " of " + whole + " in whole regions");
                } else {
                    assertEquals(0, s.pmdBytes(), "a 4 KiB-page heap moved a PMD");
                }
            }
            long pmd = cycles.get(1).pmdBytes();
            long hugeAfter = scan.hugeBytes(region.address(), Memory.roundUp(h.top(), Memory.PAGE_SIZE));
            assertTrue(hugeAfter >= pmd, "PAGEMAP_SCAN finds " + hugeAfter + " huge bytes in the heap, PMD moves " + pmd);
            assertTrue(anonHugePages(region) >= pmd, "smaps AnonHugePages below the PMD bytes " + pmd);
            assertTrue(h.stopTheWorld());
            v.expectHash(before, "after two cycles");
            assertTrue(h.top() < top, "the cycles compacted nothing");
            h.resumeTheWorld();
        }
    }

    /**
     * The flip moves the whole heap out (at first the used heap to the end of top's 2 MiB region; now its whole
     * PUDs), so the region the allocator refills after the cycle faults back as one huge page. A heap whose top at the collection sits inside a region (~5.5 MiB,
     * THP-backed) and whose live part is a few KiB: after the cycle, a write into that region must get a huge PMD.
     * Red when the flip stopped at top's page: the partial mremap split the huge PMD and left its PTE table behind,
     * and every later fault there was a 4 KiB one ("0 huge bytes").
     */
    @org.junit.jupiter.api.Test
    @Timeout(60)
    void theRegionOfTheOldTopFaultsBackAsAHugePage() throws Exception {
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        assumeTrue(Files.exists(thp) && !Files.readString(thp).contains("[never]"), "THP is off on this machine");
        SyntheticHeap h = new SyntheticHeap(16 << 20, true);
        int last = 0;
        for (int i = 0; i < 1000; i++) { // the live part, at the bottom
            last = h.node(last, 0, i);
        }
        h.addRoot(last);
        while (h.top() < 5 * PMD / 2 + PMD / 4) { // garbage up to ~5.5 MiB: top inside the region [4, 6) MiB
            h.node(0, 0, 7);
        }
        MemorySegment region = h.rawHeap().region();
        long oldTopRegion = h.top() & -PMD;
        try (PagemapScan scan = PagemapScan.openSelf()) {
            assumeTrue(scan.hugeBytes(region.address() + oldTopRegion, PMD) == PMD,
                    "the kernel gave the region of top no huge page");
            UffdCollector.Opened u = CompactorTest.open(true);
            Totals totals = new Totals();
            Compactor c = new Compactor(h, u.uffd(), null, u.move(), AgentOptions.parse("mode=move,verify=true"), totals);
            try {
                c.collect("old top region test");
                c.completeActive();
            } finally {
                assertTrue(c.shutdownAndCloseUffd(10_000), "a background thread still ran 10 s after shutdown");
            }
            assertEquals(0, c.failures().count(), () -> "background failure: " + c.failures().first());
            assertTrue(h.top() < PMD, "the live part moved above its first region: top " + h.top());
            region.set(java.lang.foreign.ValueLayout.JAVA_BYTE, oldTopRegion, (byte) 0); // above top: zero stays zero
            assertEquals(PMD, scan.hugeBytes(region.address() + oldTopRegion, PMD),
                    "huge bytes in the old top's region after a write there");
        }
    }

    /**
     * The to-space's last 2 MiB region cannot be a huge page (its to-space pages are mapped page by page), so the
     * pages above the to-space in it are populated at the flip's resume instead of faulted in one by one by the
     * allocator. A live part of a few pages: after the cycle, every page above the to-space in its region is
     * present though nothing was allocated there. Red without the populate (none present).
     */
    @org.junit.jupiter.api.Test
    @Timeout(60)
    void pagesAboveTheToSpaceInItsRegionArePopulated() throws Exception {
        SyntheticHeap h = new SyntheticHeap(16 << 20, true);
        int last = 0;
        for (int i = 0; i < 1000; i++) {
            last = h.node(last, 0, i);
        }
        h.addRoot(last);
        while (h.top() < 5 * PMD / 2) {
            h.node(0, 0, 7);
        }
        UffdCollector.Opened u = CompactorTest.open(true);
        Totals totals = new Totals();
        Compactor c = new Compactor(h, u.uffd(), null, u.move(), AgentOptions.parse("mode=move,verify=true"), totals);
        try {
            c.collect("populate test");
            c.completeActive();
        } finally {
            assertTrue(c.shutdownAndCloseUffd(10_000), "a background thread still ran 10 s after shutdown");
        }
        assertEquals(0, c.failures().count(), () -> "background failure: " + c.failures().first());
        long toSpace = (long) totals.cycles().getFirst().destPages << 12;
        assertTrue(toSpace < PMD, "to-space of " + toSpace + " bytes");
        MemorySegment above = h.rawHeap().region().asSlice(toSpace, PMD - toSpace);
        try (dev.uffdgc.kernel.proc.Pagemap pm = dev.uffdgc.kernel.proc.Pagemap.openSelf()) {
            MemorySegment entries = pm.read(above);
            long pages = above.byteSize() >> 12;
            long present = 0;
            for (long i = 0; i < pages; i++) {
                present += dev.uffdgc.kernel.proc.Pagemap.isPresent(entries.getAtIndex(
                        java.lang.foreign.ValueLayout.JAVA_LONG, i)) ? 1 : 0;
            }
            assertEquals(pages, present, "pages present above the to-space in its region");
        }
    }

    /** smaps' AnonHugePages, in bytes, summed over the mappings that overlap {@code s}. */
    private static long anonHugePages(MemorySegment s) throws IOException {
        long lo = s.address();
        long hi = lo + s.byteSize();
        long total = 0;
        boolean inside = false;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                String[] r = line.substring(0, line.indexOf(' ')).split("-");
                inside = Long.parseUnsignedLong(r[1], 16) > lo && Long.parseUnsignedLong(r[0], 16) < hi;
            } else if (inside && line.startsWith("AnonHugePages:")) {
                total += Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
            }
        }
        return total;
    }
}
