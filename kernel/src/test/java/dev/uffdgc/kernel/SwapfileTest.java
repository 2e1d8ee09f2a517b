package dev.uffdgc.kernel;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uffdgc.kernel.proc.ProcStatus;
import dev.uffdgc.kernel.proc.SwapDevices;
import dev.uffdgc.kernel.testing.SwapTestSupport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SwapfileTest {
    private Path dir;
    private Path created;

    @BeforeEach
    void makeDir() {
        dir = SwapTestSupport.newTempDir();
    }

    @AfterEach
    void cleanUp() {
        try {
            SwapTestSupport.forceRemove(created);
        } finally {
            SwapTestSupport.deleteRecursively(dir);
        }
    }

    @Test
    void createEnablesAndCloseDisablesAndDeletes() throws IOException {
        if (!ProcStatus.self().hasCapSysAdmin()) {
            KernelException e = assertThrows(KernelException.class, () -> Swapfile.create(dir, 4));
            assertTrue(e.is(Errno.EPERM) && e.getMessage().contains("needs root (CAP_SYS_ADMIN)"), e.getMessage());
            assertEquals(0, Files.list(dir).count(), "a failed create leaves no file behind");
            return;
        }
        Swapfile swapfile = Swapfile.create(dir, 4);
        created = swapfile.path();
        try {
            assertEquals(4L << 20, swapfile.sizeBytes());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created)));
            SwapDevices.Device d = SwapDevices.active().stream()
                    .filter(x -> x.path().equals(created)).findFirst()
                    .orElseThrow(() -> new AssertionError(created + " not in " + SwapDevices.active()));
            assertEquals("file", d.type());
            // The first page holds the swap header.
            assertEquals((4L << 20) - Memory.PAGE_SIZE, d.sizeBytes(), d.toString());
            KernelException busy = assertThrows(KernelException.class, () -> Swapfile.swapon(created, 0));
            assertTrue(busy.is(Errno.EBUSY) && busy.getMessage().contains("already in use"), busy.getMessage());
        } finally {
            swapfile.close();
        }
        assertFalse(SwapDevices.isActive(created), "/proc/swaps still lists " + created);
        assertFalse(Files.exists(created));
        swapfile.close(); // idempotent
        KernelException notActive = assertThrows(KernelException.class, () -> Swapfile.swapoff(created));
        assertTrue(notActive.is(Errno.ENOENT) || notActive.is(Errno.EINVAL), notActive.getMessage());
    }

    @Test
    void tmpfsCannotHoldASwapfileAndTheErrorSaysSo() throws IOException {
        assumeTrue(ProcStatus.self().hasCapSysAdmin(), "swapon needs CAP_SYS_ADMIN; without it EPERM hides EINVAL");
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && "tmpfs".equals(Files.getFileStore(shm).type()),
                "no tmpfs at /dev/shm to try");
        Path tmpfsDir = Files.createTempDirectory(shm, "swaptest-");
        try {
            KernelException e = assertThrows(KernelException.class, () -> Swapfile.create(tmpfsDir, 1));
            assertTrue(e.is(Errno.EINVAL), e.getMessage());
            assertTrue(e.getMessage().contains("filesystem (tmpfs) does not support swapfiles"), e.getMessage());
            assertEquals(0, Files.list(tmpfsDir).count(), "the failed swapfile was removed");
        } finally {
            SwapTestSupport.deleteRecursively(tmpfsDir);
        }
    }

    @Test
    void theShutdownHookRemovesTheSwapfileWhenTheJvmIsKilled() throws Exception {
        assumeTrue(ProcStatus.self().hasCapSysAdmin(), "swapon needs root (CAP_SYS_ADMIN)");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SwapfileHookMain.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(child.getInputStream())).readLine();
            assertNotNull(line, "child exited without output");
            if (line.startsWith("FAILED ")) {
                abort("the child could not create a swapfile: " + line);
            }
            assertTrue(line.startsWith("CREATED "), line);
            created = Path.of(line.substring("CREATED ".length()));
            assertTrue(SwapDevices.isActive(created), created + " active while the child runs");

            child.destroy(); // SIGTERM: runs shutdown hooks, as Ctrl-C (SIGINT) does
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not exit after SIGTERM");
            assertFalse(SwapDevices.isActive(created), "/proc/swaps still lists " + created);
            assertFalse(Files.exists(created), created + " still exists");
        } finally {
            child.destroyForcibly();
        }
    }
}
