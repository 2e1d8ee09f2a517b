package dev.uffdgc.kernel.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.kernel.ApiInfo;
import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Uffd;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The doctor's verdict must agree with what the kernel reports, and its report must name what it found. */
@Timeout(60)
class DoctorTest {

    @Test
    void verdictAndExitCodeMatchTheKernel() {
        int expected;
        try {
            ApiInfo info = Uffd.probe();
            expected = info.supportsMove() ? Doctor.OK : Doctor.COPY_ONLY;
        } catch (KernelException e) {
            expected = Doctor.NO_UFFD;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code = new Doctor(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
        String report = buffer.toString(StandardCharsets.UTF_8);

        assertEquals(expected, code, report);
        assertTrue(report.contains("kernel"), report);
        assertTrue(report.contains("transparent hugepages"), report);
        assertTrue(report.contains("vm.max_map_count"), report);
        assertTrue(report.contains("swap devices"), report);
        assertTrue(report.contains(Runtime.version().toString()), report);
        assertTrue(report.contains("verdict: "), report);
        if (expected == Doctor.OK) {
            assertTrue(report.contains("UFFD_FEATURE_MOVE"), report);
            assertTrue(report.contains("MOVE usable"), report);
        }
    }
}
