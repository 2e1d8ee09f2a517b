package dev.uffdgc.agent.compact;

import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Uffd;

/**
 * The resolving ioctls as the compactor sees them: bytes done (> 0, possibly fewer than asked after EAGAIN) or
 * -errno. The seam for fault injection: tests wrap the real one to answer EEXIST, EAGAIN, EBUSY or ENOMEM at
 * chosen pages.
 */
public interface UffdOps {
    long move(long dst, long src, long len);

    long copy(long dst, long src, long len);

    /** The real ioctls on {@code uffd}, waking faulting threads (no DONTWAKE). */
    static UffdOps of(Uffd uffd) {
        return new UffdOps() {
            @Override
            public long move(long dst, long src, long len) {
                try {
                    return uffd.move(dst, src, len, 0);
                } catch (KernelException e) {
                    return -e.errno();
                }
            }

            @Override
            public long copy(long dst, long src, long len) {
                try {
                    return uffd.copy(dst, src, len, 0);
                } catch (KernelException e) {
                    return -e.errno();
                }
            }
        };
    }
}
