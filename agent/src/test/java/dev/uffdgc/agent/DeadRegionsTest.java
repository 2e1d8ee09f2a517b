package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.agent.compact.Compactor;
import dev.uffdgc.agent.compact.CycleStats;
import dev.uffdgc.agent.obs.Totals;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.toyvm.gc.synthetic.SyntheticHeap;
import dev.uffdgc.toyvm.gc.toolkit.HeapVerifier;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Whole 2 MiB regions without a live byte are released on the marker thread before the flip, so the flip's mremap
 * skips their PMDs (a TLB flush each, a hypercall on this VM: see DeadRegions). The heap: a live graph, 12 MiB of
 * unreachable long arrays, another live graph on top.
 */
class DeadRegionsTest {
    private static final long MIB = 1 << 20;

    private static SyntheticHeap heapWithADeadMiddle() {
        SyntheticHeap h = new SyntheticHeap(32 * MIB).randomGraph(51, 3000);
        for (long garbage = 0; garbage < 12 * MIB; garbage += 16 * 1024 + 16) {
            h.array(SyntheticHeap.LONGS, 2048); // 16 KiB each, nothing points at it
        }
        return h.randomGraph(52, 3000);
    }

    /** Structure checked (the heap parsed, every reference at an object start), world stopped; the graph hash. */
    private static long verified(SyntheticHeap h, HeapVerifier v, String when) {
        assertTrue(h.stopTheWorld());
        try {
            return v.verify(when);
        } finally {
            h.resumeTheWorld();
        }
    }

    /** Dead regions are released before the flip; the cycle then compacts intact (shadow check, hash). */
    @Test
    @Timeout(60)
    void deadRegionsAreReleasedBeforeTheFlipAndTheCycleStaysIntact() throws Exception {
        SyntheticHeap h = heapWithADeadMiddle();
        HeapVerifier v = new HeapVerifier(h);
        long hash = verified(h, v, "before the cycle");
        UffdCollector.Opened u = CompactorTest.open(true);
        Totals totals = new Totals();
        Compactor c = new Compactor(h, u.uffd(), null, u.move(), AgentOptions.parse("mode=move,verify=true"), totals);
        try {
            c.collect("dead regions");
            c.completeActive();
        } finally {
            assertTrue(c.shutdownAndCloseUffd(10_000), "a background thread still ran 10 s after shutdown");
        }
        CompactorTest.assertNoFailure(c, totals);
        CycleStats s = totals.cycles().getFirst();
        assertTrue(s.deadRegionBytes >= 8 * MIB, s.deadRegionBytes + " bytes of dead regions released, 12 MiB dead");
        assertEquals(hash, verified(h, v, "after a cycle with dead regions released"), "graph hash");
    }

    /**
     * A whole 1 GiB PUD without a live byte is mapped anew (its page tables freed, so the flip's mremap skips it,
     * see DeadRegions) and the heap stays one mapping: 2 GiB of unreachable 8 MiB arrays, each header a touched
     * page, between two live graphs. Then the cycle compacts intact (shadow check, graph hash). Red without the
     * HUGEPAGE advice on the renewed PUD (two mappings more).
     */
    @Test
    @Timeout(120)
    void aWholeDeadPudIsMappedAnewAndTheHeapStaysOneMapping() throws Exception {
        long pud = Memory.PUD_SIZE;
        SyntheticHeap h = new SyntheticHeap(2 * pud + 64 * MIB).randomGraph(53, 3000);
        while (h.top() < 2 * pud + 8 * MIB) {
            h.array(SyntheticHeap.LONGS, 1 << 20); // 8 MiB each, nothing points at it, only its header is written
        }
        h.randomGraph(54, 3000);
        HeapVerifier v = new HeapVerifier(h);
        long hash = verified(h, v, "before the cycle");
        MemorySegment puds = h.rawHeap().mapping().asSlice(0, h.rawHeap().mapping().byteSize() & -pud);
        UffdCollector.Opened u = CompactorTest.open(true);
        Totals totals = new Totals();
        Compactor c = new Compactor(h, u.uffd(), null, u.move(), AgentOptions.parse("mode=move,verify=true"), totals);
        try {
            c.startMark("dead pud");
            while (!c.planned()) {
                c.finalMark();
                Thread.sleep(1);
            }
            assertEquals(1, CompactorTest.mappings(puds), "the heap's PUDs after the release are not one mapping");
            c.relocateStart();
            c.completeActive();
        } finally {
            assertTrue(c.shutdownAndCloseUffd(10_000), "a background thread still ran 10 s after shutdown");
        }
        CompactorTest.assertNoFailure(c, totals);
        CycleStats s = totals.cycles().getFirst();
        assertTrue(s.deadRegionBytes >= pud, s.deadRegionBytes + " bytes of dead regions released, 2 GiB dead");
        assertEquals(1, CompactorTest.mappings(puds), "the heap's PUDs after the cycle are not one mapping");
        assertEquals(hash, verified(h, v, "after a cycle with a dead PUD mapped anew"), "graph hash");
    }

    /**
     * A mark abandoned after the plan (the built-in collector takes over) leaves a heap that parses: each released
     * run is covered by a filler whose header sits in a kept page, and every dead gap becomes a filler at the abandon
     * (a dead object may point into a released run). Red without the gap filling ("Node@1179400+12 -> 1503232 is not
     * an object": a dead node pointing into the released run).
     */
    @Test
    @Timeout(60)
    void aMarkAbandonedAfterTheReleaseLeavesTheHeapParseable() throws Exception {
        SyntheticHeap h = heapWithADeadMiddle();
        HeapVerifier v = new HeapVerifier(h);
        long hash = verified(h, v, "before the mark");
        UffdCollector.Opened u = CompactorTest.open(true);
        Compactor c = new Compactor(h, u.uffd(), null, u.move(), AgentOptions.parse("mode=move"), new Totals());
        try {
            c.startMark("abandoned");
            while (!c.planned()) {
                c.finalMark(); // runs once the concurrent mark is done; then the plan (and the release) follows
                Thread.sleep(1);
            }
            MemorySegment heap = h.rawHeap().region();
            boolean[] resident = Memory.mincore(heap.asSlice(0, h.top() & -Memory.PAGE_SIZE));
            int gone = 0;
            for (boolean r : resident) {
                gone += r ? 0 : 1;
            }
            assertTrue(gone * Memory.PAGE_SIZE >= 8 * MIB, gone + " pages of the used heap released, 12 MiB dead");
            c.abandonMark();
        } finally {
            assertTrue(c.shutdownAndCloseUffd(10_000), "a background thread still ran 10 s after shutdown");
        }
        assertEquals(hash, verified(h, v, "after the abandoned mark"), "graph hash");
    }
}
