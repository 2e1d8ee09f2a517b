package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static dev.uffdgc.kernel.uapi.Mman.MREMAP_DONTUNMAP;
import static dev.uffdgc.kernel.uapi.Mman.MREMAP_MAYMOVE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The compactor's flip: mremap(MREMAP_MAYMOVE | MREMAP_DONTUNMAP) moves every page to a new range and leaves
 * the old one mapped but empty; registered for MISSING faults, the old range faults and is refilled by MOVE.
 */
class MremapDontunmapTest {
    private static final int PAGES = 32;

    @Test
    @Timeout(30)
    void oldRangeStaysMappedButEmpty() {
        MemorySegment heap = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        Pages.fill(heap, 41);
        MemorySegment from = Memory.mremap(heap, heap.byteSize(), MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
        try {
            assertNotEquals(heap.address(), from.address());
            assertEquals(-1, Pages.firstMismatch(from, 41, 0), "the new range has the data");
            assertArrayEquals(new boolean[PAGES], Memory.mincore(heap), "no page is left in the old range");
            assertTrue(Pages.allZero(heap), "the old range is still mapped and reads zero");
        } finally {
            Memory.munmap(from);
            Memory.munmap(heap);
        }
    }

    @Test
    @Timeout(60)
    void registeredOldRangeFaultsAndIsRefilledByMove() throws Exception {
        MemorySegment heap = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        Pages.fill(heap, 42);
        MemorySegment from = Memory.mremap(heap, heap.byteSize(), MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
        try (Uffd uffd = Uffds.openWithMove(0)) {
            uffd.register(heap, UFFDIO_REGISTER_MODE_MISSING);
            long delta = from.address() - heap.address();
            try (FaultHandler handler = new FaultHandler(uffd,
                    f -> uffd.move(f.pageAddress(), f.pageAddress() + delta, PAGE_SIZE, 0))) {
                FutureTask<long[]> mutator = Threads.start("mutator", () -> {
                    long[] seen = new long[PAGES];
                    for (int p = PAGES - 1; p >= 0; p--) { // any order: each page faults on first touch
                        seen[p] = NativeAccess.readLong(heap.address() + p * PAGE_SIZE + 16);
                    }
                    return seen;
                });
                long[] seen = Threads.await(mutator, handler, 30_000);
                for (int p = 0; p < PAGES; p++) {
                    assertEquals(Pages.value(42, p, 2), seen[p], "page " + p);
                }
                assertEquals(PAGES, handler.faults());
            }
            assertEquals(-1, Pages.firstMismatch(heap, 42, 0), "the heap is whole again");
            assertTrue(Pages.allZero(from), "the from-space gave up every page");
        } finally {
            Memory.munmap(from);
            Memory.munmap(heap);
        }
    }
}
