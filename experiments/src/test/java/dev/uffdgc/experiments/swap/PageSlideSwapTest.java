package dev.uffdgc.experiments.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The swap experiment, small: with the workload's cold pages pushed to swap, page-slide compaction with MOVE
 * swaps none of them in, with COPY it swaps them in, and the object graph comes through intact (graph hash
 * around the cycle, and the guest's own check of every survivor afterwards).
 */
@Timeout(300)
class PageSlideSwapTest extends SwapFixture {
    private static final long HEAP = 24L << 20;

    @Test
    void moveSwapsInNothingCopySwapsInAndTheGraphSurvives() {
        RunResult move = SwapRun.run(Mode.SLIDE, "swapped", HEAP, 0.75, 0.3, Support.guestClasses(), true, quiet());
        RunResult copy = SwapRun.run(Mode.SLIDE_COPY, "swapped", HEAP, 0.75, 0.3, Support.guestClasses(), true, quiet());
        bothRanIntact(move, copy);
        assertTrue(move.num("pagesMoved") > 0, "MOVE moved no pages: " + move.asMap());
        assertEquals(0, move.num("swappedIn"), "live cold pages swapped in by MOVE (pagemap): " + move.asMap());
        assertEquals(0, move.num("majorFaultsThread"), "major faults of the compacting thread with MOVE");
        assertEquals(move.num("liveColdSwappedBefore"), move.num("heapSwappedAfter"), "swapped pages before and after MOVE");
        assertTrue(copy.num("pagesCopied") > 0, "COPY copied no pages: " + copy.asMap());
        assertTrue(copy.num("swappedIn") > 0, "COPY swapped nothing in (pagemap): " + copy.asMap());
        assertTrue(copy.num("majorFaultsThread") > 0 || copy.num("pswpin") > 0, "COPY: no swap-in seen: " + copy.asMap());
    }
}
