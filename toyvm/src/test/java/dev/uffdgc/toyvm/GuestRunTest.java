package dev.uffdgc.toyvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The HotSpot reference runs of the tests: a chatty child must not stall them, a hung one must fail them. */
class GuestRunTest {
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a stalled pipe read ignores interrupts
    void aChildFillingBothPipesCompletesAndAHungChildIsKilledAtTheTimeout(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("Chatty.java");
        Files.writeString(src, """
                public class Chatty {
                    public static void main(String[] a) throws Exception {
                        if (a.length > 0) { Thread.sleep(600_000); }
                        String line = "x".repeat(1023);
                        for (int i = 0; i < 1024; i++) { System.out.println(line); } // 1 MiB: 16 pipes full
                        for (int i = 0; i < 1024; i++) { System.err.println(line); }
                    }
                }""");
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-d", dir.toString(), src.toString()).inheritIO().start();
        assertEquals(0, javac.waitFor());
        GuestRun r = GuestRun.hotspot(30, List.of(), dir, "Chatty");
        assertEquals(0, r.status());
        assertEquals(1024 * 1024, r.stdout().length());
        assertEquals(1024 * 1024, r.stderr().length());
        long t = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GuestRun.hotspot(2, List.of(), dir, "Chatty", "hang"));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(System.nanoTime() - t < 20_000_000_000L, "the timeout did not apply");
    }
}
