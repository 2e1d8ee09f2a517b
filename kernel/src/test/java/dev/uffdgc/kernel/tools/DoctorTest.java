package dev.uffdgc.kernel.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The doctor's verdict must agree with what the kernel reports, and its report must name what it found. The
 * expected verdict comes from a probe of this test's own (raw syscall and ioctl downcalls, numbers written out
 * from linux/userfaultfd.h), not from the kernel module's Uffd that the doctor itself uses.
 */
@Timeout(60)
class DoctorTest {

    @Test
    void verdictAndExitCodeMatchTheKernel() throws Throwable {
        int expected = directProbe();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code = new Doctor(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
        String report = buffer.toString(StandardCharsets.UTF_8);

        assertEquals(expected, code, report);
        assertTrue(report.contains("kernel"), report);
        assertTrue(report.contains("transparent hugepages"), report);
        assertTrue(report.contains("vm.max_map_count"), report);
        assertTrue(report.contains("swap devices"), report);
        assertTrue(report.contains(Runtime.version().toString()), report);
        assertTrue(report.contains("verdict: "), report);
        if (expected == Doctor.OK) {
            assertTrue(report.contains("UFFD_FEATURE_MOVE"), report);
            assertTrue(report.contains("MOVE usable"), report);
        }
    }

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT), Linker.Option.firstVariadicArg(1));
    private static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("open"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle IOCTL_LONG = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("ioctl"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle IOCTL_PTR = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("ioctl"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("close"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final long SYS_USERFAULTFD = 323; // x86_64
    private static final int O_RDWR = 2;
    private static final int O_CLOEXEC = 0x80000;
    private static final int UFFD_USER_MODE_ONLY = 1;
    private static final long USERFAULTFD_IOC_NEW = 0xAA00; // _IO(0xAA, 0x00)
    private static final long UFFDIO_API = 0xC018AA3FL; // _IOWR(0xAA, 0x3F, struct uffdio_api: 24 bytes)
    private static final long UFFD_API = 0xAA;
    private static final long UFFD_FEATURE_MOVE = 1L << 16;

    /** OK if a userfaultfd opens and accepts UFFD_FEATURE_MOVE in its handshake, COPY_ONLY if only without it. */
    static int directProbe() throws Throwable {
        int fd = openUffd();
        if (fd < 0) {
            return Doctor.NO_UFFD;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment api = arena.allocate(24);
            api.set(JAVA_LONG, 0, UFFD_API);
            api.set(JAVA_LONG, 8, UFFD_FEATURE_MOVE);
            int r = (int) IOCTL_PTR.invokeExact(fd, UFFDIO_API, api);
            if (r == 0) {
                return Doctor.OK;
            }
        } finally {
            int ignored = (int) CLOSE.invokeExact(fd);
        }
        fd = openUffd(); // a failed handshake leaves the fd unusable: try a plain one on a fresh fd
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment api = arena.allocate(24);
            api.set(JAVA_LONG, 0, UFFD_API);
            return (int) IOCTL_PTR.invokeExact(fd, UFFDIO_API, api) == 0 ? Doctor.COPY_ONLY : Doctor.NO_UFFD;
        } finally {
            int ignored = (int) CLOSE.invokeExact(fd);
        }
    }

    /** syscall(323) in user mode only, then unrestricted, then /dev/userfaultfd: an fd, or -1. */
    private static int openUffd() throws Throwable {
        for (int flags : new int[] {O_CLOEXEC | UFFD_USER_MODE_ONLY, O_CLOEXEC}) {
            long fd = (long) SYSCALL.invokeExact(SYS_USERFAULTFD, flags);
            if (fd >= 0) {
                return (int) fd;
            }
        }
        try (Arena arena = Arena.ofConfined()) {
            int dev = (int) OPEN.invokeExact(arena.allocateFrom("/dev/userfaultfd"), O_RDWR | O_CLOEXEC);
            if (dev < 0) {
                return -1;
            }
            int fd = (int) IOCTL_LONG.invokeExact(dev, USERFAULTFD_IOC_NEW, (long) O_CLOEXEC);
            int ignored = (int) CLOSE.invokeExact(dev);
            return fd;
        }
    }
}
