package dev.uffdgc.agent.compact;

import static dev.uffdgc.toyvm.gc.toolkit.MarkBitmap.CHUNK_SHIFT;
import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SHIFT;
import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.toyvm.gc.synthetic.SyntheticHeap;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page builder's first pass takes runs of live granules from the mark bitmap, not objects: a dead object
 * between two live ones of the same 512-byte chunk is where it can go wrong — in the dense prefix the second run
 * stays where it is (a filler before it), above it the run lands right after the first. PlanTest's random graphs
 * did not have such a gap inside a prefix chunk (a builder that slid prefix runs together passed them). Here a
 * heap of small objects, dead ones interleaved: sparse garbage in the lower half (a dense prefix), much in the upper
 * half (slides); every page built, in place as MOVE recycles pages, checked by the shadow check.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PageBuilderTest {
    @ParameterizedTest
    @ValueSource(ints = {90, 101})
    void deadObjectsInsideChunksBuildToWhatTheShadowSays(int dense) {
        SyntheticHeap h = new SyntheticHeap(4 << 20);
        Random r = new Random(11);
        int prev = 0;
        for (int i = 0; i < 6000; i++) {
            int garbage = i < 3000 ? 30 : 400; // per mille
            int a = h.array(SyntheticHeap.INTS, 1 + i % 9);
            if (r.nextInt(1000) < garbage) {
                h.node(0, 0, i);
            }
            prev = h.node(prev, a, i);
        }
        h.addRoot(prev);
        buildEveryPageInPlace(h, dense, (m, plan) -> {
            if (dense <= 100) {
                assertTrue(plan.densePrefixEnd > 0 && plan.densePrefixEnd < plan.oldTop, "prefix " + plan.densePrefixEnd);
                assertTrue(gapsInsideChunks(m, 0, plan.densePrefixEnd) > 10, "no dead object inside a prefix chunk");
            }
            assertTrue(gapsInsideChunks(m, plan.densePrefixEnd, plan.oldTop) > 10, "no dead object inside a sliding chunk");
        });
    }

    /**
     * Marks and plans {@code h} ({@code dense}: the prefix threshold), hands both to {@code before}, then builds every
     * page ascending, each in its own from-space page (MOVE's recycling), and shadow-checks it.
     */
    static void buildEveryPageInPlace(SyntheticHeap h, int dense, BiConsumer<Marker, Plan> before) {
        PlanTest.Planned t = PlanTest.Planned.stopAndPlan(h, dense);
        Marker m = t.marks();
        Plan plan = t.plan();
        ShadowCheck shadow = t.shadow();
        MemorySegment from = t.from();
        before.accept(m, plan);
        h.resumeTheWorld();
        PageBuilder builder = new PageBuilder(h, m, plan);
        for (int p = 0; p < plan.destPages; p++) {
            MemorySegment own = from.asSlice((long) p << PAGE_SHIFT, PAGE_SIZE);
            builder.build(p, own, from, h.heap().at(from.address()));
            assertNull(shadow.check(p, own), "page " + p);
        }
        shadow.release();
        Memory.munmap(from);
    }

    /** Chunks of [from, to) whose live granules have a hole between two live ones. */
    private static int gapsInsideChunks(Marker m, long from, long to) {
        int n = 0;
        for (int c = (int) (from >>> CHUNK_SHIFT); c < (int) (to >>> CHUNK_SHIFT); c++) {
            long live = m.bits.liveBits(c);
            long below = live == 0 ? 0 : -1L >>> Long.numberOfLeadingZeros(live); // up to the highest live granule
            if (live != 0 && ((~live & below) >>> Long.numberOfTrailingZeros(live)) != 0) {
                n++;
            }
        }
        return n;
    }
}
