package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static dev.uffdgc.kernel.uapi.Mman.MADV_DONTNEED;
import static dev.uffdgc.kernel.uapi.Userfaultfd.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A genuine EAGAIN with nothing moved, and moveFully riding it out. With UFFD_FEATURE_EVENT_REMOVE, an
 * madvise(MADV_DONTNEED) on a registered range raises ctx->mmap_changing and blocks until the handler reads the
 * UFFD_EVENT_REMOVE message (fs/userfaultfd.c userfaultfd_remove); meanwhile every UFFDIO_MOVE on the fd fails
 * with EAGAIN. Deterministic: the madvise stays blocked until this test reads the event.
 */
class MoveRetryTest {
    private static final int PAGES = 8;

    @Test
    @Timeout(60)
    void moveFullyRetriesWhileTheAddressSpaceIsChanging() throws Exception {
        MemorySegment src = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        MemorySegment dst = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        Pages.fill(src, 3);
        Uffd uffd = Uffds.openWithMove(UFFD_FEATURE_EVENT_REMOVE);
        try {
            uffd.register(dst, UFFDIO_REGISTER_MODE_MISSING);
            FutureTask<Void> madvise = Threads.start("madvise", () -> {
                Memory.madvise(Pages.page(dst, PAGES - 1), MADV_DONTNEED);
                return null;
            });
            assertTrue(uffd.awaitReadable(10_000), "the REMOVE event was queued");

            KernelException e = assertThrows(KernelException.class,
                    () -> uffd.move(dst.address(), src.address(), 4 * PAGE_SIZE, 0));
            assertTrue(e.is(Errno.EAGAIN), e.getMessage());
            assertTrue(e.getMessage().contains("retry"), e.getMessage());
            assertEquals(-1, Pages.firstMismatch(src, 3, 0), "nothing moved");

            AtomicBoolean started = new AtomicBoolean();
            FutureTask<Integer> mover = Threads.start("mover", () -> {
                started.set(true);
                return uffd.moveFully(dst.address(), src.address(), 4 * PAGE_SIZE, 0);
            });
            while (!started.get()) {
                Thread.onSpinWait();
            }
            Thread.sleep(100); // the mover is now retrying on EAGAIN
            assertTrue(!mover.isDone(), "moveFully cannot finish while the event is unread");

            UffdEvent removed = uffd.readEvent(5_000);
            assertEquals(UFFD_EVENT_REMOVE, removed.event(), String.valueOf(removed));
            assertEquals(dst.address() + (PAGES - 1) * PAGE_SIZE, removed.removeStart());
            assertEquals(dst.address() + PAGES * PAGE_SIZE, removed.removeEnd());
            Threads.await(madvise, null, 10_000);

            int ioctls = Threads.await(mover, null, 10_000);
            assertTrue(ioctls >= 2, "moveFully retried after EAGAIN: " + ioctls + " ioctl(s)");
            assertEquals(-1, Pages.firstMismatch(dst.asSlice(0, 4 * PAGE_SIZE), 3, 0));
            assertTrue(Pages.allZero(src.asSlice(0, 4 * PAGE_SIZE)));
        } finally {
            uffd.close(); // wakes a still-blocked madvise and makes a spinning moveFully fail with EBADF
            Memory.munmap(dst);
            Memory.munmap(src);
        }
    }
}
