package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.agent.compact.Compactor;
import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.slide.PageSlide;
import dev.uffdgc.agent.slide.SlideBackend;
import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.gc.MarkCompact;
import dev.uffdgc.toyvm.gc.synthetic.SyntheticHeap;
import dev.uffdgc.toyvm.gc.toolkit.HeapVerifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two collection requests race into every collector (issue 9: page-slide compacted a running heap when its stop
 * was refused): exactly one cycle runs, and the heap is intact after (structure and graph hash). On a synthetic
 * heap, which fails any root scan, top change or resume by a thread that does not own the pause.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CollectorRaceTest {
    @ParameterizedTest
    @ValueSource(strings = {"stw", "page-slide-move", "page-slide-copy", "move", "copy"})
    void racingRequestsCollectOnceAndKeepTheGraph(String collector) throws Exception {
        SyntheticHeap h = new SyntheticHeap(8 << 20).randomGraph(41, 6000);
        HeapVerifier v = new HeapVerifier(h);
        assertTrue(h.stopTheWorld());
        long before = v.verify("before the race");
        long top = h.top();
        h.resumeTheWorld();
        int cycles;
        switch (collector) {
            case "stw" -> {
                MarkCompact mc = new MarkCompact(h);
                h.raceTwoCollections(() -> mc.collect(Collector.Cause.SYSTEM_GC, 0));
                cycles = mc.collections();
            }
            case "page-slide-move", "page-slide-copy" -> {
                PageSlide ps = new PageSlide(h, collector.endsWith("move") ? SlideBackend.MOVE : SlideBackend.COPY);
                try {
                    h.raceTwoCollections(() -> ps.collect(Collector.Cause.SYSTEM_GC, 0));
                } finally {
                    ps.close();
                }
                cycles = ps.collections();
            }
            default -> {
                UffdCollector.Opened u = CompactorTest.open(collector.equals("move"));
                Compactor c = new Compactor(h, u.uffd(), null, u.move(), AgentOptions.parse("mode=" + collector
                        + ",verify=true"), CompactorListener.NONE);
                try {
                    h.raceTwoCollections(() -> c.collect("race"));
                    c.completeActive(); // maps what is left, and throws what the shadow check found
                } finally {
                    assertTrue(c.shutdownAndCloseUffd(10_000), "a background thread still ran 10 s after shutdown");
                }
                cycles = c.cycles();
            }
        }
        assertEquals(1, cycles, "one of the two requests was refused");
        assertTrue(h.stopTheWorld());
        v.expectHash(before, "after the race");
        assertTrue(h.top() < top, "the cycle compacted nothing");
        h.resumeTheWorld();
    }

    /**
     * A host thread's whole cycle runs between the flip's resume and its log (the synthetic heap lets any thread
     * ask for a pause; a mutator would poll only later): each flip is still reported once, as its own cycle, and
     * the graph is intact. Red when the log read which pause ran from a field the later pause overwrote: the
     * second cycle's flip reported twice, the first never ([1, 1]).
     */
    @Test
    void aCycleBetweenAFlipsResumeAndItsLogLeavesBothFlipsReported() throws Exception {
        SyntheticHeap h = new SyntheticHeap(8 << 20).randomGraph(43, 6000);
        HeapVerifier v = new HeapVerifier(h);
        assertTrue(h.stopTheWorld());
        long before = v.verify("before");
        h.resumeTheWorld();
        List<Integer> flips = new CopyOnWriteArrayList<>();
        CompactorListener listener = new CompactorListener() {
            @Override
            public void paused(int id, String cause, dev.uffdgc.agent.compact.CycleStats stats) {
                flips.add(id);
            }
        };
        UffdCollector.Opened u = CompactorTest.open(true);
        Compactor c = new Compactor(h, u.uffd(), null, u.move(), AgentOptions.parse("mode=move,verify=true"), listener);
        AtomicReference<Throwable> second = new AtomicReference<>();
        try {
            h.afterResumeOf("Relocate Start", () -> {
                Thread t = Thread.ofPlatform().name("second-collector").start(() -> {
                    try {
                        c.collect("second");
                    } catch (Throwable e) {
                        second.set(e);
                    }
                });
                try {
                    t.join(20_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                assertTrue(!t.isAlive(), "the second collection still runs after 20 s");
            });
            c.collect("first");
            c.completeActive();
        } finally {
            assertTrue(c.shutdownAndCloseUffd(10_000), "a background thread still ran 10 s after shutdown");
        }
        assertEquals(null, second.get(), "the second collection failed");
        assertEquals(2, c.cycles());
        assertEquals(List.of(0, 1), flips.stream().sorted().toList(), "flips reported (by cycle id)");
        assertTrue(h.stopTheWorld());
        v.expectHash(before, "after both cycles");
        h.resumeTheWorld();
    }
}
