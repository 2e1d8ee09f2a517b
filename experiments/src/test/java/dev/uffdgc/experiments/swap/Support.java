package dev.uffdgc.experiments.swap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Uffd;
import dev.uffdgc.kernel.uapi.Userfaultfd;
import java.nio.file.Path;

/** Test helpers: the guest classes, and skipping (with the reason) where userfaultfd MOVE is unavailable. */
final class Support {
    private Support() {
    }

    static Path guestClasses() {
        return Path.of(System.getProperty("uffdgc.samplesClasses", "../samples/target/classes"));
    }

    static void needUffd() {
        try (Uffd u = Uffd.open()) {
            u.api(Userfaultfd.UFFD_FEATURE_MOVE | Userfaultfd.UFFD_FEATURE_SIGBUS);
        } catch (KernelException e) {
            assumeTrue(false, "userfaultfd with UFFDIO_MOVE is unavailable here: " + e.getMessage());
        }
    }
}
