package dev.uffdgc.kernel.uapi;

/**
 * swapon(2)/swapoff(2): x86_64 syscall numbers from {@code arch/x86/entry/syscalls/syscall_64.tbl} and the flags
 * of {@code include/linux/swap.h} (exported to user space by glibc's {@code <sys/swap.h>}).
 */
public final class Swap {
    private Swap() {
    }

    public static final long __NR_swapon = 167;
    public static final long __NR_swapoff = 168;

    /** Set to use the priority in the low bits instead of the kernel's next-lower default. */
    public static final int SWAP_FLAG_PREFER = 0x8000;
    public static final int SWAP_FLAG_PRIO_MASK = 0x7fff;
    public static final int SWAP_FLAG_PRIO_SHIFT = 0;
    public static final int SWAP_FLAG_DISCARD = 0x10000;
}
