package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFD_API;

import java.util.List;

/**
 * What an errno means for each userfaultfd call, from {@code fs/userfaultfd.c} and {@code mm/userfaultfd.c}.
 * Built only on the error path, so the successful calls stay allocation-free.
 */
final class UffdErrors {
    private UffdErrors() {
    }

    static KernelException open(int syscallErrno, int userModeErrno, int deviceErrno) {
        String advice = switch (Errno.of(syscallErrno)) {
            case EPERM -> "as non-root set sysctl vm.unprivileged_userfaultfd=1 or use UFFD_USER_MODE_ONLY"
                    + " (a seccomp filter, e.g. a container's, can also refuse it)";
            case ENOSYS -> "kernel built without CONFIG_USERFAULTFD (or a seccomp filter hides syscall 323)";
            case EMFILE, ENFILE -> "too many open files";
            case ENOMEM -> "the kernel is out of memory";
            case null, default -> "";
        };
        String tried = (userModeErrno == 0 ? "" : "; retried with UFFD_USER_MODE_ONLY: " + Errno.describe(userModeErrno))
                + "; /dev/userfaultfd: " + Errno.describe(deviceErrno) + switch (Errno.of(deviceErrno)) {
                    case ENOENT -> " (no such device: Linux < 6.1 or CONFIG_USERFAULTFD off)";
                    case EACCES, EPERM -> " (grant this user read-write access to /dev/userfaultfd)";
                    case null, default -> "";
                };
        return new KernelException("userfaultfd(O_CLOEXEC|O_NONBLOCK)", syscallErrno, advice + tried);
    }

    static KernelException api(int errno, long requested, boolean alreadyDone) {
        String meaning = switch (Errno.of(errno)) {
            case EINVAL -> alreadyDone ? "UFFDIO_API is done once per fd and this fd already did it"
                    : missingFeatures(requested);
            case EPERM -> "UFFD_FEATURE_EVENT_FORK needs CAP_SYS_PTRACE";
            case EFAULT -> "bad struct uffdio_api pointer";
            case null, default -> "";
        };
        return new KernelException("ioctl(UFFDIO_API, features=0x" + Long.toHexString(requested) + ")", errno, meaning);
    }

    /** Names the requested features a throwaway fd's handshake does not offer. */
    private static String missingFeatures(long requested) {
        long offered;
        try {
            offered = Uffd.probe().features();
        } catch (KernelException e) {
            return "the kernel refused the requested features (could not probe which: " + e.getMessage() + ")";
        }
        long missing = requested & ~offered;
        if (missing == 0) {
            return "the kernel refused this feature combination or API number 0x" + Long.toHexString(UFFD_API);
        }
        List<String> names = UffdNames.names(UffdNames.FEATURES, missing);
        return "the kernel lacks requested feature(s) " + String.join(", ", names) + " (offers 0x"
                + Long.toHexString(offered) + ")";
    }

    static KernelException register(int errno, long start, long len, long mode) {
        String meaning = switch (Errno.of(errno)) {
            case EINVAL -> "range not page-aligned or not fully mapped, a VMA that cannot be registered"
                    + " (not anonymous, shmem or hugetlbfs), or a bad mode";
            case EBUSY -> "part of the range is registered with another userfaultfd";
            case EPERM -> "the mapping can never be writable (no VM_MAYWRITE)";
            case ENOMEM -> "the process is exiting";
            case null, default -> "";
        };
        return new KernelException("ioctl(UFFDIO_REGISTER)", errno, meaning + args(start, 0, len, mode, false));
    }

    static KernelException range(String ioctl, int errno, long start, long len) {
        String meaning = switch (Errno.of(errno)) {
            case EINVAL -> "range not page-aligned, empty, or not (fully) mapped by registrable VMAs";
            case EBADF -> "the userfaultfd is closed";
            case null, default -> "";
        };
        return new KernelException("ioctl(" + ioctl + ")", errno, meaning + args(start, 0, len, 0, false));
    }

    static KernelException move(int errno, long dst, long src, long len, long mode, long doneBefore) {
        String meaning = switch (Errno.of(errno)) {
            case EEXIST -> "a destination page is already populated";
            case ENOENT -> "a source page is a hole; pass UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES";
            case EBUSY -> "a source page is not exclusive (shared after fork, KSM, pinned)";
            case EINVAL -> "ranges not page-aligned, dst not registered, or VMAs not private anonymous"
                    + " (or differing protections, or unknown mode bits)" + misaligned(dst, src, len);
            case EAGAIN -> "the address space is changing (a fork/mremap/madvise event is waiting to be read); retry";
            case ENOMEM -> "no memory for page tables";
            case ESRCH -> "the process that owns the userfaultfd is exiting";
            case EFAULT -> "bad struct uffdio_move pointer";
            case EBADF -> "the userfaultfd is closed";
            case null, default -> "";
        };
        return new KernelException("ioctl(UFFDIO_MOVE)", errno,
                meaning + args(dst, src, len, mode, true) + done("moved", doneBefore));
    }

    static KernelException fill(String ioctl, int errno, long dst, long src, long len, long mode, long doneBefore) {
        String meaning = switch (Errno.of(errno)) {
            case EEXIST -> "a destination page is already populated";
            case ENOENT -> "the destination is not in a VMA registered with this userfaultfd";
            case EINVAL -> "dst or len not page-aligned, the range leaves its VMA, or unknown mode bits"
                    + misaligned(dst, src < 0 ? 0 : src, len);
            case EFAULT -> "the source buffer is not readable";
            case EAGAIN -> "the address space is changing (a fork/mremap/madvise event is waiting to be read); retry";
            case ENOMEM -> "out of memory allocating the page";
            case ESRCH -> "the process that owns the userfaultfd is exiting";
            case EBADF -> "the userfaultfd is closed";
            case null, default -> "";
        };
        return new KernelException("ioctl(" + ioctl + ")", errno,
                meaning + args(dst, src, len, mode, src >= 0) + done("done", doneBefore));
    }

    private static String misaligned(long dst, long src, long len) {
        StringBuilder sb = new StringBuilder();
        long mask = Memory.PAGE_SIZE - 1;
        if ((dst & mask) != 0) {
            sb.append(" dst");
        }
        if ((src & mask) != 0) {
            sb.append(" src");
        }
        if ((len & mask) != 0 || len == 0) {
            sb.append(" len");
        }
        return sb.isEmpty() ? "" : "; not page-aligned here:" + sb;
    }

    private static String args(long dst, long src, long len, long mode, boolean withSrc) {
        return " [dst=0x" + Long.toHexString(dst) + (withSrc ? " src=0x" + Long.toHexString(src) : "")
                + " len=0x" + Long.toHexString(len) + " mode=0x" + Long.toHexString(mode) + "]";
    }

    private static String done(String verb, long bytes) {
        return bytes == 0 ? "" : " after " + bytes + " bytes " + verb + " by earlier ioctls";
    }
}
