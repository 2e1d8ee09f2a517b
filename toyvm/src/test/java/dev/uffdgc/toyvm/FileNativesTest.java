package dev.uffdgc.toyvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the corpus cannot see of the file natives, because HotSpot's output is the same either way: descriptors
 * are closed (a FileChannel's kernel descriptor goes through FileDescriptor.close0, a directory stream's through
 * closedir, a FileInputStream's through its own table).
 */
class FileNativesTest {
    private static final int ROUNDS = 200;

    @Test
    @Timeout(120)
    void descriptorsAreClosed(@TempDir Path dir) throws IOException {
        long before = openDescriptors();
        VmOptions options = GuestRun.options(GuestRun.guestClasses(), "16m");
        GuestRun r = GuestRun.toyvm(options, "FileDescriptors", dir.toString(), String.valueOf(ROUNDS));
        long after = openDescriptors();
        assertEquals(0, r.status(), r.stderr());
        assertEquals("total " + ROUNDS * (100 + 16 + 1 + 'l') + "\n", r.stdout());
        // Each round opens 4 descriptors; the VM itself may keep a few (the jrt image, its own channels).
        assertTrue(after - before < 16, (after - before) + " descriptors more after " + ROUNDS + " rounds");
    }

    private static long openDescriptors() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
