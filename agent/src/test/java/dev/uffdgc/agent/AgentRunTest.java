package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.compact.CycleStats;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: it must fail a run whose background threads failed, and never stall on a reference run. */
class AgentRunTest {
    /** A failure on the fault handler thread (here: a listener it calls) fails the run that caused it. */
    @Test
    @Timeout(120)
    void aFaultHandlerFailureFailsTheRun() {
        CompactorListener throwing = new CompactorListener() {
            @Override
            public void paused(int id, String cause, CycleStats stats) {
            }

            @Override
            public void finished(int id, String cause, CycleStats stats) {
            }

            @Override
            public void stalled(int id, int page, long nanos, boolean userfault) {
                if (userfault) {
                    throw new IllegalStateException("injected listener failure");
                }
            }

            @Override
            public void note(String message) {
            }
        };
        AssertionError e = assertThrows(AssertionError.class, () -> AgentRun.run(AgentRun.vmOptions("1m"),
                AgentOptions.parse("mode=move,workers=0,access=native"), UffdCollector.REAL, null, throwing,
                "Allocation"));
        assertTrue(e.getMessage().contains("background threads"), e.getMessage());
        assertTrue(e.getCause().getMessage().contains("fault handler"), e.getCause().getMessage());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a stalled pipe read ignores interrupts
    void aChildFillingStdoutCompletesAndAHungChildIsKilledAtTheTimeout(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("Chatty.java");
        Files.writeString(src, """
                public class Chatty {
                    public static void main(String[] a) throws Exception {
                        if (a.length > 0) { Thread.sleep(600_000); }
                        String line = "x".repeat(1023);
                        for (int i = 0; i < 1024; i++) { System.out.println(line); } // 1 MiB: 16 pipes full
                        System.err.println("done");
                    }
                }""");
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-d", dir.toString(), src.toString()).inheritIO().start();
        assertEquals(0, javac.waitFor());
        AgentRun.Expected r = AgentRun.hotspot(dir, 30, "Chatty");
        assertEquals(0, r.status());
        assertEquals(1024 * 1024, r.stdout().length());
        long t = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AgentRun.hotspot(dir, 2, "Chatty", "x"));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(System.nanoTime() - t < 20_000_000_000L, "the timeout did not apply");
    }
}
