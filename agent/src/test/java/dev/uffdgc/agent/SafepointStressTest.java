package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.kernel.testing.ChildJvm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HotSpot deadlock of DESIGN.md must be impossible: cycles run back to back (one every 4 KiB of allocation,
 * a 1 MiB heap) under four guest threads mutating shared LRU maps (ThreadedLruStress), while a host thread forces
 * a safepoint every millisecond (SafepointForcer). Each case runs in a child JVM under {@link ChildJvm}'s watchdog: a
 * deadlock there is dumped, killed with SIGKILL and fails the case in bounded time (WatchdogTest shows the
 * watchdog catches a real one). Each case asserts that its dangerous path ran — a case whose mutators never met an
 * unbuilt page would prove nothing — and that the output is HotSpot's.
 *
 * <p>What each case covers (and the counter that proves it ran):
 * <ul>
 * <li>{@code move,workers=0,copyrun=0}: mutators build every page themselves at their page-state check and map
 *     it with UFFDIO_MOVE (copyrun=0: the default, 15, would COPY every such lone page), and wait in Java
 *     for pages another guest thread claimed, while safepoints pass ({@code mutatorStalls > 0}, pages built by
 *     mutators > 0);</li>
 * <li>{@code move,workers=0,access=native}: mutators touch unbuilt pages through a native downcall and block in
 *     the kernel (a real userfault, in native state) until the fault handler builds the page and, with the
 *     default copyrun, COPYs it, which wakes the faulting thread ({@code faults > 0});</li>
 * <li>{@code move,workers=1}: the default set-up, one worker racing the mutators, who stall on pages it has
 *     claimed or not reached yet ({@code mutatorStalls > 0});</li>
 * <li>{@code copy,workers=2,batch=1}: the COPY backend, two workers racing each other and the mutators page by
 *     page, mutators stalling on pages a worker claimed ({@code mutatorStalls > 0}).</li>
 * </ul>
 * Cut on 2026-12-02 (issue 14): the same program at 8000 rounds in three modes and a single-threaded Allocation
 * run in five modes took 6 of the suite's 11 minutes and asserted no stall at all. The cases above keep every
 * way a page gets built under forced safepoints (mutator, native fault, worker race, both backends) at 1000
 * rounds: measured 2026-12-02, 220-290 cycles and 950-2850 stalls or faults per case, 10-25 s each. By 2026-12-07
 * a case took 35-50 s, nearly all of it host full collections (the forcer's System.gc(), ~30 ms each); with the
 * forcer's cheaper safepoint: 190-250 cycles, 600-1800 stalls or faults, 6-10 s a case at load 6-8; 3-5 s on C1.
 */
class SafepointStressTest {
    private static final Pattern STATS = Pattern.compile("STATS ((?:\\w+=-?\\d+ ?)+)");
    /** Watchdog bound per case; a case takes 3-10 s on a loaded 2-vCPU machine. */
    private static final long WATCHDOG_SECONDS = 150;
    private static final String ROUNDS = "1000";
    /**
     * C1 only, the host JIT `./uffd-gc run` gives toyvm: C2 compiling toyvm's dispatch loop was half a case's CPU.
     * Measured 2026-12-07 (load 9-10, two interleaved rounds of move,workers=1): 4.65 -> 2.30 s CPU, 184-208 cycles
     * and 613-806 stalls either way. (MarkingStressTest keeps C2: no gain there, 7.3-9.0 vs 7.5-7.7 s, and its
     * barrier recorded 16 overwritten references per run under C1 against 120-163 under C2.)
     */
    private static final List<String> HOST_JIT = List.of("-XX:TieredStopAtLevel=1");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "mode=move,workers=0,copyrun=0; mutatorStalls",
        "mode=move,workers=0,access=native; faults",
        "mode=move,workers=1; mutatorStalls",
        "mode=copy,workers=2,batch=1; mutatorStalls"})
    @Timeout(WATCHDOG_SECONDS + 60) // the parent's own bound: the child is watched and killed before this
    void guestThreadsMutateSharedStructuresWhileCyclesRunAndSafepointsAreForced(String options, String mustRun)
            throws Exception {
        AgentRun.Expected expected = expected();
        ChildJvm.Result r = ChildJvm.run(WATCHDOG_SECONDS, HOST_JIT, StressChild.class, "1m", Integer.toString(4 << 10),
                options, "ThreadedLruStress", ROUNDS);
        assertFalse(r.timedOut(), r.describe());
        assertEquals(0, r.status(), r.describe());
        Map<String, Long> stats = stats(r);
        assertEquals(expected.stdout(), r.stdout(), r.describe());
        assertEquals(expected.status(), stats.get("status"), r.describe());
        assertEquals(0, stats.get("emergency"), "a cycle needed the emergency path: " + stats);
        assertTrue(stats.get("cycles") >= 100, "only " + stats.get("cycles") + " cycles: " + stats);
        assertTrue(stats.get("safepoints") >= 20, "only " + stats.get("safepoints") + " forced safepoints: " + stats);
        assertTrue(stats.get(mustRun) > 0, "the dangerous path never ran (" + mustRun + " = 0): " + stats);
        if (options.contains("workers=0") && !options.contains("native")) {
            assertTrue(stats.get("builtByMutator") > 0, "no page was built by a mutator: " + stats);
        }
    }

    private static AgentRun.Expected expected;

    /** HotSpot's output, once for all cases (an -Xint run of the same program each time would repeat itself). */
    private static synchronized AgentRun.Expected expected() {
        if (expected == null) {
            expected = AgentRun.hotspot("ThreadedLruStress", ROUNDS);
        }
        return expected;
    }

    static Map<String, Long> stats(ChildJvm.Result r) {
        Matcher m = STATS.matcher(r.stderr());
        assertTrue(m.find(), "the child printed no STATS line: " + r.describe());
        Map<String, Long> stats = new HashMap<>();
        for (String kv : m.group(1).trim().split(" ")) {
            String[] p = kv.split("=");
            stats.put(p[0], Long.parseLong(p[1]));
        }
        return stats;
    }
}
