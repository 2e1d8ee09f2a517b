package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HotSpot deadlock of DESIGN.md must be impossible: cycles run back to back while a host thread forces a
 * safepoint (System.gc()) every millisecond. Mutators meet unbuilt pages at their page-state checks (workers=0
 * makes that the only way pages get built) or fault in native state (access=native). A hang fails by timeout.
 */
class SafepointStressTest {
    @ParameterizedTest
    @ValueSource(strings = {"mode=move,workers=1", "mode=copy,workers=1", "mode=move,workers=0,access=native"})
    @Timeout(180)
    void fourGuestThreadsMutateSharedStructuresWhileCyclesRunAndSafepointsAreForced(String options) throws Exception {
        AgentRun.Expected expected = AgentRun.hotspot("ThreadedLruStress", "8000");
        AtomicBoolean stop = new AtomicBoolean();
        Thread forcer = forcer(stop, new AtomicLong());
        AgentRun run;
        try {
            var vm = AgentRun.vmOptions("1m");
            vm.gcStressBytes = 4 << 10; // a cycle every 4 KiB of allocation: thousands of cycles
            run = AgentRun.run(vm, options, "ThreadedLruStress", "8000");
        } finally {
            stop.set(true);
            forcer.join(30_000);
        }
        assertEquals(expected.stdout(), run.stdout(), "stderr:\n" + run.stderr());
        assertEquals(expected.status(), run.status());
        assertTrue(run.totals().cycles().size() >= 20, "only " + run.totals().cycles().size() + " cycles");
        long moved = run.totals().sum(s -> s.liveObjects);
        assertTrue(moved >= 1_000_000, "only " + moved + " objects went through cycles");
    }

    private static Thread forcer(AtomicBoolean stop, AtomicLong gcs) {
        return Thread.ofPlatform().daemon().name("safepoint-forcer").start(() -> {
            while (!stop.get()) {
                System.gc();
                gcs.incrementAndGet();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"mode=move,workers=0", "mode=move,workers=1", "mode=copy,workers=1",
        "mode=move,workers=1,access=native", "mode=move,workers=2,batch=1"})
    @Timeout(180)
    void cyclesSurviveForcedSafepointsEveryMillisecond(String options) throws Exception {
        AgentRun.Expected expected = AgentRun.hotspot("Allocation");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong gcs = new AtomicLong();
        Thread forcer = Thread.ofPlatform().daemon().name("safepoint-forcer").start(() -> {
            while (!stop.get()) {
                System.gc();
                gcs.incrementAndGet();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        AgentRun run;
        try {
            run = AgentRun.run(AgentRun.vmOptions("1m"), options, "Allocation");
        } finally {
            stop.set(true);
            forcer.join(30_000);
        }
        assertEquals(expected.stdout(), run.stdout(), "stderr:\n" + run.stderr());
        int cycles = run.totals().cycles().size();
        assertTrue(cycles >= 20, "only " + cycles + " cycles");
        assertTrue(gcs.get() >= 20, "only " + gcs.get() + " forced safepoints");
    }
}
