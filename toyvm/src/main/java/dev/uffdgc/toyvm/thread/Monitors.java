package dev.uffdgc.toyvm.thread;

import dev.uffdgc.toyvm.seam.RootVisitor;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.seam.VmBinding;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guest monitors (synchronized, wait/notify) in a side table keyed by the object's heap offset, because the
 * object header has no lock bits and objects move. A monitor exists only while in use — some thread holds it,
 * waits on it or is entering it — and is dropped at the last exit (deflation), so the table stays as small as
 * the set of monitors in use. Its keys are a root kind of the collector seam ({@link #updateRoots}): a
 * collector moving an object also moves its monitor. Keys are visited in address order, which sliding
 * compaction preserves, so the verifier's root order does not change across a collection.
 *
 * Entering a held monitor and waiting happen while the thread is BLOCKED (a pause does not wait for it);
 * afterwards the caller re-reads references from its frame, since the world may have moved while it waited.
 */
public final class Monitors {
    private final Vm vm;
    private final ConcurrentHashMap<Integer, Monitor> table = new ConcurrentHashMap<>();
    /** {@link #updateRoots}'s keys in address order, then the moved ones' new keys; reused (world stopped). */
    private int[] keys = new int[16];
    private Monitor[] movedMonitors = new Monitor[16];

    public Monitors(Vm vm) {
        this.vm = vm;
        // What updateRoots runs, loaded and linked now rather than in the first collection's root walk, which is a
        // pause: the key iterator, and Arrays.sort's DualPivotQuicksort with the lambda it bootstraps. With a
        // monitor in use, GC(0)'s Init Mark loaded them (-Xlog:class+load, LiveSetChurn 8 1 -Xmx256m) and its roots
        // part ran 7.8 ms, 5.0 ms of it on CPU, at -Xmx16g (perf: class parsing, the agent's ClassFileLoadHook, an
        // invokedynamic bootstrap); later Init Marks 0.3 ms.
        table.keySet().iterator();
        int[] warm = new int[100];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = warm.length - i;
        }
        Arrays.sort(warm, 0, warm.length);
        Arrays.sort(warm, 0, 3);
    }

    public void enter(VmThread t, int ref) {
        Monitor m = table.compute(ref, (k, v) -> {
            Monitor mon = v == null ? new Monitor() : v;
            mon.interest++;
            return mon;
        });
        if (m.tryEnter(t)) {
            return;
        }
        vm.safepoints.block(t);
        try {
            m.enterBlocking(t, vm.safepoints);
        } finally {
            vm.safepoints.unblock(t);
        }
    }

    public void exit(VmThread t, int ref) {
        Monitor m = table.get(ref);
        if (m == null || !m.exit(t)) {
            throw illegalState(t);
        }
        table.computeIfPresent(ref, (k, v) -> --v.interest == 0 ? null : v);
    }

    public boolean holds(VmThread t, int ref) {
        Monitor m = table.get(ref);
        return m != null && m.isOwnedBy(t);
    }

    /** Object.wait(millis): IllegalMonitorStateException unless held; InterruptedException if interrupted. */
    public void await(VmThread t, int ref, long millis) {
        Monitor m = owned(t, ref);
        if (consumeInterrupt(t)) {
            throw vm.throwing.raise(t, "java/lang/InterruptedException", null);
        }
        vm.safepoints.block(t);
        try {
            m.await(t, Monitor.nanos(millis), vm.safepoints);
        } finally {
            vm.safepoints.unblock(t);
        }
        if (consumeInterrupt(t)) {
            throw vm.throwing.raise(t, "java/lang/InterruptedException", null);
        }
    }

    public void notify(VmThread t, int ref, boolean all) {
        Monitor m = owned(t, ref);
        if (all) {
            m.notifyAllWaiters();
        } else {
            m.notifyOne();
        }
    }

    private Monitor owned(VmThread t, int ref) {
        Monitor m = table.get(ref);
        if (m == null || !m.isOwnedBy(t)) {
            throw illegalState(t);
        }
        return m;
    }

    /** Reads and clears the guest interrupt status (and the host flag that only served to wake us). */
    static boolean consumeInterrupt(VmThread t) {
        Thread.interrupted();
        if (t.interrupted) {
            t.interrupted = false;
            return true;
        }
        return false;
    }

    private GuestException illegalState(VmThread t) {
        return vm.throwing.raise(t, "java/lang/IllegalMonitorStateException", "current thread is not owner");
    }

    /** Monitors in use (tests, diagnostics). */
    public int inUse() {
        return table.size();
    }

    /**
     * The collector seam's monitor root kind; only while the world is stopped. Keys in address order, from a reused
     * array; only moved monitors are re-keyed (all removed first, then put back, so a new key never meets an old
     * one). Why not a sorted copy of the table, rebuilt every time as before: a root walk that moves nothing (a
     * concurrent mark's snapshot in the Init Mark pause) then allocated a TreeMap and a node per monitor in the
     * pause, and the first one, cold, cost 7.6-12.4 ms of GC(0)'s Init Mark (LiveSetChurn 8 1, -Xmx2047m, one
     * monitor); later ones 0.05-0.14 ms, the largest part of that root walk.
     */
    public void updateRoots(RootVisitor v) {
        if (table.isEmpty()) {
            return;
        }
        int n = 0;
        for (Integer k : table.keySet()) {
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
            }
            keys[n++] = k;
        }
        if (n > 1) { // the common case is one monitor (a join, a wait): sorting it took 10-46 us, interpreted, per walk
            Arrays.sort(keys, 0, n);
        }
        int moved = 0;
        for (int i = 0; i < n; i++) {
            int to = v.visit(keys[i]);
            if (to != keys[i]) {
                if (moved == movedMonitors.length) {
                    movedMonitors = Arrays.copyOf(movedMonitors, moved * 2);
                }
                movedMonitors[moved] = table.remove(keys[i]);
                keys[moved++] = to; // i >= moved: overwrites a key already visited
            }
        }
        for (int i = 0; i < moved; i++) {
            table.put(keys[i], movedMonitors[i]);
            movedMonitors[i] = null;
        }
    }
}
