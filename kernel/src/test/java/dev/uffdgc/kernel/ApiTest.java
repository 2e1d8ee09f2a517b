package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.uapi.Userfaultfd.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Opening, the UFFDIO_API handshake and registration: the selftests' "register-ioctls" checks. */
class ApiTest {

    @Test
    @Timeout(30)
    void openAndHandshake() {
        try (Uffd uffd = Uffds.open(0)) {
            assertTrue(uffd.fd() >= 0);
            if (isRoot()) {
                assertEquals(Uffd.OpenedBy.SYSCALL, uffd.openedBy(), "root may use the syscall without restrictions");
            }
            ApiInfo info = Uffd.probe();
            assertEquals(UFFD_API, info.api());
            assertEquals(UFFD_API_IOCTLS, info.ioctls() & UFFD_API_IOCTLS, "fd ioctls: " + info.ioctlNames());
            assertTrue(info.featureNames().contains("UFFD_FEATURE_THREAD_ID"), info.describe());
        }
    }

    @Test
    @Timeout(30)
    void describeNamesMove() {
        ApiInfo info = probeOrSkip();
        String report = info.describe();
        assertTrue(report.contains("UFFDIO_MOVE"), report);
        assertTrue(report.contains("UFFD_FEATURE_MOVE"), report);
        assertTrue(report.contains(info.supportsMove() ? "[x] UFFD_FEATURE_MOVE" : "[ ] UFFD_FEATURE_MOVE"), report);
        assertEquals(info.has(UFFD_FEATURE_MOVE), info.supportsMove());
        assertEquals(info.supportsMove(), info.featureNames().contains("UFFD_FEATURE_MOVE"));
    }

    @Test
    @Timeout(30)
    void featureTheKernelLacksFailsClearly() {
        ApiInfo offered = probeOrSkip();
        long unknown = 1L << 40;
        assumeTrue((offered.features() & unknown) == 0, "this kernel offers bit 40; pick another unknown bit");
        try (Uffd uffd = Uffd.open()) {
            KernelException e = assertThrows(KernelException.class,
                    () -> uffd.api(UFFD_FEATURE_THREAD_ID | unknown));
            assertTrue(e.is(Errno.EINVAL), e.getMessage());
            assertTrue(e.getMessage().contains("the kernel lacks requested feature(s) bit 40"), e.getMessage());
            assertTrue(!e.getMessage().contains("UFFD_FEATURE_THREAD_ID"), "only the missing bit is named: "
                    + e.getMessage());
            ApiInfo after = uffd.api(UFFD_FEATURE_THREAD_ID); // a refused handshake leaves the fd usable
            assertTrue(after.has(UFFD_FEATURE_THREAD_ID));
        }
    }

    @Test
    @Timeout(30)
    void handshakeIsOncePerFd() {
        try (Uffd uffd = Uffds.open(0)) {
            KernelException e = assertThrows(KernelException.class, () -> uffd.api(0));
            assertTrue(e.is(Errno.EINVAL));
            assertTrue(e.getMessage().contains("once per fd"), e.getMessage());
        }
    }

    @Test
    @Timeout(30)
    void registerReportsTheRangeIoctls() {
        MemorySegment mem = Memory.mmapAnonymous(4 * Memory.PAGE_SIZE);
        try (Uffd uffd = Uffds.open(0)) {
            long ioctls = uffd.register(mem, UFFDIO_REGISTER_MODE_MISSING);
            for (int nr : new int[] {_UFFDIO_WAKE, _UFFDIO_COPY, _UFFDIO_ZEROPAGE}) {
                assertNotEquals(0, ioctls & 1L << nr, "ioctl " + nr + " in 0x" + Long.toHexString(ioctls));
            }
            if (Uffd.probe().supportsMove()) {
                assertNotEquals(0, ioctls & 1L << _UFFDIO_MOVE, "MOVE offered but not allowed on the range");
            }
            assertEquals(0, ioctls & 1L << _UFFDIO_CONTINUE, "CONTINUE is for MINOR ranges only");
            uffd.unregister(mem);
            KernelException e = assertThrows(KernelException.class,
                    () -> uffd.register(mem.asSlice(1, Memory.PAGE_SIZE), UFFDIO_REGISTER_MODE_MISSING));
            assertTrue(e.is(Errno.EINVAL), e.getMessage());
            assertTrue(e.getMessage().contains("not page-aligned"), e.getMessage());
        } finally {
            Memory.munmap(mem);
        }
    }

    @Test
    @Timeout(30)
    void closeIsIdempotentAndLaterCallsSayClosed() {
        Uffd uffd = Uffds.open(0);
        uffd.close();
        uffd.close();
        assertEquals(-1, uffd.fd());
        KernelException e = assertThrows(KernelException.class, () -> uffd.wake(0x10000, Memory.PAGE_SIZE));
        assertTrue(e.is(Errno.EBADF), e.getMessage());
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        KernelException read = assertThrows(KernelException.class, () -> uffd.readEvent(10));
        assertTrue(read.is(Errno.EBADF), read.getMessage());
    }

    private static ApiInfo probeOrSkip() {
        Uffds.open(0).close(); // skips with the reason if there is no userfaultfd here
        return Uffd.probe();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
