package dev.uffdgc.agent.toolkit;

import dev.uffdgc.kernel.Errno;

/** A page could not be mapped into the heap by any ioctl: the cycle must finish another way. */
public final class CompactionFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CompactionFailure(String what, int errno, long address) {
        super(what + " failed at 0x" + Long.toHexString(address) + ": " + Errno.describe(errno));
    }
}
