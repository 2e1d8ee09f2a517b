package dev.uffdgc.kernel.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Swapfile;
import dev.uffdgc.kernel.proc.ProcStatus;
import dev.uffdgc.kernel.proc.SwapDevices;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Swap for a test: the machine's, if some is active (used, never touched); otherwise, as root, a swapfile of the
 * test's own under target/, switched off and deleted after each test, also when it fails. Tests skip, saying
 * why, when neither is possible.
 */
public abstract class SwapTestBase {
    private static final long SWAPFILE_MIB = 64;

    private Path dir;
    private Swapfile swapfile;
    private Path swapfilePath;

    @BeforeEach
    protected void needSwap() {
        if (SwapDevices.anyActive()) {
            return;
        }
        assumeTrue(ProcStatus.self().hasCapSysAdmin(),
                "no swap is active and creating a swapfile needs root (CAP_SYS_ADMIN)");
        dir = SwapTestSupport.newTempDir();
        try {
            swapfile = Swapfile.create(dir, SWAPFILE_MIB);
            swapfilePath = swapfile.path();
        } catch (KernelException | IllegalStateException e) {
            abort("could not enable a swapfile in " + dir + ": " + e.getMessage());
        }
    }

    // Runs after the subclass's @AfterEach, so the test's memory is unmapped before swapoff.
    @AfterEach
    protected void removeSwapfile() {
        try {
            if (swapfile != null) {
                swapfile.close();
            }
        } finally {
            SwapTestSupport.forceRemove(swapfilePath);
            SwapTestSupport.deleteRecursively(dir);
        }
        if (swapfilePath != null) {
            assertFalse(SwapDevices.isActive(swapfilePath), "/proc/swaps still lists " + swapfilePath);
            assertFalse(Files.exists(swapfilePath), swapfilePath + " still exists");
        }
    }
}
