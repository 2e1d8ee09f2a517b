package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.kernel.testing.ChildJvm;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Concurrent marking under the mutation that loses objects when a barrier is missing (issue 10, Correctness):
 * four guest threads swap subtrees of one shared tree (SubtreeSwapStress: a subtree held only in a local while
 * its reference is overwritten, then stored elsewhere) while the marker thread marks, cycles back to back (one
 * every 16 KiB of allocation), a host thread forcing a HotSpot safepoint every millisecond (SafepointForcer).
 * verify=true: the MarkVerifier checks at every Final Mark that everything reachable is marked, and the graph
 * hash is compared around every cycle; the output must be HotSpot's. Each case runs in a child JVM under
 * {@link ChildJvm}'s watchdog (no hang). Each case asserts that the barrier recorded overwritten references
 * ({@code satb > 0}): a run whose mutators never stored during a mark would prove nothing.
 */
class MarkingStressTest {
    private static final long WATCHDOG_SECONDS = 150;
    private static final String ROUNDS = "1500";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mode=move,markers=2,verify=true", "mode=copy,verify=true",
        "mode=move,access=native,verify=true"})
    @Timeout(WATCHDOG_SECONDS + 60) // the parent's own bound: the child is watched and killed before this
    void guestThreadsSwapSubtreesWhileMarkingRuns(String options) throws Exception {
        AgentRun.Expected expected = expected();
        ChildJvm.Result r = ChildJvm.run(WATCHDOG_SECONDS, StressChild.class, "4m", Integer.toString(16 << 10),
                options, "SubtreeSwapStress", ROUNDS);
        assertFalse(r.timedOut(), r.describe());
        assertEquals(0, r.status(), r.describe());
        Map<String, Long> stats = SafepointStressTest.stats(r);
        assertEquals(expected.stdout(), r.stdout(), r.describe());
        assertEquals(expected.status(), stats.get("status"), r.describe());
        assertEquals(0, stats.get("emergency"), "a cycle needed the emergency path: " + stats);
        assertTrue(stats.get("cycles") >= 20, "only " + stats.get("cycles") + " cycles: " + stats);
        assertTrue(stats.get("safepoints") >= 20, "only " + stats.get("safepoints") + " forced safepoints: " + stats);
        assertTrue(stats.get("satb") > 0, "no store during a mark was recorded: " + stats);
    }

    private static AgentRun.Expected expected;

    private static synchronized AgentRun.Expected expected() {
        if (expected == null) {
            expected = AgentRun.hotspot("SubtreeSwapStress", ROUNDS);
        }
        return expected;
    }
}
