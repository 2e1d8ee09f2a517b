package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.kernel.proc.PageCounts;
import dev.uffdgc.kernel.proc.Pagemap;
import dev.uffdgc.kernel.proc.VmStat;
import dev.uffdgc.kernel.testing.SwapTestBase;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The property the swap experiments rest on: UFFDIO_MOVE moves swapped-out pages as swap entries, without
 * reading them. The destination's pagemap shows them swapped, nothing was swapped in during the move, and the
 * data comes back intact when the pages are finally read.
 */
@Timeout(120)
class MoveSwappedTest extends SwapTestBase {
    private static final int PAGES = 4096; // 16 MiB
    private static final long TAG = 0x5a5a;

    private MemorySegment src;
    private MemorySegment dst;
    private Pagemap pagemap;

    @AfterEach
    void unmap() {
        if (src != null) {
            Memory.munmap(src);
        }
        if (dst != null) {
            Memory.munmap(dst);
        }
        if (pagemap != null) {
            pagemap.close();
        }
    }

    @Test
    void swappedOutPagesMoveWithoutBeingSwappedIn() {
        src = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        dst = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        pagemap = Pagemap.openSelf();
        Pages.fill(src, TAG);
        long swapped = SwapOut.evict(src, pagemap, Duration.ofSeconds(30));
        assertTrue(swapped >= PAGES * 9L / 10, "only " + swapped + " of " + PAGES + " pages went to swap");

        try (Uffd uffd = Uffds.openWithMove(0)) {
            uffd.register(dst, UFFDIO_REGISTER_MODE_MISSING);
            VmStat before = VmStat.snapshot();
            Rusage thread0 = Rusage.thread();
            uffd.moveFully(dst.address(), src.address(), dst.byteSize(), 0);
            Rusage moving = Rusage.thread().minus(thread0);
            VmStat during = VmStat.snapshot().minus(before);
            uffd.unregister(dst);

            PageCounts moved = pagemap.counts(dst);
            PageCounts left = pagemap.counts(src);
            assertEquals(swapped, moved.swapped(), "swapped pages at the destination: " + moved);
            assertEquals(PAGES - swapped, moved.present(), moved.toString());
            assertEquals(0, left.present() + left.swapped(), "the source still holds pages: " + left);
            assertEquals(0, moving.majorFaults(), "the moving thread took major faults: " + moving);
            // pswpin is system-wide: allow a little noise from other processes, far below the pages moved.
            assertTrue(during.pswpin() <= swapped / 100, "pages swapped in during MOVE: " + during.pswpin());
        }

        VmStat beforeRead = VmStat.snapshot();
        assertEquals(-1, Pages.firstMismatch(dst, TAG, 0), "first page whose data differs after the move");
        assertTrue(VmStat.snapshot().minus(beforeRead).pswpin() >= swapped * 9 / 10,
                "reading the moved pages should swap them in: they were still on swap after the move");
    }
}
