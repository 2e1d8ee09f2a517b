package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The COPY and ZEROPAGE resolutions (selftests "zeropage" and the basic missing test), and COPY's EEXIST. */
class CopyZeropageTest {
    private static final int PAGES = 16;

    private Uffd uffd;
    private MemorySegment dst;

    @BeforeEach
    void map() {
        uffd = Uffds.open(0);
        dst = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        uffd.register(dst, UFFDIO_REGISTER_MODE_MISSING);
    }

    @AfterEach
    void unmap() {
        uffd.close();
        Memory.munmap(dst);
    }

    @Test
    @Timeout(60)
    void copyResolvesFaultsAndKeepsTheSource() throws Exception {
        MemorySegment src = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        try {
            Pages.fill(src, 21);
            long delta = src.address() - dst.address();
            try (FaultHandler handler = new FaultHandler(uffd,
                    f -> uffd.copy(f.pageAddress(), f.pageAddress() + delta, PAGE_SIZE, 0))) {
                FutureTask<long[]> mutator = Threads.start("mutator", () -> readFirstWords(dst));
                long[] seen = Threads.await(mutator, handler, 30_000);
                for (int p = 0; p < PAGES; p++) {
                    assertEquals(Pages.value(21, p, 0), seen[p], "page " + p);
                }
                assertEquals(PAGES, handler.faults());
            }
            assertEquals(-1, Pages.firstMismatch(dst, 21, 0));
            assertEquals(-1, Pages.firstMismatch(src, 21, 0), "COPY leaves the source as it was");
            KernelException e = assertThrows(KernelException.class,
                    () -> uffd.copy(dst.address(), src.address(), PAGE_SIZE, 0));
            assertTrue(e.is(Errno.EEXIST), e.getMessage());
            assertTrue(e.getMessage().contains("a destination page is already populated"), e.getMessage());
        } finally {
            Memory.munmap(src);
        }
    }

    /**
     * Even pages are first read, odd pages first written. Both fault once; the event says which; the zero page
     * satisfies the read, and the write after ZEROPAGE is an ordinary copy-on-write, not another userfault.
     */
    @Test
    @Timeout(60)
    void zeropageResolvesFaultsWithZeros() throws Exception {
        try (FaultHandler handler = new FaultHandler(uffd, f -> uffd.zeropage(f.pageAddress(), PAGE_SIZE, 0))) {
            FutureTask<long[]> mutator = Threads.start("mutator", () -> {
                long[] seen = new long[PAGES];
                for (int p = 0; p < PAGES; p++) {
                    long page = dst.address() + p * PAGE_SIZE;
                    if (p % 2 == 1) {
                        NativeAccess.writeLong(page + 8, 1000 + p);
                    }
                    seen[p] = NativeAccess.readLong(page);
                    NativeAccess.writeLong(page, 2000 + p);
                }
                return seen;
            });
            long[] seen = Threads.await(mutator, handler, 30_000);
            for (int p = 0; p < PAGES; p++) {
                assertEquals(0, seen[p], "page " + p + " reads zero after UFFDIO_ZEROPAGE");
            }
            assertEquals(PAGES, handler.faults(), "one fault per page; writes after ZEROPAGE do not fault");
            for (UffdEvent e : handler.events()) {
                long p = (e.pageAddress() - dst.address()) / PAGE_SIZE;
                assertEquals(p % 2 == 1, e.isWrite(), "fault on page " + p + ": " + e);
            }
        }
        for (int p = 0; p < PAGES; p++) {
            assertEquals(2000 + p, Pages.page(dst, p).get(java.lang.foreign.ValueLayout.JAVA_LONG, 0));
            assertEquals(p % 2 == 1 ? 1000 + p : 0, Pages.page(dst, p).get(java.lang.foreign.ValueLayout.JAVA_LONG, 8));
        }
    }

    private static long[] readFirstWords(MemorySegment seg) {
        long[] seen = new long[PAGES];
        for (int p = 0; p < PAGES; p++) {
            seen[p] = NativeAccess.readLong(seg.address() + p * PAGE_SIZE);
        }
        return seen;
    }
}
