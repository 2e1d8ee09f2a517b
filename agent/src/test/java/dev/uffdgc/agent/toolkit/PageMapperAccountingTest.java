package dev.uffdgc.agent.toolkit;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.uffdgc.kernel.Errno;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PageMapper's accounting (issue 11) against a scripted kernel that counts its own calls: partial moves (EAGAIN
 * with a count), EAGAIN with nothing done, EBUSY (the page goes by COPY) — every run lands in the right run-length
 * bucket, every MOVE counts as a TLB-flushing call, and the cycle's counters add up. No memory is touched.
 */
@Timeout(30)
class PageMapperAccountingTest {
    /** MOVE maps at most {@code maxPages} per call; answers EBUSY once at {@code busyPage}, EAGAIN once at the start. */
    static final class ScriptedKernel implements UffdOps {
        final long maxPages;
        final long busyAt;
        boolean eagainPending;
        boolean busyPending = true;
        long moves;
        long copies;

        ScriptedKernel(long maxPages, long busyAt, boolean eagainFirst) {
            this.maxPages = maxPages;
            this.busyAt = busyAt;
            this.eagainPending = eagainFirst;
        }

        @Override
        public long move(long dst, long src, long len) {
            moves++;
            if (eagainPending) {
                eagainPending = false;
                return -Errno.EAGAIN.number();
            }
            if (busyPending && dst == busyAt) {
                busyPending = false;
                return -Errno.EBUSY.number();
            }
            long n = Math.min(len, maxPages * PAGE_SIZE);
            if (busyPending && dst < busyAt && dst + n > busyAt) {
                n = busyAt - dst; // the kernel stops before the page it cannot move (the rest is EAGAIN-partial)
            }
            return n;
        }

        @Override
        public long copy(long dst, long src, long len) {
            copies++;
            return len;
        }

        @Override
        public void unregister(MemorySegment range) {
        }
    }

    private static final long DST = 1L << 40;
    private static final long SRC = 2L << 40;

    @Test
    void partialMovesAndAnEbusyFallbackLandInTheirBucketsAndAddUp() {
        MapCounters c = new MapCounters();
        ScriptedKernel k = new ScriptedKernel(7, DST + 14 * PAGE_SIZE, true);
        new PageMapper(k, true, c).map(DST, SRC, 20 * PAGE_SIZE);
        // EAGAIN (nothing), 7, 7, EBUSY at page 14 -> COPY of 1, then the last 5 pages in one MOVE.
        assertEquals(5, k.moves);
        assertEquals(1, k.copies);
        assertEquals(k.moves, c.moveIoctls.sum(), "every MOVE is a TLB-flushing call");
        assertEquals(k.moves + k.copies, c.ioctls.sum());
        assertEquals(2, c.failedIoctls.sum());
        assertEquals(3, c.moveRuns.ioctls(RunLengths.bucket(7)));
        assertEquals(19, c.moveRuns.pages(RunLengths.bucket(2)));
        assertEquals(1, c.copyRuns.ioctls(0));
        assertEquals(1, c.fallbackCopies.sum());
        assertEquals(19 * PAGE_SIZE, c.pteRunBytes());
        assertEquals(0, c.singlePageBytes());
        assertEquals(PAGE_SIZE, c.copiedBytes());
        Accounting.check(c, 20, "20 pages");
    }

    @Test
    void singlePagesLongRunsAndCopiesEachGoToTheirClass() {
        MapCounters c = new MapCounters();
        ScriptedKernel k = new ScriptedKernel(1 << 20, -1, false);
        PageMapper move = new PageMapper(k, true, c);
        move.map(DST, SRC, PAGE_SIZE);
        move.map(DST + PAGE_SIZE, SRC + PAGE_SIZE, 600 * PAGE_SIZE);
        move.map(DST + 601 * PAGE_SIZE, SRC + 601 * PAGE_SIZE, 40 * PAGE_SIZE);
        new PageMapper(k, false, c).map(DST + 641 * PAGE_SIZE, SRC, 16 * PAGE_SIZE);
        c.copiedDirect(3);
        assertEquals("1:1 16-63:1 512+:1", c.moveRuns.histogram());
        assertEquals("16-63:1", c.copyRuns.histogram());
        assertEquals(PAGE_SIZE, c.singlePageBytes());
        assertEquals(640 * PAGE_SIZE, c.pteRunBytes());
        assertEquals(19 * PAGE_SIZE, c.copiedBytes());
        assertEquals(3, c.moveIoctls.sum());
        Accounting.check(c, 1 + 600 + 40 + 16 + 3, "mixed");
    }

    @Test
    void bucketsSplitWhereTheKernelsCostPerPageChanges() {
        long[][] cases = {{1, 0}, {2, 1}, {15, 1}, {16, 2}, {63, 2}, {64, 3}, {511, 3}, {512, 4}, {100_000, 4}};
        for (long[] t : cases) {
            assertEquals(t[1], RunLengths.bucket(t[0]), t[0] + " pages");
        }
    }
}
