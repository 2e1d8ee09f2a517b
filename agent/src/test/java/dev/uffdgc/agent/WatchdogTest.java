package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.kernel.testing.ChildJvm;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The watchdog the safepoint stress tests run under must catch a real HotSpot safepoint deadlock: a child that
 * blocks a Java-state thread in a userfault while a safepoint is forced (DeadlockChild) must be reported as hung
 * within the watchdog's bound, with a dump that shows the thread stuck in the kernel, and be gone afterwards.
 */
class WatchdogTest {
    @Test
    @Timeout(90) // the parent is not deadlocked: JUnit's timer works here
    void aSafepointDeadlockInTheChildIsDumpedKilledAndReported() throws Exception {
        ChildJvm.Result r = ChildJvm.run(5, DeadlockChild.class);
        assertTrue(r.timedOut(), "the deliberate deadlock did not hang: " + r.describe() + "\nstdout:\n" + r.stdout());
        assertTrue(r.stdout().contains("forcing a safepoint"), r.stdout());
        assertFalse(r.stdout().contains("no deadlock"), r.stdout());
        assertTrue(r.dump().contains("handle_userfault"), "no thread blocked in a userfault:\n" + r.dump());
        if (canPtraceNonDescendants()) { // jhsdb attaches with ptrace to a process that is not its child
            assertTrue(r.dump().contains("DeadlockChild.main"), "no Java stacks in the dump:\n" + r.dump());
        }
        Optional<ProcessHandle> child = ProcessHandle.of(r.pid());
        assertTrue(child.isEmpty() || !child.get().isAlive(), "child " + r.pid() + " outlived the watchdog");
    }

    /** Root, or Yama's ptrace_scope 0 (or no Yama): jhsdb can read the stacks. */
    private static boolean canPtraceNonDescendants() throws java.io.IOException {
        java.nio.file.Path scope = java.nio.file.Path.of("/proc/sys/kernel/yama/ptrace_scope");
        boolean root = "root".equals(System.getProperty("user.name"));
        return root || !java.nio.file.Files.exists(scope) || java.nio.file.Files.readString(scope).strip().equals("0");
    }
}
