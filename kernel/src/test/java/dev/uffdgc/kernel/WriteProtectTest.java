package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * UFFDIO_WRITEPROTECT: a write to a protected page blocks and is reported with UFFD_PAGEFAULT_FLAG_WP; the page
 * keeps its old contents until the handler lifts the protection, which also wakes the writer.
 */
class WriteProtectTest {
    private static final long OLD = 0x01d;
    private static final long NEW = 0x2e3;

    private Uffd uffd;
    private MemorySegment page;

    @BeforeEach
    void map() {
        uffd = Uffds.open(UFFD_FEATURE_PAGEFAULT_FLAG_WP);
        page = Memory.mmapAnonymous(PAGE_SIZE);
        page.set(ValueLayout.JAVA_LONG, 0, OLD);
        uffd.register(page, UFFDIO_REGISTER_MODE_WP);
    }

    @AfterEach
    void unmap() {
        uffd.close();
        Memory.munmap(page);
    }

    @Test
    @Timeout(30)
    void writeToProtectedPageBlocksUntilUnprotected() throws Exception {
        uffd.writeProtect(page.address(), PAGE_SIZE, true, false);
        assertEquals(OLD, NativeAccess.readLong(page.address()), "reads of a write-protected page do not fault");

        FutureTask<Long> writer = Threads.start("writer", () -> {
            NativeAccess.writeLong(page.address(), NEW);
            return NativeAccess.readLong(page.address());
        });
        UffdEvent fault = uffd.readEvent(10_000);
        assertNotNull(fault, "the write faulted");
        assertTrue(fault.isPagefault());
        assertTrue((fault.flags() & UFFD_PAGEFAULT_FLAG_WP) != 0, "flags 0x" + Long.toHexString(fault.flags()));
        assertTrue(fault.isWrite());
        assertEquals(page.address(), fault.pageAddress());
        Thread.sleep(100);
        assertFalse(writer.isDone(), "the writer went through a write-protected page");
        assertEquals(OLD, NativeAccess.readLong(page.address()), "the page changed while protected");

        uffd.writeProtect(page.address(), PAGE_SIZE, false, false);
        assertEquals(NEW, Threads.await(writer, null, 10_000), "unprotected and woken, the write lands");
    }

    @Test
    @Timeout(30)
    void unregisteredRangeIsEinvalWithTheRangeInTheMessage() {
        MemorySegment other = Memory.mmapAnonymous(PAGE_SIZE);
        try {
            KernelException e = org.junit.jupiter.api.Assertions.assertThrows(KernelException.class,
                    () -> uffd.writeProtect(other.address(), PAGE_SIZE, true, false));
            assertTrue(e.is(Errno.EINVAL) || e.is(Errno.ENOENT), e.getMessage());
            assertTrue(e.getMessage().startsWith("ioctl(UFFDIO_WRITEPROTECT) failed"), e.getMessage());
        } finally {
            Memory.munmap(other);
        }
    }
}
