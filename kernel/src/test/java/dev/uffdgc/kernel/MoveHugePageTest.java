package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.HUGE_PAGE_SIZE;
import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static dev.uffdgc.kernel.uapi.Mman.MADV_HUGEPAGE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The selftests' "move-pmd" and "move-pmd-split": a PMD-aligned 2 MiB move of a transparent huge page moves
 * the PMD whole (move_pages_huge_pmd), while moving 4 KiB out of one splits it first.
 */
class MoveHugePageTest {
    private static final long KB_PER_THP = HUGE_PAGE_SIZE / 1024;

    private Uffd uffd;
    private MemorySegment src;
    private MemorySegment dst;

    @BeforeEach
    void mapHugePageSource() {
        uffd = Uffds.openWithMove(0);
        src = Memory.mmapAnonymous(HUGE_PAGE_SIZE, HUGE_PAGE_SIZE);
        dst = Memory.mmapAnonymous(HUGE_PAGE_SIZE, HUGE_PAGE_SIZE);
        Memory.madvise(src, MADV_HUGEPAGE);
        Memory.madvise(dst, MADV_HUGEPAGE);
        Pages.fill(src, 11);
        long thpKb = Smaps.anonHugePagesKb(src.address());
        assumeTrue(thpKb >= KB_PER_THP, "no transparent huge page after MADV_HUGEPAGE and a full write (AnonHugePages "
                + thpKb + " kB; /sys/kernel/mm/transparent_hugepage/enabled: " + Smaps.thpSetting() + ")");
        uffd.register(dst, UFFDIO_REGISTER_MODE_MISSING);
    }

    @AfterEach
    void unmap() {
        uffd.close();
        Memory.munmap(dst);
        Memory.munmap(src);
    }

    @Test
    @Timeout(60)
    void alignedHugePageMovesWhole() {
        assertEquals(1, uffd.moveFully(dst.address(), src.address(), HUGE_PAGE_SIZE, 0), "one ioctl");
        assertEquals(KB_PER_THP, Smaps.anonHugePagesKb(dst.address()), "the destination is mapped by the huge PMD");
        assertEquals(0, Smaps.anonHugePagesKb(src.address()), "the source lost its huge page");
        assertEquals(-1, Pages.firstMismatch(dst, 11, 0));
        assertTrue(Pages.allZero(src));
    }

    @Test
    @Timeout(60)
    void movingPartOfAHugePageSplitsIt() {
        int page = 100;
        long moved = uffd.move(dst.address() + page * PAGE_SIZE, src.address() + page * PAGE_SIZE, PAGE_SIZE, 0);
        assertEquals(PAGE_SIZE, moved);
        assertEquals(0, Smaps.anonHugePagesKb(src.address()), "the source PMD was split");
        assertEquals(-1, Pages.firstMismatch(Pages.page(dst, page), 11, page));
        assertTrue(Pages.allZero(Pages.page(src, page)), "the moved page left a hole");
        assertEquals(-1, Pages.firstMismatch(src.asSlice(0, page * PAGE_SIZE), 11, 0), "pages before are intact");
        long after = (page + 1) * PAGE_SIZE;
        assertEquals(-1, Pages.firstMismatch(src.asSlice(after, HUGE_PAGE_SIZE - after), 11, page + 1),
                "pages after are intact");
        boolean[] resident = Memory.mincore(dst);
        for (int p = 0; p < resident.length; p++) {
            assertEquals(p == page, resident[p], "only the moved page is present at dst, page " + p);
        }
    }
}
