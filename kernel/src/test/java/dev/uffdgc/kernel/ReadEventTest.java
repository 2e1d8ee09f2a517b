package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** readEvent's timeout, and the fault message's contents (address, flags, UFFD_FEATURE_THREAD_ID's ptid). */
class ReadEventTest {
    private final AtomicInteger lastTid = new AtomicInteger();

    @Test
    @Timeout(30)
    void returnsNullOnTimeout() {
        try (Uffd uffd = Uffds.open(0)) {
            long start = System.nanoTime();
            assertNull(uffd.readEvent(100));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs >= 95, "waited the timeout, took " + tookMs + " ms");
            assertNull(uffd.readEvent(0), "a zero timeout just checks");
            assertFalse(uffd.awaitReadable(0));
        }
    }

    @Test
    @Timeout(30)
    void threadIdFeatureNamesTheFaultingThread() throws Exception {
        UffdEvent fault = faultOnce(UFFD_FEATURE_THREAD_ID);
        assertEquals(fault.ptid(), lastTid.get(), "ptid is the faulting thread's gettid()");
        assertTrue(fault.ptid() > 0);
    }

    @Test
    @Timeout(30)
    void withoutThreadIdThePtidIsZero() throws Exception {
        assertEquals(0, faultOnce(0).ptid());
    }

    /** One read fault at the third page of a registered range, resolved with ZEROPAGE; returns its message. */
    private UffdEvent faultOnce(long features) throws Exception {
        MemorySegment mem = Memory.mmapAnonymous(4 * PAGE_SIZE);
        try (Uffd uffd = Uffds.open(features)) {
            uffd.register(mem, UFFDIO_REGISTER_MODE_MISSING);
            long target = mem.address() + 2 * PAGE_SIZE + 123 * 8;
            FutureTask<Long> mutator = Threads.start("mutator", () -> {
                lastTid.set(Libc.gettid());
                return NativeAccess.readLong(target);
            });
            UffdEvent fault = uffd.readEvent(10_000);
            assertNotNull(fault, "the mutator faulted");
            assertTrue(fault.isPagefault(), fault.toString());
            assertEquals(UFFD_EVENT_PAGEFAULT, fault.event());
            assertFalse(fault.isWrite(), "a read fault");
            assertEquals(mem.address() + 2 * PAGE_SIZE, fault.address(), "without EXACT_ADDRESS the address is page-aligned");
            uffd.zeropage(fault.pageAddress(), PAGE_SIZE, 0);
            assertEquals(0L, Threads.await(mutator, null, 10_000));
            return fault;
        } finally {
            Memory.munmap(mem);
        }
    }
}
