package dev.uffdgc.agent.toolkit;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.SwapOut;
import dev.uffdgc.kernel.proc.Pagemap;
import dev.uffdgc.kernel.testing.SwapTestBase;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The emergency path's direct copy (issue 14): a source page that is swapped out must be copied, not taken for a
 * hole. The source run holds a present page, a swapped-out page, a hole (a page that was moved into the heap
 * before the failure) and another present page; the copy must bring all three data pages across and leave the
 * hole's destination untouched. Skipping by mincore, as the code once did, loses the swapped-out page here
 * (mincore reports it "not resident" like the hole).
 */
@Timeout(120)
class CopyUnregisteredTest extends SwapTestBase {
    private static final int PAGES = 4;
    private static final int SWAPPED = 1;
    private static final int HOLE = 2;

    private MemorySegment src;
    private MemorySegment dst;

    @AfterEach
    void unmap() {
        if (src != null) {
            Memory.munmap(src);
        }
        if (dst != null) {
            Memory.munmap(dst);
        }
    }

    @Test
    void swappedOutSourcePagesAreCopiedAndHolesSkipped() {
        src = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        dst = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        for (int p = 0; p < PAGES; p++) {
            if (p != HOLE) {
                fill(src, p);
            }
        }
        try (Pagemap pagemap = Pagemap.openSelf()) {
            MemorySegment cold = src.asSlice(SWAPPED * PAGE_SIZE, PAGE_SIZE);
            assertEquals(1, SwapOut.evict(cold, pagemap, Duration.ofSeconds(30)), "the cold page did not go to swap");
            assertTrue(Pagemap.isSwapped(pagemap.entry(cold.address())), "page " + SWAPPED + " is not swapped out");
            assertFalse(Memory.mincore(cold)[0], "mincore must call a swapped-out page not resident (the old bug's"
                    + " premise)");

            long copied = PageMapper.copyUnregistered(dst.address(), src.address(), PAGES * PAGE_SIZE);

            assertEquals(PAGES - 1, copied, "pages copied");
            for (int p = 0; p < PAGES; p++) {
                if (p == HOLE) {
                    assertFalse(Pagemap.isPresent(pagemap.entry(dst.address() + HOLE * PAGE_SIZE)),
                            "the hole's destination page was written");
                } else {
                    assertEquals(-1, firstMismatch(dst, p), "data of page " + p + " at the destination");
                }
            }
        }
    }

    private static void fill(MemorySegment m, int page) {
        for (long off = 0; off < PAGE_SIZE; off += 8) {
            m.set(JAVA_LONG, page * PAGE_SIZE + off, value(page, off));
        }
    }

    /** The first offset in {@code page} whose value differs, or -1. */
    private static long firstMismatch(MemorySegment m, int page) {
        for (long off = 0; off < PAGE_SIZE; off += 8) {
            if (m.get(JAVA_LONG, page * PAGE_SIZE + off) != value(page, off)) {
                return off;
            }
        }
        return -1;
    }

    private static long value(int page, long off) {
        return 0x5eed_0000_0000L ^ ((long) page << 20) ^ off;
    }
}
