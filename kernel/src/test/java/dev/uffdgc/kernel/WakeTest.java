package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * *_MODE_DONTWAKE resolves the page but leaves the faulting thread asleep until UFFDIO_WAKE: how a handler
 * batches several resolutions behind one wake-up. Deterministic because handle_userfault() only returns on a
 * wake (or a signal, which HotSpot does not send to a thread in native code).
 */
class WakeTest {
    private static final long TAG = 31;

    private Uffd uffd;
    private MemorySegment src;
    private MemorySegment dst;

    @BeforeEach
    void map() {
        uffd = Uffds.openWithMove(0);
        src = Memory.mmapAnonymous(PAGE_SIZE);
        dst = Memory.mmapAnonymous(PAGE_SIZE);
        Pages.fill(src, TAG);
        uffd.register(dst, UFFDIO_REGISTER_MODE_MISSING);
    }

    @AfterEach
    void unmap() {
        uffd.close();
        Memory.munmap(dst);
        Memory.munmap(src);
    }

    @Test
    @Timeout(30)
    void moveDontwakeThenWake() throws Exception {
        resolveWithoutWakingThenWake(() -> uffd.move(dst.address(), src.address(), PAGE_SIZE, UFFDIO_MOVE_MODE_DONTWAKE),
                Pages.value(TAG, 0, 0));
        assertTrue(Pages.allZero(src));
    }

    @Test
    @Timeout(30)
    void copyDontwakeThenWake() throws Exception {
        resolveWithoutWakingThenWake(() -> uffd.copy(dst.address(), src.address(), PAGE_SIZE, UFFDIO_COPY_MODE_DONTWAKE),
                Pages.value(TAG, 0, 0));
    }

    @Test
    @Timeout(30)
    void zeropageDontwakeThenWake() throws Exception {
        resolveWithoutWakingThenWake(() -> uffd.zeropage(dst.address(), PAGE_SIZE, UFFDIO_ZEROPAGE_MODE_DONTWAKE), 0);
    }

    private void resolveWithoutWakingThenWake(Runnable resolve, long expected) throws Exception {
        FutureTask<Long> mutator = Threads.start("mutator", () -> NativeAccess.readLong(dst.address()));
        UffdEvent fault = uffd.readEvent(10_000);
        assertNotNull(fault, "the mutator faulted");
        assertEquals(dst.address(), fault.pageAddress());
        resolve.run();
        Thread.sleep(200);
        assertFalse(mutator.isDone(), "DONTWAKE left the faulting thread asleep although its page is mapped");
        uffd.wake(dst.address(), PAGE_SIZE);
        assertEquals(expected, Threads.await(mutator, null, 10_000), "woken, the thread sees the resolved page");
    }
}
