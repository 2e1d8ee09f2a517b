package dev.uffdgc.agent.toolkit;

import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Uffd;

/**
 * The resolving ioctls as the collectors see them: bytes done (> 0, possibly fewer than asked after EAGAIN) or
 * -errno. The seam for fault injection: tests wrap the real one to answer EEXIST, EAGAIN, EBUSY or ENOMEM at
 * chosen pages.
 */
public interface UffdOps {
    long move(long dst, long src, long len);

    long copy(long dst, long src, long len);

    /** The real ioctls on {@code uffd}, waking faulting threads (no DONTWAKE). */
    static UffdOps of(Uffd uffd) {
        return of(uffd, 0);
    }

    /** The real ioctls, MOVE with {@code moveMode} (e.g. UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES). */
    static UffdOps of(Uffd uffd, long moveMode) {
        return new UffdOps() {
            @Override
            public long move(long dst, long src, long len) {
                try {
                    return uffd.move(dst, src, len, moveMode);
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
