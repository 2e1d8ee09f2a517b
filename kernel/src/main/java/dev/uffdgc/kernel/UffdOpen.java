package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.uapi.Fcntl.O_CLOEXEC;
import static dev.uffdgc.kernel.uapi.Fcntl.O_NONBLOCK;
import static dev.uffdgc.kernel.uapi.Fcntl.O_RDWR;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFD_USER_MODE_ONLY;
import static dev.uffdgc.kernel.uapi.Userfaultfd.USERFAULTFD_IOC_NEW;

import dev.uffdgc.kernel.uapi.Unistd;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** The three ways to get a userfaultfd, tried in order, and the error that explains them all failing. */
final class UffdOpen {
    private UffdOpen() {
    }

    private static final int FLAGS = O_CLOEXEC | O_NONBLOCK;

    static Uffd open() {
        long r = syscall(FLAGS);
        if (r >= 0) {
            return new Uffd((int) r, Uffd.OpenedBy.SYSCALL);
        }
        int syscallErrno = (int) -r;
        int userModeErrno = 0;
        if (syscallErrno == Errno.EPERM.number()) {
            r = syscall(FLAGS | UFFD_USER_MODE_ONLY);
            if (r >= 0) {
                return new Uffd((int) r, Uffd.OpenedBy.SYSCALL_USER_MODE_ONLY);
            }
            userModeErrno = (int) -r;
        }
        r = openDevice();
        if (r >= 0) {
            return new Uffd((int) r, Uffd.OpenedBy.DEVICE);
        }
        throw UffdErrors.open(syscallErrno, userModeErrno, (int) -r);
    }

    /** userfaultfd(flags): the fd, or -errno. */
    private static long syscall(int flags) {
        MemorySegment st = Libc.state();
        try {
            long r = (long) Libc.Syscall1.HANDLE.invokeExact(st, Unistd.__NR_userfaultfd, (long) flags);
            return r >= 0 ? r : -Libc.errno(st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** open("/dev/userfaultfd") + USERFAULTFD_IOC_NEW: the fd, or -errno. */
    private static long openDevice() {
        MemorySegment st = Libc.state();
        try (Arena arena = Arena.ofConfined()) {
            int dev = (int) Libc.Open.HANDLE.invokeExact(st, arena.allocateFrom("/dev/userfaultfd"), O_RDWR | O_CLOEXEC, 0);
            if (dev < 0) {
                return -Libc.errno(st);
            }
            int r = (int) Libc.IoctlLong.HANDLE.invokeExact(st, dev, USERFAULTFD_IOC_NEW, (long) FLAGS);
            int errno = Libc.errno(st);
            int ignored = (int) Libc.Close.HANDLE.invokeExact(st, dev);
            return r >= 0 ? r : -errno;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
