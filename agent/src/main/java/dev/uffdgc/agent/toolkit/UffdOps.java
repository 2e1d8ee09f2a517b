package dev.uffdgc.agent.toolkit;

import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Uffd;
import java.lang.foreign.MemorySegment;

/**
 * The ioctls a cycle issues on the heap after the flip, as the collectors see them: MOVE and COPY answer bytes
 * done (> 0, possibly fewer than asked after EAGAIN) or -errno; UNREGISTER ends the window. The seam for fault
 * injection: tests wrap the real one to answer EEXIST, EAGAIN, EBUSY or ENOMEM at chosen pages, or to hold a
 * thread in Java state just before the heap is unregistered (the emergency path's race window).
 */
public interface UffdOps {
    long move(long dst, long src, long len);

    long copy(long dst, long src, long len);

    /**
     * UFFDIO_UNREGISTER of {@code range}: wakes every thread blocked in a fault on it; afterwards a missing page
     * fills with zeros on touch. Called by the thread that finishes the cycle or enters the emergency path, with
     * mutators running. Throws {@link KernelException} if the kernel refuses.
     */
    void unregister(MemorySegment range);

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

            @Override
            public void unregister(MemorySegment range) {
                uffd.unregister(range);
            }
        };
    }
}
