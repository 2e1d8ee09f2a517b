package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.agent.compact.Compactor;
import dev.uffdgc.agent.obs.Totals;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.toyvm.gc.synthetic.SyntheticHeap;
import dev.uffdgc.toyvm.gc.toolkit.HeapVerifier;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The flip moves the heap's whole 1 GiB PUDs (issue 10: one PUD entry and one TLB flush per GiB instead of one per
 * 2 MiB), which holds only while the heap is one mapping, 1 GiB-aligned: mremap moves mapping by mapping. Cycles of
 * a small heap, each with garbage allocated above the to-space between them (the allocator's faults during and after
 * a cycle are what gave the heap's upper part an anon_vma of its own): after every cycle the heap's PUDs are still
 * one mapping. Red when the flip moved the whole mapping (toyvm's Heap without its page beyond the PUDs): the
 * mremap reset the mapping's anon_vma, the UFFDIO_REGISTER of the to-space split it, and from the first cycle on the
 * heap was two mappings. The graph hash and the structural verifier after the cycles.
 */
class PudFlipTest {
    private static final long PUD = Memory.PUD_SIZE;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    @Timeout(60)
    void theHeapStaysOneMappingOfWholePuds(boolean hugePages) throws Exception {
        SyntheticHeap h = new SyntheticHeap(16 << 20, hugePages);
        int last = 0;
        for (int i = 0; i < 20_000; i++) {
            last = h.node(last, 0, i);
        }
        h.addRoot(last);
        MemorySegment mapping = h.rawHeap().mapping();
        assertEquals(0, mapping.address() % PUD, "the heap's mapping is not 1 GiB-aligned");
        long puds = mapping.byteSize() & -PUD;
        assertTrue(puds >= h.rawHeap().region().byteSize(), "the heap reaches beyond the mapping's whole PUDs");
        HeapVerifier v = new HeapVerifier(h);
        assertTrue(h.stopTheWorld());
        long before = v.verify("before the cycles");
        h.resumeTheWorld();
        UffdCollector.Opened u = CompactorTest.open(true);
        Totals totals = new Totals();
        Compactor c = new Compactor(h, u.uffd(), null, u.move(), AgentOptions.parse("mode=move,verify=true"), totals);
        try {
            for (int cycle = 0; cycle < 3; cycle++) {
                while (h.top() < (6 << 20)) { // garbage above the to-space: faults in the heap's upper part
                    h.node(0, 0, cycle);
                }
                c.collect("pud test");
                c.completeActive();
                assertEquals(1, CompactorTest.mappings(mapping.asSlice(0, puds)),
                        "the heap's PUDs after cycle " + cycle + " are not one mapping");
            }
        } finally {
            assertTrue(c.shutdownAndCloseUffd(10_000), "a background thread still ran 10 s after shutdown");
        }
        CompactorTest.assertNoFailure(c, totals);
        assertEquals(3, totals.cycles().size());
        assertTrue(h.stopTheWorld());
        v.expectHash(before, "after three cycles");
        h.resumeTheWorld();
    }
}
