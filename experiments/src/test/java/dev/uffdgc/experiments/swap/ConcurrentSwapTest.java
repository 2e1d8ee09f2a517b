package dev.uffdgc.experiments.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11 in the collector users run: the concurrent compactor with MOVE slides the large arrays' whole pages
 * from the from-space unread, so the workload's cold pages, pushed to swap, stay swapped out across a cycle
 * (pagemap's swapped bit, before and after, over the used heap); with COPY every page is built, so read, and
 * they come back in. The graph hash across the cycle and the guest's own check of every survivor hold in both.
 */
@Timeout(300)
class ConcurrentSwapTest extends SwapFixture {
    private static final long HEAP = 24L << 20;

    @Test
    void moveSlidesColdArraysUnreadCopySwapsThemIn() {
        RunResult move = SwapRun.run(Mode.MOVE, "swapped", HEAP, 0.75, 0.3, Support.guestClasses(), true, quiet());
        RunResult copy = SwapRun.run(Mode.COPY, "swapped", HEAP, 0.75, 0.3, Support.guestClasses(), true, quiet());
        bothRanIntact(move, copy);
        for (RunResult r : new RunResult[] {move, copy}) {
            assertTrue(r.has("cycleBuiltPages") && r.num("cycleBuiltPages") > 0, r.get("mode") + ": no cycle measured: " + r.asMap());
        }
        assertTrue(move.num("cycleSlidPages") >= move.num("liveColdSwappedBefore"),
                "MOVE slid fewer pages than were swapped out: " + move.asMap());
        assertEquals(0, move.num("cycleFallbackCopies"), "MOVEs fell back to COPY (which reads the page): " + move.asMap());
        assertEquals(0, move.num("swappedIn"), "live cold pages swapped in by MOVE (pagemap): " + move.asMap());
        assertEquals(move.num("liveColdSwappedBefore"), move.num("heapSwappedAfter"), "swapped pages before and after MOVE");
        assertEquals(0, copy.num("cycleSlidPages"), "COPY slid pages: " + copy.asMap());
        assertTrue(copy.num("swappedIn") >= copy.num("liveColdSwappedBefore") * 9 / 10,
                "COPY swapped in fewer than 90% of the live cold pages (pagemap): " + copy.asMap());
    }
}
