package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uffdgc.kernel.testing.ChildJvm;
import dev.uffdgc.kernel.testing.SafepointForcer;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.TestAbortedException;

/**
 * The HotSpot deadlock of DESIGN.md, avoided: a mutator faults on every page through native-state access while
 * another thread forces a safepoint (SafepointForcer) every millisecond. For every 16th fault the handler waits
 * until a whole forced safepoint has run before resolving it, so safepoints provably happen while the mutator is
 * blocked in the kernel. A regression to Java-state access would deadlock HotSpot at a safepoint, which no
 * in-process timeout survives (JUnit's timer thread stops at it too): the body runs in a child JVM under
 * {@link ChildJvm}'s watchdog, which dumps and kills a hung child.
 */
class SafepointFaultTest {
    private static final int PAGES = 512;
    /** The child's exit status when the machine cannot run the test (no userfaultfd, no MOVE): the test skips. */
    private static final int SKIPPED = 3;

    @Test
    @Timeout(180) // the parent's own bound: the child is watched and killed after 120 s
    void faultsResolveWhileSafepointsAreForced() throws Exception {
        ChildJvm.Result r = ChildJvm.run(120, SafepointFaultTest.class);
        assertFalse(r.timedOut(), r.describe());
        assumeTrue(r.status() != SKIPPED, r.stdout().strip());
        assertEquals(0, r.status(), r.describe());
        assertTrue(r.stdout().contains("OK"), r.describe());
    }

    /** The test body, in the child JVM: exit 0 and "OK" when it held, {@value #SKIPPED} when it cannot run here. */
    public static void main(String[] args) throws Exception {
        try {
            faultsResolve();
        } catch (TestAbortedException e) {
            System.out.println("skipped: " + e.getMessage());
            System.exit(SKIPPED);
        }
        System.out.println("OK");
        System.exit(0);
    }

    private static void faultsResolve() throws Exception {
        MemorySegment src = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        MemorySegment dst = Memory.mmapAnonymous(PAGES * PAGE_SIZE);
        Pages.fill(src, 51);
        AtomicLong safepointsWhileBlocked = new AtomicLong();
        try (SafepointForcer forcer = SafepointForcer.start(); Uffd uffd = Uffds.openWithMove(0)) {
            uffd.register(dst, UFFDIO_REGISTER_MODE_MISSING);
            long delta = src.address() - dst.address();
            try (FaultHandler handler = new FaultHandler(uffd, f -> {
                if (((f.pageAddress() - dst.address()) / PAGE_SIZE) % 16 == 0) {
                    long seen = forcer.safepoints();
                    while (forcer.safepoints() < seen + 2) { // + 2: one safepoint started and ended after the fault
                        Thread.sleep(1);
                    }
                    safepointsWhileBlocked.incrementAndGet();
                }
                uffd.move(f.pageAddress(), f.pageAddress() + delta, PAGE_SIZE, 0);
            })) {
                FutureTask<Long> mutator = Threads.start("mutator", () -> {
                    long mismatches = 0;
                    for (int p = 0; p < PAGES; p++) {
                        long v = NativeAccess.readLong(dst.address() + p * PAGE_SIZE + 8 * (p % 512));
                        mismatches += v == Pages.value(51, p, p % 512) ? 0 : 1;
                    }
                    return mismatches;
                });
                assertEquals(0L, Threads.await(mutator, handler, 100_000), "pages with wrong data");
                assertEquals(PAGES, handler.faults());
            }
            assertEquals(PAGES / 16, safepointsWhileBlocked.get());
            assertTrue(forcer.safepoints() >= PAGES / 16 * 2, "only " + forcer.safepoints() + " forced safepoints");
        } finally {
            Memory.munmap(dst);
            Memory.munmap(src);
        }
    }
}
