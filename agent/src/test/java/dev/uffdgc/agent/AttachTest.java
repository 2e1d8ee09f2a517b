package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./uffd-gc attach} to the wrong process: one line naming what is wrong and a documented exit status,
 * never an Attach API stack trace; a JVM that is not toyvm is refused before any attach.
 */
@Timeout(60)
class AttachTest {
    record Result(int status, String out, String err) {
    }

    private static Result attach(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Attach.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLine(Result r, String expected) {
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aPidNoProcessHasIsExitThree() {
        // Above the largest pid_max Linux allows (2^22): no process can have it.
        Result r = attach(Long.toString((1L << 22) + 1), "mode=move");
        assertEquals(Attach.NO_PROCESS, r.status());
        assertOneLine(r, "no process with pid " + ((1L << 22) + 1));
    }

    @Test
    void aProcessThatIsNoJvmIsExitFour() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            Result r = attach(Long.toString(sleep.pid()));
            assertEquals(Attach.NOT_TOYVM, r.status());
            assertOneLine(r, "is not a JVM that accepts attach");
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void aJvmThatIsNotToyvmIsExitFourAndGetsNoAgent() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Idle.class.getName()).start();
        try {
            String pid = Long.toString(jvm.pid());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (VirtualMachine.list().stream().noneMatch(d -> d.id().equals(pid))) {
                assertTrue(jvm.isAlive(), "the idle JVM ended");
                assertTrue(System.nanoTime() < deadline, "the idle JVM never became attachable");
                Thread.sleep(50);
            }
            Result r = attach(pid, "mode=move");
            assertEquals(Attach.NOT_TOYVM, r.status());
            assertOneLine(r, "is a JVM but not toyvm (it runs: " + Idle.class.getName());
            assertTrue(jvm.isAlive());
        } finally {
            jvm.destroyForcibly();
            jvm.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void badArgumentsAreExitTwo() {
        assertEquals(Attach.USAGE, attach().status());
        assertEquals(Attach.USAGE, attach("12ab").status());
        assertEquals(Attach.USAGE, attach("1", "mode=nonsense").status());
    }

    @Test
    void recognisesToyvmsCommandLines() {
        assertTrue(Attach.isToyvm("/home/u/uffd-gc/toyvm/target/toyvm.jar -Xmx8m -cp x Main"));
        assertTrue(Attach.isToyvm("dev.uffdgc.toyvm.cli.Main -cp x Main"));
        assertFalse(Attach.isToyvm("org.example.App toyvm.jar"));
        assertFalse(Attach.isToyvm(""));
    }

    /** A JVM that is not toyvm: waits to be killed. */
    public static final class Idle {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(60_000);
        }
    }
}
