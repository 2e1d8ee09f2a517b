package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static dev.uffdgc.kernel.uapi.Mman.MADV_DONTNEED;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * move, copy, zeropage and wake allocate nothing per call (the bench compares them with C). Measured with the
 * thread's allocation counter, round after round: until C2 compiles the downcall path, the interpreter and C1
 * allocate some 40 bytes per call (measured here: ~60k calls); compiled, a round must allocate fewer bytes than
 * it makes calls, i.e. no call allocates an object. A binding that allocates per call never gets there.
 */
class NoAllocationTest {
    private static final int ITERATIONS = 5_000;
    private static final int MAX_ROUNDS = 60;

    @Test
    @Timeout(120)
    void resolvingIoctlsDoNotAllocate() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count per-thread allocation");
        MemorySegment mem = Memory.mmapAnonymous(2 * PAGE_SIZE);
        MemorySegment buf = Memory.mmapAnonymous(PAGE_SIZE);
        Pages.fill(buf, 61);
        MemorySegment b = Pages.page(mem, 1);
        try (Uffd uffd = Uffds.openWithMove(0)) {
            uffd.register(mem, UFFDIO_REGISTER_MODE_MISSING);
            uffd.copy(mem.address(), buf.address(), PAGE_SIZE, 0);
            List<Long> rounds = new ArrayList<>();
            long allocated;
            do {
                long before = threads.getCurrentThreadAllocatedBytes();
                pingPong(uffd, mem, b);
                allocated = threads.getCurrentThreadAllocatedBytes() - before;
                rounds.add(allocated);
            } while (allocated >= ITERATIONS && rounds.size() < MAX_ROUNDS);
            assertTrue(allocated < ITERATIONS, "bytes allocated per round of " + 5 * ITERATIONS
                    + " uffd calls never dropped below one per call: " + rounds);
            assertEquals(-1, Pages.firstMismatch(Pages.page(mem, 0), 61, 0), "the page survived the round trips");
        } finally {
            Memory.munmap(buf);
            Memory.munmap(mem);
        }
    }

    /** Page 0 moves to page 1 and back; page 1 is refilled by COPY and ZEROPAGE and dropped again. */
    private static void pingPong(Uffd uffd, MemorySegment mem, MemorySegment b) {
        long a = mem.address();
        for (int i = 0; i < ITERATIONS; i++) {
            uffd.move(b.address(), a, PAGE_SIZE, 0);
            uffd.move(a, b.address(), PAGE_SIZE, 0);
            uffd.zeropage(b.address(), PAGE_SIZE, 0);
            Memory.madvise(b, MADV_DONTNEED);
            uffd.copy(b.address(), a, PAGE_SIZE, 0);
            Memory.madvise(b, MADV_DONTNEED);
            uffd.wake(a, PAGE_SIZE);
        }
    }
}
