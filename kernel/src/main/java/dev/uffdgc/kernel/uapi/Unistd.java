package dev.uffdgc.kernel.uapi;

/** Syscall numbers this module calls through {@code syscall(2)}, from {@code asm/unistd_64.h} (x86_64 only). */
public final class Unistd {
    private Unistd() {
    }

    /** userfaultfd(2), called through syscall(2) so it does not depend on a libc wrapper. */
    public static final long __NR_userfaultfd = 323;
}
