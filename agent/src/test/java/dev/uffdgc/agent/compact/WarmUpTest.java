package dev.uffdgc.agent.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uffdgc.kernel.testing.ChildJvm;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WarmUpTest {
    /**
     * The warm-up drives the Init Mark's root visitor to the host JIT's compile threshold, so that the VM's first
     * pause neither interprets it nor queues its compile (which wakes the compiler thread inside the pause). With the
     * warm-up heap's own 20 roots it stayed interpreted: red. The child runs with the launcher's C1-only JIT flag.
     */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void theSnapshotsRootVisitorIsCompiledBeforeTheFirstPause() throws Exception {
        ChildJvm.Result r = ChildJvm.run(60, List.of("-XX:TieredStopAtLevel=1"), WarmUpChild.class);
        assumeTrue(r.status() != 3, r.stdout());
        assertEquals(0, r.status(), r.describe());
        assertTrue(r.stdout().contains("compiled at level"), r.describe());
    }
}
