package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.*;

import dev.uffdgc.kernel.proc.PageCounts;
import dev.uffdgc.kernel.proc.PageEntry;
import dev.uffdgc.kernel.proc.Pagemap;
import dev.uffdgc.kernel.proc.ProcStatus;
import dev.uffdgc.kernel.proc.VmStat;
import dev.uffdgc.kernel.testing.SwapTestBase;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pages really go out to swap and come back intact, and every counter we read sees it. Uses the machine's swap
 * if some is active (and leaves it alone); otherwise, as root, a swapfile of its own that it removes afterwards.
 */
@Timeout(120)
class SwapTest extends SwapTestBase {
    private static final int PAGES = 4096; // 16 MiB

    private MemorySegment memory;
    private Pagemap pagemap;

    @AfterEach
    void unmap() {
        if (memory != null) {
            Memory.munmap(memory);
        }
        if (pagemap != null) {
            pagemap.close();
        }
    }

    @Test
    void pagesGoOutToSwapAndComeBackIntact() {
        memory = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        pagemap = Pagemap.openSelf();
        fill(memory);
        assertEquals(PAGES, pagemap.countPresent(memory));

        VmStat vm0 = VmStat.snapshot();
        ProcStatus st0 = ProcStatus.self();
        long swapped = SwapOut.evict(memory, pagemap, Duration.ofSeconds(30));
        VmStat vm1 = VmStat.snapshot();
        ProcStatus st1 = ProcStatus.self();

        PageCounts out = pagemap.counts(memory);
        assertEquals(swapped, out.swapped());
        assertTrue(out.swapped() >= PAGES * 9L / 10, "pagemap swapped bit on " + out.swapped() + " of " + PAGES);
        assertEquals(PAGES - out.swapped(), out.present(), out.toString());
        PageEntry first = firstSwapped();
        if (ProcStatus.self().hasCapSysAdmin()) {
            assertTrue(first.swapOffset() > 0, "CAP_SYS_ADMIN sees the swap slot: " + first);
        }
        assertEquals(0, SwapOut.inSwapCache(memory, pagemap), "evicted pages left the swap cache too");
        assertEquals(PAGES - out.swapped(), count(Memory.mincore(memory)), "mincore: resident = not swapped");
        assertTrue(vm1.minus(vm0).pswpout() >= out.swapped() * 9 / 10, "pswpout " + vm1.minus(vm0));
        assertTrue(st1.vmSwap() - st0.vmSwap() >= out.swapped() * PAGE_SIZE, st0 + " -> " + st1);

        Rusage thread0 = Rusage.thread();
        Rusage self0 = Rusage.self();
        verify(memory);
        Rusage thread = Rusage.thread().minus(thread0);
        VmStat vm2 = VmStat.snapshot();
        ProcStatus st2 = ProcStatus.self();

        System.out.printf("swapped %d of %d pages; pswpout +%d; pswpin +%d; majflt +%d (thread); VmSwap %d -> %d -> %d kB%n",
                out.swapped(), PAGES, vm1.minus(vm0).pswpout(), vm2.minus(vm1).pswpin(), thread.majorFaults(),
                st0.vmSwap() >> 10, st1.vmSwap() >> 10, st2.vmSwap() >> 10);
        assertEquals(PAGES, pagemap.countPresent(memory));
        assertTrue(vm2.minus(vm1).pswpin() >= out.swapped(), "pswpin " + vm2.minus(vm1) + " for " + out.swapped());
        // Swap readahead (vm.page-cluster) brings neighbours in with each I/O, so fewer faults than pages.
        assertTrue(thread.majorFaults() >= out.swapped() / 64, "majflt +" + thread.majorFaults() + " " + thread);
        assertTrue(Rusage.self().minus(self0).majorFaults() >= thread.majorFaults());
        assertTrue(vm2.minus(vm1).pgmajfault() >= thread.majorFaults(), vm2.minus(vm1).toString());
        assertTrue(st2.vmSwap() <= st1.vmSwap() - out.swapped() * PAGE_SIZE * 9 / 10, st1 + " -> " + st2);
    }

    private PageEntry firstSwapped() {
        PageEntry[] entries = pagemap.pages(memory);
        for (PageEntry e : entries) {
            if (e.swapped()) {
                assertFalse(e.present(), e.toString());
                return e;
            }
        }
        throw new AssertionError("no swapped page");
    }

    /** Every long of every page distinct, so a page swapped back in at the wrong place is caught. */
    private static void fill(MemorySegment m) {
        for (long i = 0; i < m.byteSize() / 8; i++) {
            m.setAtIndex(ValueLayout.JAVA_LONG, i, pattern(i));
        }
    }

    private static void verify(MemorySegment m) {
        for (long i = 0; i < m.byteSize() / 8; i++) {
            long v = m.getAtIndex(ValueLayout.JAVA_LONG, i);
            if (v != pattern(i)) {
                fail("page " + i * 8 / PAGE_SIZE + " long " + i + ": 0x" + Long.toHexString(v));
            }
        }
    }

    private static long pattern(long i) {
        return i * 0x9E3779B97F4A7C15L ^ 0x5DEECE66DL;
    }

    private static long count(boolean[] bits) {
        long n = 0;
        for (boolean b : bits) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
