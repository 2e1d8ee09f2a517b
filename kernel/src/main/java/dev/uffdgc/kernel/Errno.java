package dev.uffdgc.kernel;

import java.util.HashMap;
import java.util.Map;

/**
 * The errno values the kernel calls in this module can return, by the names in
 * {@code asm-generic/errno-base.h} and {@code asm-generic/errno.h} (x86_64 numbers).
 */
public enum Errno {
    EPERM(1, "operation not permitted"),
    ENOENT(2, "no such file or directory"),
    ESRCH(3, "no such process"),
    EINTR(4, "interrupted system call"),
    EIO(5, "I/O error"),
    EBADF(9, "bad file descriptor"),
    EAGAIN(11, "try again"),
    ENOMEM(12, "out of memory"),
    EACCES(13, "permission denied"),
    EFAULT(14, "bad address"),
    EBUSY(16, "device or resource busy"),
    EEXIST(17, "file exists"),
    ENODEV(19, "no such device"),
    EINVAL(22, "invalid argument"),
    ENFILE(23, "file table overflow"),
    EMFILE(24, "too many open files"),
    ENOTTY(25, "not a typewriter (inappropriate ioctl)"),
    ENOSPC(28, "no space left on device"),
    ESPIPE(29, "illegal seek"),
    ERANGE(34, "result out of range"),
    ENOSYS(38, "function not implemented"),
    EOPNOTSUPP(95, "operation not supported"),
    ETIMEDOUT(110, "connection timed out"),
    ESHUTDOWN(108, "cannot send after transport endpoint shutdown");

    private static final Map<Integer, Errno> BY_NUMBER = new HashMap<>();

    static {
        for (Errno e : values()) {
            BY_NUMBER.put(e.number, e);
        }
    }

    private final int number;
    private final String description;

    Errno(int number, String description) {
        this.number = number;
        this.description = description;
    }

    public int number() {
        return number;
    }

    public String description() {
        return description;
    }

    /** The errno for a number, or {@code null} when this module does not name it. */
    public static Errno of(int number) {
        return BY_NUMBER.get(number);
    }

    /** "EEXIST (17, file exists)", or "errno 123" for numbers this enum does not know. */
    public static String describe(int number) {
        Errno e = of(number);
        return e == null ? "errno " + number : e.name() + " (" + number + ", " + e.description + ")";
    }
}
