package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static dev.uffdgc.kernel.uapi.Mman.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MemoryTest {

    @Test
    void alignedMappingsStartOnTheAlignmentAndAreUsableEndToEnd() {
        for (long size : new long[] {PAGE_SIZE, 3 * Memory.HUGE_PAGE_SIZE + PAGE_SIZE}) {
            MemorySegment m = Memory.mmapAnonymous(size, Memory.HUGE_PAGE_SIZE);
            try {
                assertEquals(0, m.address() % Memory.HUGE_PAGE_SIZE, "start 0x" + Long.toHexString(m.address()));
                assertEquals(size, m.byteSize());
                m.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
                m.set(ValueLayout.JAVA_BYTE, size - 1, (byte) 2);
                assertEquals(2, m.get(ValueLayout.JAVA_BYTE, size - 1));
            } finally {
                Memory.munmap(m);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Memory.mmapAnonymous(PAGE_SIZE, 3 * PAGE_SIZE));
    }

    @Test
    void mincoreSeesTouchesAndMadviseDontneedDropsThem() {
        MemorySegment m = Memory.mmapAnonymous(8 * PAGE_SIZE);
        try {
            assertArrayEquals(new boolean[8], Memory.mincore(m), "fresh anonymous memory is not resident");
            m.set(ValueLayout.JAVA_LONG, 2 * PAGE_SIZE, 42L);
            m.set(ValueLayout.JAVA_LONG, 5 * PAGE_SIZE, 43L);
            boolean[] expected = new boolean[8];
            expected[2] = true;
            expected[5] = true;
            assertArrayEquals(expected, Memory.mincore(m));

            Memory.madvise(m, MADV_DONTNEED);
            assertArrayEquals(new boolean[8], Memory.mincore(m));
            assertEquals(0L, m.get(ValueLayout.JAVA_LONG, 2 * PAGE_SIZE), "MADV_DONTNEED'd private memory reads zero");
        } finally {
            Memory.munmap(m);
        }
    }

    @Test
    void mremapDontunmapMovesTheDataAndLeavesTheOldRangeMappedButEmpty() {
        long size = 16 * PAGE_SIZE;
        MemorySegment old = Memory.mmapAnonymous(size);
        MemorySegment moved = null;
        try {
            for (long p = 0; p < 16; p++) {
                old.set(ValueLayout.JAVA_LONG, p * PAGE_SIZE, 1000 + p);
            }
            moved = Memory.mremap(old, size, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
            assertNotEquals(old.address(), moved.address());
            for (long p = 0; p < 16; p++) {
                assertEquals(1000 + p, moved.get(ValueLayout.JAVA_LONG, p * PAGE_SIZE), "page " + p + " moved");
            }
            // Still mapped (mincore would fail with ENOMEM otherwise), but every page is gone.
            assertArrayEquals(new boolean[16], Memory.mincore(old));
            for (long p = 0; p < 16; p++) {
                assertEquals(0L, old.get(ValueLayout.JAVA_LONG, p * PAGE_SIZE), "old page " + p + " reads zero");
            }
        } finally {
            Memory.munmap(old);
            if (moved != null) {
                Memory.munmap(moved);
            }
        }
    }

    @Test
    void mprotectNoneAndBackKeepsTheData() throws IOException {
        MemorySegment m = Memory.mmapAnonymous(4 * PAGE_SIZE);
        try {
            m.set(ValueLayout.JAVA_LONG, PAGE_SIZE, 0xC0FFEEL);
            Memory.mprotect(m, PROT_NONE);
            // Touching it now would SIGSEGV the JVM; the kernel's view of the VMA is the observable effect.
            assertEquals("---p", permissions(m.address()));
            Memory.mprotect(m, PROT_READ | PROT_WRITE);
            assertEquals("rw-p", permissions(m.address()));
            assertEquals(0xC0FFEEL, m.get(ValueLayout.JAVA_LONG, PAGE_SIZE));
            m.set(ValueLayout.JAVA_LONG, 0, 1L);
        } finally {
            Memory.munmap(m);
        }
    }

    @Test
    void madviseErrorsNameTheCallAndTheErrno() {
        MemorySegment m = Memory.mmapAnonymous(4 * PAGE_SIZE);
        try {
            KernelException bogus = assertThrows(KernelException.class, () -> Memory.madvise(m, 9999));
            assertTrue(bogus.is(Errno.EINVAL));
            assertEquals(Errno.EINVAL, bogus.errnoName());
            assertTrue(bogus.getMessage().startsWith("madvise(advice=9999) failed: EINVAL (22"), bogus.getMessage());

            KernelException unaligned = assertThrows(KernelException.class,
                    () -> Memory.madvise(m.asSlice(1, PAGE_SIZE), MADV_DONTNEED));
            assertTrue(unaligned.is(Errno.EINVAL), unaligned.getMessage());
        } finally {
            Memory.munmap(m);
        }
        KernelException unmapped = assertThrows(KernelException.class, () -> Memory.madvise(m, MADV_DONTNEED));
        assertTrue(unmapped.is(Errno.ENOMEM), unmapped.getMessage());
        assertTrue(unmapped.getMessage().contains("not mapped"), unmapped.getMessage());
    }

    @Test
    void munmapOfAnUnalignedAddressIsEinval() {
        MemorySegment m = Memory.mmapAnonymous(2 * PAGE_SIZE);
        try {
            KernelException e = assertThrows(KernelException.class, () -> Memory.munmap(m.address() + 1, PAGE_SIZE));
            assertTrue(e.is(Errno.EINVAL), e.getMessage());
            assertTrue(e.getMessage().contains("munmap"), e.getMessage());
            m.set(ValueLayout.JAVA_LONG, 0, 7L); // the failed call left the mapping intact
        } finally {
            Memory.munmap(m);
        }
    }

    /** The permission column of the /proc/self/maps line covering {@code address}. */
    static String permissions(long address) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            String[] f = line.split("\\s+");
            String[] range = f[0].split("-");
            long start = Long.parseUnsignedLong(range[0], 16);
            long end = Long.parseUnsignedLong(range[1], 16);
            if (address >= start && address < end) {
                return f[1];
            }
        }
        throw new AssertionError("no mapping covers 0x" + Long.toHexString(address));
    }
}
