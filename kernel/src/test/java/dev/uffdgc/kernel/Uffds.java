package dev.uffdgc.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uffdgc.kernel.uapi.Userfaultfd;

/** Opening a userfaultfd for a test, skipping (with the reason) where the kernel cannot give one. */
final class Uffds {
    private Uffds() {
    }

    static Uffd open(long features) {
        Uffd uffd;
        try {
            uffd = Uffd.open();
        } catch (KernelException e) {
            assumeTrue(false, "no userfaultfd on this machine: " + e.getMessage());
            throw e;
        }
        try {
            uffd.api(features);
        } catch (KernelException e) {
            uffd.close();
            assumeTrue(false, "kernel lacks the features this test needs: " + e.getMessage());
        }
        return uffd;
    }

    /** A handshaken fd on a kernel with UFFDIO_MOVE (skips on kernels before 6.8). */
    static Uffd openWithMove(long features) {
        return open(features | Userfaultfd.UFFD_FEATURE_MOVE);
    }
}
