package dev.uffdgc.agent.compact;

import static dev.uffdgc.toyvm.heap.ObjectLayout.FILLER_CLASS_ID;
import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SHIFT;
import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SIZE;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.agent.toolkit.LargeArrays;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.gc.MarkCompact;
import dev.uffdgc.toyvm.gc.synthetic.SyntheticHeap;
import dev.uffdgc.toyvm.heap.HeapAccess;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The concurrent compactor's plan and page builder on a synthetic heap, no userfaultfd, no interpreter: the dense
 * prefix's edges, the per-page tables, and every destination page built (once, in address order or not) from a
 * from-space copy — checked against the shadow check, and with no dense prefix byte for byte against MarkCompact
 * (filler bodies excepted: they are garbage).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PlanTest {
    private static final int OBJECTS = 4000;

    @ParameterizedTest
    @CsvSource({"21, 95", "22, 60", "23, 30", "24, 101"})
    void densePrefixEndsOnAPageNoObjectStraddles(long seed, int dense) {
        SyntheticHeap h = new SyntheticHeap(4 << 20).randomGraph(seed, OBJECTS);
        Marker m = new Marker(h);
        Plan plan = new Plan(m, h);
        assertTrue(h.stopTheWorld());
        m.mark(h.top());
        plan.compute(h.top(), dense);
        h.resumeTheWorld();
        long end = plan.densePrefixEnd;
        assertEquals(0, end % PAGE_SIZE);
        long last = m.bits.prevStart(end);
        assertTrue(end == 0 || last < 0 || last + h.objectSize(last) <= end, "an object straddles the prefix end");
        for (int p = 0; p < (int) (end >>> PAGE_SHIFT) - 1; p++) {
            // every page inside the prefix was dense, except those it grew over to cover a straddling object
            assertTrue(m.pageLive[p] + (p == 0 ? 8 : 0) >= PAGE_SIZE * dense / 100 || straddled(h, m, p), "page " + p);
        }
        if (dense > 100) {
            assertEquals(0, end);
        }
        for (int p = 0; p < plan.destPages; p++) {
            assertTrue(plan.firstSrc[p] != 0, "destination page " + p + " has a first object");
        }
        assertPrefixTablesAsByObjects(h, m, plan);
    }

    /**
     * The concurrent mark learns the young large arrays it reaches instead of parsing the young heap first: it
     * marks what the stop-the-world mark (which parses) marks, bit for bit and page by page, with every live large
     * array marked by flag (never read), and learns no dead one. Red when the mark does not learn (the arrays are
     * then traced like other objects: live granules, no flag) — tried.
     */
    @ParameterizedTest
    @CsvSource({"51", "52"})
    void concurrentMarkLearnsTheLiveYoungArraysItReaches(long seed) {
        SyntheticHeap h = new SyntheticHeap(4 << 20).randomGraph(seed, OBJECTS);
        Marker parsed = new Marker(h);
        Marker learned = new Marker(h);
        assertTrue(h.stopTheWorld());
        parsed.mark(h.top());
        learned.snapshot(h);
        learned.concurrentMark();
        learned.drainRest();
        learned.endMark(h.top());
        h.resumeTheWorld();
        int live = 0;
        LargeArrays all = parsed.arrays.table();
        for (int i = 0; i < all.count(); i++) {
            if (parsed.arrays.live(i)) {
                live++;
                assertTrue(learned.bits.isFlagOnly(all.start(i)), "live array at " + all.start(i) + " not flag-marked");
            }
        }
        assertTrue(live > 0 && live < all.count(), "the heap has live and dead large arrays: " + live + "/" + all.count());
        assertEquals(live, learned.arrays.table().count(), "the concurrent mark learned exactly the live arrays");
        assertEquals(live, learned.arrays.liveCount());
        for (long a = parsed.bits.nextStart(0, h.top()), b = learned.bits.nextStart(0, h.top()); a >= 0 || b >= 0;
                a = parsed.bits.nextStart(a + 8, h.top()), b = learned.bits.nextStart(b + 8, h.top())) {
            assertEquals(a, b, "marked objects differ");
            assertEquals(parsed.bits.isLive(a), learned.bits.isLive(b), "object at " + a);
        }
        assertEquals(java.util.Arrays.toString(parsed.pageLive), java.util.Arrays.toString(learned.pageLive));
    }

    /**
     * The sliding part's tables from the bitmap chunk by chunk (what compute does) equal those a walk of every object
     * gives (what the flip pause's extend does), on random heaps with large arrays, dense prefixes or none.
     */
    @ParameterizedTest
    @CsvSource({"61, 95", "62, 60", "63, 30", "64, 101", "65, 95"})
    void chunkTablesAreWhatAWalkOfTheObjectsGives(long seed, int dense) {
        SyntheticHeap h = new SyntheticHeap(4 << 20).randomGraph(seed, OBJECTS);
        Marker m = new Marker(h);
        Plan plan = new Plan(m, h);
        assertTrue(h.stopTheWorld());
        m.mark(h.top());
        plan.compute(h.top(), dense);
        h.resumeTheWorld();
        int[][] chunks = {plan.firstSrc.clone(), plan.headClass.clone(), plan.headLength.clone(), plan.srcLimit.clone(),
                plan.lowestReader.clone(), plan.slideSrc.clone()};
        boolean[][] chunkFlags = {plan.startsWithGap.clone(), plan.deadArrayPage.clone()};
        plan.tablesByObjects();
        int[][] objects = {plan.firstSrc, plan.headClass, plan.headLength, plan.srcLimit, plan.lowestReader, plan.slideSrc};
        String[] names = {"firstSrc", "headClass", "headLength", "srcLimit", "lowestReader", "slideSrc"};
        for (int t = 0; t < names.length; t++) {
            int n = t == 4 ? plan.oldPages : plan.destPages;
            for (int p = 0; p < n; p++) {
                assertEquals(objects[t][p], chunks[t][p], names[t] + "[" + p + "] (dense prefix " + plan.densePrefixEnd + ")");
            }
        }
        for (int p = 0; p < plan.destPages; p++) {
            assertEquals(plan.startsWithGap[p], chunkFlags[0][p], "startsWithGap[" + p + "]");
        }
        for (int p = 0; p < plan.oldPages; p++) {
            assertEquals(plan.deadArrayPage[p], chunkFlags[1][p], "deadArrayPage[" + p + "]");
        }
    }

    private static boolean straddled(SyntheticHeap h, Marker m, int p) {
        long start = (long) p << PAGE_SHIFT;
        long prev = m.bits.prevStart(start + 1);
        return prev >= 0 && prev + h.objectSize(prev) > start + PAGE_SIZE;
    }

    @ParameterizedTest
    @CsvSource({"31, 95, ascending", "32, 60, descending", "33, 30, ascending", "34, 101, descending",
            "35, 95, in-place", "36, 30, in-place", "37, 101, in-place"})
    void everyPageBuildsOnceToWhatTheShadowSays(long seed, int dense, String order) {
        boolean descending = order.equals("descending");
        // in-place: ascending, each page built in its own from-space page (MOVE's recycling; every reader of a
        // from-space page lies at or below it, so in address order all of them are built by then), so a copy that
        // overwrote source bytes not yet read would show
        boolean inPlace = order.equals("in-place");
        SyntheticHeap h = new SyntheticHeap(4 << 20).randomGraph(seed, OBJECTS);
        Planned t = Planned.stopAndPlan(h, dense);
        Marker m = t.marks();
        Plan plan = t.plan();
        MemorySegment heap = t.heap();
        ShadowCheck shadow = t.shadow();
        MemorySegment from = t.from();
        int dead = 0;
        for (int p = 0; p < plan.oldPages; p++) {
            if (plan.deadArrayPage[p]) { // nobody reads it (MOVE drops it): scribble on it, no build may notice
                assertEquals(Integer.MAX_VALUE, plan.lowestReader[p], "dead array page " + p + " is read");
                from.asSlice((long) p << PAGE_SHIFT, PAGE_SIZE).fill((byte) 0x5a);
                dead++;
            }
        }
        assertTrue(dead > 0, "no page lies wholly in a dead large array");
        h.resumeTheWorld();
        PageBuilder builder = new PageBuilder(h, m, plan);
        MemorySegment built = Memory.mmapAnonymous((long) plan.destPages << PAGE_SHIFT);
        int slid = 0;
        for (int i = 0; i < plan.destPages; i++) {
            int p = descending ? plan.destPages - 1 - i : i;
            MemorySegment buf = built.asSlice((long) p << PAGE_SHIFT, PAGE_SIZE);
            if (inPlace && plan.slideSrc[p] < 0) {
                MemorySegment own = from.asSlice((long) p << PAGE_SHIFT, PAGE_SIZE);
                builder.build(p, own, from, h.heap().at(from.address()));
                MemorySegment.copy(own, 0, buf, 0, PAGE_SIZE);
            } else {
                builder.build(p, buf, from, h.heap().at(from.address()));
            }
            assertNull(shadow.check(p, buf));
            if (plan.slideSrc[p] >= 0) { // MOVE maps this from-space page unbuilt: it must be the page as built
                slid++;
                assertEquals(-1, buf.mismatch(from.asSlice((long) plan.slideSrc[p] << PAGE_SHIFT, PAGE_SIZE)),
                        "page " + p + " differs from the from-space page " + plan.slideSrc[p] + " it slides from");
            }
        }
        assertTrue(slid > 0, "no large array page slides");
        assertTrue(shadow.check(0, built.asSlice(0, PAGE_SIZE)).contains("built twice"));
        if (dense > 100) {
            // No prefix: the built-in collector's layout — byte for byte when no large primitive array got padded;
            // otherwise the same objects in the same order. The plan pads a large primitive array that moves with a
            // shared last page to its page end (so that its pages move whole from the next cycle on; the built-in
            // collector does not), and addresses, so reference values, differ after it.
            boolean padded = false;
            LargeArrays table = m.arrays.table();
            for (int i = 0; i < table.count(); i++) {
                padded |= m.bits.isFlagOnly(table.start(i)) && m.arrays.paddedNow(i) && !table.padded(i);
            }
            MarkCompact mc = new MarkCompact(h);
            mc.collect(Collector.Cause.SYSTEM_GC, 0);
            HeapAccess ours = h.heap().at(built.address());
            long at = 8;
            long our = 8;
            while (true) {
                while (our < plan.newTop && h.classId(ours, our) == FILLER_CLASS_ID) {
                    our += h.objectSize(ours, our);
                }
                while (at < h.top() && h.isFiller(at)) {
                    at += h.objectSize(at);
                }
                if (at >= h.top() || our >= plan.newTop) {
                    assertTrue(at >= h.top() && our >= plan.newTop, "object counts differ at " + at + " / " + our);
                    break;
                }
                long n = h.objectSize(at);
                assertEquals(h.classId(h.heap(), at), h.classId(ours, our), "class of the object at " + at + " / " + our);
                assertEquals(n, h.objectSize(ours, our), h.className(at) + " at " + at + " / " + our);
                if (!padded) { // filler bodies are garbage: headers only, above
                    assertEquals(at, our);
                    assertEquals(-1, built.asSlice(at, n).mismatch(heap.asSlice(at, n)), h.className(at) + " at " + at);
                }
                at += n;
                our += n;
            }
            assertTrue(padded || plan.newTop == h.top(), "tops differ without padding");
        }
        shadow.release();
        Memory.munmap(from);
        Memory.munmap(built);
    }

    /**
     * A reference array of more than a page (traced, so the plan page-aligns it where it lands) right after a small
     * object that ends on a page boundary at the source, with a dead node in front so everything slides by 24 bytes:
     * the array must land on the next page boundary, not right after its neighbour. The builder takes an object's
     * destination from the one before it when they are adjacent at the source; red without its large-object and
     * chunk-start exceptions (tried: the array's page differs from the shadow).
     */
    @ParameterizedTest
    @CsvSource({"101", "95"})
    void aLargeObjectAfterAPageEndingNeighbourLandsPageAligned(int dense) {
        SyntheticHeap h = new SyntheticHeap(4 << 20);
        h.node(0, 0, 0); // dead: the rest slides down 24 bytes
        int prev = 0;
        for (int round = 0; round < 3; round++) {
            while (PAGE_SIZE - (h.top() & (PAGE_SIZE - 1)) > 64) {
                prev = h.node(prev, 0, round);
            }
            int filler = h.array(SyntheticHeap.INTS, (int) ((PAGE_SIZE - (h.top() & (PAGE_SIZE - 1)) - 16) / 4));
            assertEquals(0, h.top() & (PAGE_SIZE - 1), "the small array ends on a page boundary");
            int refs = h.array(SyntheticHeap.REFS, 1100); // 4416 bytes: large, traced
            h.setRef(refs, 0, prev);
            h.setRef(refs, 1099, filler);
            prev = h.node(refs, prev, round);
        }
        h.addRoot(prev);
        PageBuilderTest.buildEveryPageInPlace(h, dense, (m, plan) -> { });
    }

    /**
     * A heap whose dense prefix is most of it (pairs of a node and an int array, a dead pair now and then, a few
     * multi-page long arrays, so gaps and page-covering heads occur inside the prefix): its page-by-page tables.
     */
    @ParameterizedTest
    @CsvSource({"41, 90", "42, 50"})
    void densePrefixTablesAreWhatAWalkOfItsObjectsGives(long seed, int dense) {
        SyntheticHeap h = new SyntheticHeap(4 << 20);
        java.util.Random r = new java.util.Random(seed);
        int prev = 0;
        for (int i = 0; i < 6000; i++) {
            int a = h.array(SyntheticHeap.INTS, 6 + i % 8);
            prev = h.node(prev, a, i);
            if (r.nextInt(40) == 0) {
                h.node(0, 0, i); // dead: a gap inside the prefix
            }
            if (r.nextInt(1500) == 0) { // page-aligned: a gap in front, and pages it covers whole
                prev = h.node(prev, h.array(SyntheticHeap.LONGS, 600 + r.nextInt(900)), i);
            }
        }
        h.addRoot(prev);
        Marker m = new Marker(h);
        Plan plan = new Plan(m, h);
        assertTrue(h.stopTheWorld());
        m.mark(h.top());
        plan.compute(h.top(), dense);
        h.resumeTheWorld();
        int pages = assertPrefixTablesAsByObjects(h, m, plan);
        assertTrue(pages >= 20, "a prefix of " + pages + " pages");
    }

    /** Plan.prefixTables (page by page) against a walk of the prefix's objects; returns the prefix's pages. */
    private static int assertPrefixTablesAsByObjects(SyntheticHeap h, Marker m, Plan plan) {
        long end = plan.densePrefixEnd;
        int prefixPages = (int) (end >>> PAGE_SHIFT);
        long[] first = new long[prefixPages];
        java.util.Arrays.fill(first, -1);
        boolean[] gap = new boolean[prefixPages];
        long prevEnd = 8;
        for (long obj = m.bits.nextStart(8, end); obj >= 0; obj = m.bits.nextStart(obj + 8, end)) {
            boolean array = m.bits.isFlagOnly(obj);
            long size = array ? m.arrays.size(obj) : h.objectSize(obj);
            for (int p = (int) (obj >>> PAGE_SHIFT); p <= (int) ((obj + size - 1) >>> PAGE_SHIFT) && p < prefixPages; p++) {
                if (first[p] < 0) {
                    first[p] = obj;
                    gap[p] = p > 0 && obj > ((long) p << PAGE_SHIFT) && prevEnd == ((long) p << PAGE_SHIFT);
                }
            }
            int i = array ? m.arrays.index(obj) : -1;
            prevEnd = obj + (array && m.arrays.paddedNow(i) ? ((size + PAGE_SIZE - 1) & -PAGE_SIZE) : size);
        }
        for (int p = 0; p < prefixPages; p++) {
            assertEquals(first[p] < 0 ? 0 : ref(first[p]), plan.firstSrc[p],
                    "prefix page " + p + "'s first object (a reference; 0 for none)");
            assertEquals(gap[p], plan.startsWithGap[p], "prefix page " + p + " starts with a gap");
            if (first[p] >= 0) {
                assertEquals(p, plan.srcLimit[p], "prefix page " + p + " reads only itself");
                assertEquals(p, plan.lowestReader[p], "prefix page " + p + " is read only by itself");
                assertEquals(h.classId(h.heap(), first[p]), plan.headClass[p], "prefix page " + p + "'s head class");
            }
        }
        return prefixPages;
    }

    /** A heap marked and planned with the world stopped, its shadow, and a from-space copy of it (the flip's). */
    record Planned(Marker marks, Plan plan, MemorySegment heap, ShadowCheck shadow, MemorySegment from) {
        static Planned stopAndPlan(SyntheticHeap h, int dense) {
            Marker m = new Marker(h);
            Plan plan = new Plan(m, h);
            assertTrue(h.stopTheWorld());
            m.mark(h.top());
            plan.compute(h.top(), dense);
            MemorySegment heap = h.rawHeap().region();
            MemorySegment from = Memory.mmapAnonymous((long) plan.oldPages << PAGE_SHIFT);
            MemorySegment.copy(heap, 0, from, 0, plan.oldTop);
            return new Planned(m, plan, heap, new ShadowCheck(h, plan, m.bits, heap, m.pageLive), from);
        }
    }
}
