package dev.uffdgc.kernel.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.uapi.Mman;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PAGEMAP_SCAN's PAGE_IS_HUGE: a touched MADV_HUGEPAGE range is counted whole, a MADV_NOHUGEPAGE one not at all. */
class PagemapScanTest {
    private static final long PMD = Memory.HUGE_PAGE_SIZE;

    @Test
    @Timeout(10)
    void countsTheBytesMappedByHugePmds() throws IOException {
        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        assumeTrue(Files.exists(thp) && !Files.readString(thp).contains("[never]"), "THP is off on this machine");
        MemorySegment huge = Memory.mmapAnonymous(2 * PMD, PMD);
        MemorySegment small = Memory.mmapAnonymous(2 * PMD, PMD);
        try (PagemapScan scan = PagemapScan.openSelf()) {
            Memory.madvise(huge, Mman.MADV_HUGEPAGE);
            Memory.madvise(small, Mman.MADV_NOHUGEPAGE);
            for (long off = 0; off < 2 * PMD; off += Memory.PAGE_SIZE) {
                huge.set(ValueLayout.JAVA_BYTE, off, (byte) 1);
                small.set(ValueLayout.JAVA_BYTE, off, (byte) 1);
            }
            assertEquals(0, scan.hugeBytes(small.address(), small.byteSize()), "4 KiB pages counted as huge");
            long h = scan.hugeBytes(huge.address(), huge.byteSize());
            assumeTrue(h > 0, "no huge page was allocated (memory fragmented?)");
            assertEquals(2 * PMD, h, "one of the two PMDs was not counted");
            assertEquals(PMD, scan.hugeBytes(huge.address() + PMD, PMD), "the second PMD alone");
            Memory.madvise(huge.asSlice(0, Memory.PAGE_SIZE), Mman.MADV_DONTNEED); // splits the first PMD
            assertEquals(PMD, scan.hugeBytes(huge.address(), huge.byteSize()), "a split PMD still counted");
        } finally {
            Memory.munmap(huge);
            Memory.munmap(small);
        }
    }
}
