package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The selftests' "move" test: a thread touching missing pages blocks until a handler moves each page in from
 * a source buffer; afterwards the destination holds the data and the source is empty.
 */
class MoveFaultTest {
    private static final int PAGES = 64;

    @Test
    @Timeout(60)
    void faultsAreResolvedByMovingPagesIn() throws Exception {
        MemorySegment src = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        MemorySegment dst = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        Pages.fill(src, 7);
        try (Uffd uffd = Uffds.openWithMove(0)) {
            uffd.register(dst, UFFDIO_REGISTER_MODE_MISSING);
            long delta = src.address() - dst.address();
            try (FaultHandler handler = new FaultHandler(uffd,
                    f -> uffd.move(f.pageAddress(), f.pageAddress() + delta, PAGE_SIZE, 0))) {
                FutureTask<long[]> mutator = Threads.start("mutator", () -> touchEveryPage(dst));
                long[] seen = Threads.await(mutator, handler, 30_000);
                for (int p = 0; p < PAGES; p++) {
                    assertEquals(Pages.value(7, p, 0), seen[2 * p], "first word of page " + p);
                    assertEquals(Pages.value(7, p, PAGE_SIZE / 8 - 1), seen[2 * p + 1], "last word of page " + p);
                }
                assertEquals(PAGES, handler.faults(), "each page faults exactly once");
                assertTrue(handler.events().stream().allMatch(UffdEvent::isPagefault), handler.events().toString());
            }
            assertEquals(-1, Pages.firstMismatch(dst, 7, 0), "destination holds the source data");
            assertTrue(Pages.allZero(src), "moved-out source pages read back as zero");
        } finally {
            Memory.munmap(dst);
            Memory.munmap(src);
        }
    }

    /** Reads the first and last word of every page through native access, in page order. */
    private static long[] touchEveryPage(MemorySegment dst) {
        long[] seen = new long[2 * PAGES];
        for (int p = 0; p < PAGES; p++) {
            long page = dst.address() + p * PAGE_SIZE;
            seen[2 * p] = NativeAccess.readLong(page);
            seen[2 * p + 1] = NativeAccess.readLong(page + PAGE_SIZE - 8);
        }
        return seen;
    }
}
