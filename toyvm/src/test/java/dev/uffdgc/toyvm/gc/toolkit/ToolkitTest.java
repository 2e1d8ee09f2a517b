package dev.uffdgc.toyvm.gc.toolkit;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.FIRST_OBJECT;
import static dev.uffdgc.toyvm.heap.ObjectLayout.LARGE_OBJECT_BYTES;
import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.gc.MarkCompact;
import dev.uffdgc.toyvm.gc.synthetic.SyntheticHeap;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The collector toolkit on a synthetic heap (no interpreter): marking, forwarding, a whole cycle, a race. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ToolkitTest {
    private static Set<Long> reachable(SyntheticHeap h) {
        Set<Long> seen = new HashSet<>();
        ArrayDeque<Long> todo = new ArrayDeque<>();
        h.roots().forEach(r -> todo.add(ObjectLayout.offset(r)));
        while (!todo.isEmpty()) {
            long o = todo.poll();
            if (o != 0 && seen.add(o)) {
                h.scanObject(o, slot -> todo.add(ObjectLayout.offset(h.heap().getInt(slot))));
            }
        }
        return seen;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void tracerMarksExactlyTheReachableObjects(long seed) {
        SyntheticHeap h = new SyntheticHeap(4 << 20).randomGraph(seed, 3000);
        MarkBitmap bits = new MarkBitmap(h.end());
        Tracer t = new Tracer(h, bits);
        assertTrue(h.stopTheWorld());
        t.trace(h.top(), Tracer.NO_HOOK);
        h.resumeTheWorld();
        Set<Long> expected = reachable(h);
        Set<Long> marked = new HashSet<>();
        long bytes = 0;
        for (long o = bits.nextStart(FIRST_OBJECT, h.top()); o >= 0; o = bits.nextStart(o + 8, h.top())) {
            marked.add(o);
            assertEquals(o, bits.prevStart(o + 8), "prevStart is nextStart's inverse");
        }
        for (long o : expected) {
            bytes += h.objectSize(o);
            assertTrue(bits.isLive(o + h.objectSize(o) - 8), "last granule of " + o + " live");
        }
        assertEquals(expected, marked);
        assertEquals(bytes, t.liveBytes());
        assertTrue(expected.size() < 3000, "the graph has garbage");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 8})
    void forwardingSlidesInOrderWithoutOverlapKeepingPrefixAndLargeObjectsPageAligned(int prefixPages) {
        SyntheticHeap h = new SyntheticHeap(4 << 20).randomGraph(7, 3000);
        MarkBitmap bits = new MarkBitmap(h.end());
        assertTrue(h.stopTheWorld());
        new Tracer(h, bits).trace(h.top(), Tracer.NO_HOOK);
        long prefix = prefixEnd(h, bits, prefixPages * PAGE_SIZE);
        Forwarding f = new Forwarding(h, bits);
        long newTop = f.plan(h.top(), prefix, null);
        h.resumeTheWorld();
        long end = FIRST_OBJECT;
        for (long o = bits.nextStart(FIRST_OBJECT, h.top()); o >= 0; o = bits.nextStart(o + h.objectSize(o), h.top())) {
            long d = f.forward(o);
            long size = h.objectSize(o);
            assertTrue(d >= end && d <= o, "object " + o + " -> " + d + " after " + end);
            if (o < prefix) {
                assertEquals(o, d, "the dense prefix stays");
            } else if (size >= LARGE_OBJECT_BYTES) {
                assertEquals(0, d % PAGE_SIZE, "a large object stays page-aligned");
            } else if (end >= prefix) {
                assertEquals(end, d, "no gap in front of a small object above the prefix");
            }
            if (size > 16) {
                assertEquals(d + 16, f.forward(o + 16), "a granule inside an object moves with it");
            }
            end = d + size;
        }
        assertEquals(end, newTop);
    }

    /** The first page boundary at or above {@code at} that no marked object straddles. */
    private static long prefixEnd(SyntheticHeap h, MarkBitmap bits, long at) {
        long end = at;
        for (long last; end > 0 && (last = bits.prevStart(end)) >= 0 && last + h.objectSize(last) > end; ) {
            end = (last + h.objectSize(last) + PAGE_SIZE - 1) & -PAGE_SIZE;
        }
        return Math.min(end, (h.top() + PAGE_SIZE - 1) & -PAGE_SIZE);
    }

    @Test
    void flagOnlyObjectsArePlacedByPagesAndNeverRead() {
        SyntheticHeap h = new SyntheticHeap(1 << 20);
        int garbage = h.array(SyntheticHeap.LONGS, 1024); // two dead pages in front
        int big = h.array(SyntheticHeap.LONGS, 1536);     // three pages and a bit, to be marked by flag
        int small = h.node(big, 0, 42);
        h.addRoot(small);
        MarkBitmap bits = new MarkBitmap(h.end());
        long bigSize = h.objectSize(ObjectLayout.offset(big));
        h.heap().putInt(ObjectLayout.offset(big), 0); // its header is never read: a zero class id would break any read
        Tracer.Hook flag = new Tracer.Hook() {
            @Override
            public boolean flagOnly(long obj) {
                return obj == ObjectLayout.offset(big);
            }
        };
        long[] dest = {-1};
        Forwarding.PagePlaced placed = new Forwarding.PagePlaced() {
            @Override
            public long size(long obj) {
                return bigSize;
            }

            @Override
            public long place(long obj, long to, long size) {
                dest[0] = to;
                return (size + PAGE_SIZE - 1) & -PAGE_SIZE; // padded to whole pages
            }

            @Override
            public long destination(long obj) {
                return dest[0];
            }
        };
        assertTrue(h.stopTheWorld());
        Tracer t = new Tracer(h, bits);
        t.trace(h.top(), flag);
        Forwarding f = new Forwarding(h, bits);
        long newTop = f.plan(h.top(), 0, placed);
        h.resumeTheWorld();
        assertTrue(bits.isFlagOnly(ObjectLayout.offset(big)));
        assertEquals(0, dest[0] % PAGE_SIZE);
        assertEquals(0, (ObjectLayout.offset(big) - dest[0]) % PAGE_SIZE, "a page-multiple delta");
        assertEquals(dest[0], f.forward(ObjectLayout.offset(big)));
        assertEquals(dest[0] + 4 * PAGE_SIZE, f.forward(ObjectLayout.offset(small)), "the node after it starts on a fresh page");
        assertEquals(f.forward(ObjectLayout.offset(small)) + 24, newTop);
        assertEquals(24, t.liveBytes(), "only the node was sized");
        assertTrue(garbage < big);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void markCompactKeepsTheGraphAndCompacts(long seed) {
        SyntheticHeap h = new SyntheticHeap(4 << 20).randomGraph(seed, 4000);
        h.setVerifying(true); // the cycle verifies structure and graph hash before and after itself
        HeapVerifier v = new HeapVerifier(h);
        assertTrue(h.stopTheWorld());
        long before = v.verify("test before");
        long top = h.top();
        h.resumeTheWorld();
        MarkCompact mc = new MarkCompact(h);
        mc.collect(Collector.Cause.SYSTEM_GC, 0);
        assertTrue(h.top() < top, "nothing reclaimed: " + h.top());
        mc.collect(Collector.Cause.SYSTEM_GC, 0);
        assertTrue(h.stopTheWorld());
        v.expectHash(before, "test after");
        h.resumeTheWorld();
        assertEquals(2, mc.collections());
    }

    /** Two threads ask for a collection at once: one collects, the other is held and returns without touching the heap. */
    @Test
    void racingCollectionRequestsCollectOnce() throws Exception {
        SyntheticHeap h = new SyntheticHeap(4 << 20).randomGraph(5, 3000);
        HeapVerifier v = new HeapVerifier(h);
        assertTrue(h.stopTheWorld());
        long before = v.verify("before the race");
        h.resumeTheWorld();
        MarkCompact mc = new MarkCompact(h);
        h.raceTwoCollections(() -> mc.collect(Collector.Cause.SYSTEM_GC, 0));
        assertEquals(1, mc.collections());
        assertTrue(h.stopTheWorld());
        v.expectHash(before, "after the race");
        h.resumeTheWorld();
    }

    /**
     * A changed graph hash says whether the root set changed too: a root that went away during a pause (as an
     * ending thread's did, before GuestThreads left the thread list while still running) shows as one root fewer.
     */
    @Test
    void aChangedHashNamesTheRootCountsBeforeAndAfter() {
        SyntheticHeap h = new SyntheticHeap(1 << 20).randomGraph(7, 500);
        HeapVerifier v = new HeapVerifier(h);
        assertTrue(h.stopTheWorld());
        long before = v.verify("test before");
        int n = h.roots().size();
        h.roots().remove(n - 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> v.expectHash(before, "test after"));
        h.resumeTheWorld();
        assertTrue(e.getMessage().contains("heap graph changed")
                && e.getMessage().contains("(roots " + n + " at this verifier's previous hash, " + (n - 1) + " now)"),
                e.getMessage());
    }
}
