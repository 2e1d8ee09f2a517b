package dev.uffdgc.experiments.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Swapfile;
import dev.uffdgc.kernel.proc.ProcStatus;
import dev.uffdgc.kernel.proc.SwapDevices;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Swap for the swap tests: the active swap if there is one, else (as root) a 64 MiB swapfile of the test's own in
 * a temporary directory under target/, switched off and deleted after each test, also when it fails. Skips (with
 * the reason) without userfaultfd MOVE, or without swap and root.
 */
abstract class SwapFixture {
    private Path dir;
    private Swapfile swapfile;

    @BeforeEach
    void needSwap() throws Exception {
        Support.needUffd();
        if (SwapDevices.anyActive()) {
            return;
        }
        assumeTrue(ProcStatus.self().hasCapSysAdmin(), "no swap is active and creating a swapfile needs root (CAP_SYS_ADMIN)");
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "swaptest-");
        try {
            swapfile = Swapfile.create(dir, 64);
        } catch (KernelException | IllegalStateException e) {
            abort("could not enable a swapfile in " + dir + ": " + e.getMessage());
        }
    }

    @AfterEach
    void removeSwap() throws Exception {
        Path file = swapfile == null ? null : swapfile.path();
        try {
            if (swapfile != null) {
                swapfile.close();
            }
        } finally {
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        }
        if (file != null) {
            assertFalse(SwapDevices.isActive(file), "/proc/swaps still lists " + file);
            assertFalse(Files.exists(file), file + " still exists");
        }
    }

    /**
     * What both runs of a MOVE/COPY pair must show before their difference means anything: the run completed, the
     * graph hash held across the cycle, the guest's own check found no bad survivor, enough cold pages were in
     * swap, and both printed the same.
     */
    static void bothRanIntact(RunResult move, RunResult copy) {
        for (RunResult r : new RunResult[] {move, copy}) {
            assertEquals("ok", r.get("status"), r.get("mode") + ": " + r.get("reason"));
            assertEquals("true", r.get("graphIntact"), r.get("mode") + ": graph hash across the cycle");
            assertTrue(r.get("guestOutput").endsWith("bad 0"), r.get("mode") + " guest: " + r.get("guestOutput"));
            assertTrue(r.num("liveColdSwappedBefore") > 500, r.get("mode") + ": too few cold pages went to swap: " + r.asMap());
        }
        assertEquals(move.get("guestOutput"), copy.get("guestOutput"));
    }

    static PrintStream quiet() {
        return new PrintStream(PrintStream.nullOutputStream());
    }
}
