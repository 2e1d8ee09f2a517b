package dev.uffdgc.toyvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.toyvm.thread.VmThread;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The monitor table as a root kind (Monitors.updateRoots): address order, re-keying, no allocation when nothing moves. */
@Timeout(60)
class MonitorRootsTest {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    private static Vm vmHolding(VmThread t, int... refs) {
        VmOptions o = new VmOptions();
        o.heapBytes = 1 << 20;
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        Vm vm = new Vm(o, sink, sink);
        vm.threads.add(t);
        for (int r : refs) {
            vm.monitors.enter(t, r);
        }
        return vm;
    }

    /**
     * A walk that moves nothing (the Init Mark snapshot) allocates nothing per monitor: it used to copy the table
     * into a TreeMap and put every monitor back, in the pause. 500 monitors, 100 walks: under 1 KiB per walk (the
     * table's key iterator; red with the old code: 5.6 MB, ~56 KiB per walk).
     */
    @Test
    void aWalkThatMovesNothingAllocatesNothingPerMonitor() {
        VmThread t = new VmThread("test", 1024, 64);
        int[] refs = new int[500];
        for (int i = 0; i < refs.length; i++) {
            refs[i] = 8 + 24 * (refs.length - i); // entered in descending address order
        }
        Vm vm = vmHolding(t, refs);
        List<Integer> seen = new ArrayList<>();
        vm.monitors.updateRoots(r -> { // warm: the code paths run once
            seen.add(r);
            return r;
        });
        assertEquals(refs.length, seen.size());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i - 1) < seen.get(i), "address order at " + i + ": " + seen);
        }
        long before = MX.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100; i++) {
            vm.monitors.updateRoots(r -> r);
        }
        long allocated = MX.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 100 * 1024, allocated + " bytes allocated by 100 walks of 500 monitors that moved nothing");
    }

    /** Moved monitors follow their objects, also when a new key is another monitor's old one (sliding down). */
    @Test
    void movedMonitorsAreRekeyed() {
        VmThread t = new VmThread("test", 1024, 64);
        Vm vm = vmHolding(t, 48, 96, 200, 304);
        vm.monitors.updateRoots(r -> r == 48 ? 16 : r == 96 ? 48 : r == 200 ? 96 : r); // 304 stays
        for (int r : new int[] {16, 48, 96, 304}) {
            assertTrue(vm.monitors.holds(t, r), "monitor of " + r + " held after the move");
        }
        assertEquals(4, vm.monitors.inUse());
        List<Integer> seen = new ArrayList<>();
        vm.monitors.updateRoots(r -> {
            seen.add(r);
            return r;
        });
        assertEquals(List.of(16, 48, 96, 304), seen);
    }
}
