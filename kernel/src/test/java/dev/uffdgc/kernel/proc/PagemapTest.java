package dev.uffdgc.kernel.proc;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.uapi.Mman;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PagemapTest {
    private Pagemap pagemap;

    @BeforeEach
    void open() {
        pagemap = Pagemap.openSelf();
    }

    @AfterEach
    void close() {
        pagemap.close();
    }

    @Test
    void presentBitFlipsOnTouchAndClearsAfterDontneed() {
        MemorySegment m = Memory.mmapAnonymous(16 * PAGE_SIZE);
        try {
            long page3 = m.address() + 3 * PAGE_SIZE;
            assertFalse(pagemap.page(page3).present());
            assertEquals(0, pagemap.countPresent(m));

            m.set(ValueLayout.JAVA_LONG, 3 * PAGE_SIZE + 8, 99L);
            PageEntry e = pagemap.page(page3);
            assertTrue(e.present(), e.toString());
            assertFalse(e.swapped(), e.toString());
            assertTrue(e.exclusive(), "a written private anonymous page is exclusively mapped: " + e);
            assertFalse(e.file(), e.toString());
            if (ProcStatus.self().hasCapSysAdmin()) {
                assertTrue(e.pfn() > 0, "CAP_SYS_ADMIN sees the PFN: " + e);
            }
            assertEquals(1, pagemap.countPresent(m));
            assertFalse(pagemap.page(page3 + PAGE_SIZE).present(), "the neighbour stays untouched");

            Memory.madvise(m, Mman.MADV_DONTNEED);
            e = pagemap.page(page3);
            assertFalse(e.present(), e.toString());
            assertFalse(e.swapped(), e.toString());
            assertEquals(0, pagemap.countPresent(m));
        } finally {
            Memory.munmap(m);
        }
    }

    @Test
    void countsMatchMincorePageByPage() {
        int pages = 2048;
        MemorySegment m = Memory.mmapAnonymous(pages * PAGE_SIZE);
        try {
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < pages; i++) {
                if (random.nextInt(3) == 0) {
                    m.set(ValueLayout.JAVA_BYTE, i * PAGE_SIZE + random.nextInt((int) PAGE_SIZE), (byte) 1);
                }
            }
            boolean[] resident = Memory.mincore(m);
            PageEntry[] entries = pagemap.pages(m);
            assertEquals(pages, entries.length);
            long residentCount = 0;
            for (int i = 0; i < pages; i++) {
                assertEquals(resident[i], entries[i].present(), "page " + i + ": " + entries[i]);
                residentCount += resident[i] ? 1 : 0;
            }
            assertTrue(residentCount > pages / 4 && residentCount < pages / 2, "sanity: " + residentCount);
            assertEquals(residentCount, pagemap.countPresent(m));
            assertEquals(0, pagemap.countSwapped(m));

            PageCounts counts = pagemap.counts(m);
            assertEquals(new PageCounts(pages, residentCount, 0, residentCount, counts.softDirty()), counts);
            assertEquals(pages - residentCount, counts.none());
        } finally {
            Memory.munmap(m);
        }
    }

    @Test
    void anUnalignedRangeCoversEveryPageItTouches() {
        MemorySegment m = Memory.mmapAnonymous(4 * PAGE_SIZE);
        try {
            m.set(ValueLayout.JAVA_BYTE, PAGE_SIZE, (byte) 1);
            m.set(ValueLayout.JAVA_BYTE, 2 * PAGE_SIZE, (byte) 1);
            MemorySegment straddling = m.asSlice(PAGE_SIZE + PAGE_SIZE - 10, 20);
            assertEquals(2, Pagemap.pageCount(straddling));
            assertEquals(2, pagemap.countPresent(straddling));
            assertEquals(2, pagemap.countPresent(m));
        } finally {
            Memory.munmap(m);
        }
    }

    @Test
    void softDirtyMeansWrittenSinceTheLastClear() {
        MemorySegment m = Memory.mmapAnonymous(8 * PAGE_SIZE);
        try {
            for (int i = 0; i < 8; i++) {
                m.set(ValueLayout.JAVA_LONG, i * PAGE_SIZE, i);
            }
            assumeTrue(pagemap.countAll(m, Pagemap.PM_PRESENT | Pagemap.PM_SOFT_DIRTY) == 8,
                    "kernel without CONFIG_MEM_SOFT_DIRTY: new pages are not marked soft-dirty");
            Pagemap.clearSoftDirty();
            assertEquals(0, pagemap.counts(m).softDirty(), "clear_refs 4 clears every soft-dirty bit");
            long sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += m.get(ValueLayout.JAVA_LONG, i * PAGE_SIZE);
            }
            assertEquals(28, sum);
            assertEquals(0, pagemap.counts(m).softDirty(), "reads do not make pages soft-dirty");
            m.set(ValueLayout.JAVA_LONG, 5 * PAGE_SIZE, 55L);
            assertTrue(pagemap.page(m.address() + 5 * PAGE_SIZE).softDirty());
            assertEquals(1, pagemap.counts(m).softDirty());
        } finally {
            Memory.munmap(m);
        }
    }

    @Test
    void countingAHeapSizedRangeAllocatesNothingPerPage() {
        long pages = 1L << 16; // 256 MiB of address space, untouched apart from a few pages
        MemorySegment m = Memory.mmapAnonymous(pages * PAGE_SIZE);
        try {
            for (long i = 0; i < pages; i += 1024) {
                m.set(ValueLayout.JAVA_BYTE, i * PAGE_SIZE, (byte) 1);
            }
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long expected = pages / 1024;
            for (int i = 0; i < 3000; i++) { // warm up: size the buffer, let the JIT compile the downcall path
                assertEquals(expected, pagemap.countPresent(m));
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            long total = 0;
            for (int i = 0; i < 50; i++) {
                total += pagemap.countPresent(m) + pagemap.countSwapped(m);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(50 * expected, total);
            // 100 reads of 65536 entries: even one byte per page would be 6.5 MB. Measured: ~40 bytes per read.
            assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes for 100 counts");
        } finally {
            Memory.munmap(m);
        }
    }

    @Test
    void closeIsIdempotent() {
        Pagemap p = Pagemap.openSelf();
        p.close();
        p.close();
    }
}
