package dev.uffdgc.agent.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A worker that fails keeps serving later cycles, and its failure is recorded for the run to fail on. */
class WorkersTest {
    @Test
    @Timeout(30)
    void aFailedWorkerIsRecorded() throws Exception {
        Failures failures = new Failures();
        Workers w = new Workers(1, e -> failures.record("test", e)); // as Compactor.backgroundFailed does
        try {
            w.start(null); // the worker's c.work() throws NullPointerException
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (failures.count() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, failures.count());
            assertInstanceOf(NullPointerException.class, failures.first().getCause().getCause());
            assertTrue(failures.first().getMessage().contains("uffd-gc-worker-0"), failures.first().getMessage());
        } finally {
            w.stop();
        }
    }
}
