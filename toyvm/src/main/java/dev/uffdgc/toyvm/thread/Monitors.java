package dev.uffdgc.toyvm.thread;

import dev.uffdgc.toyvm.seam.RootVisitor;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.seam.VmBinding;
import dev.uffdgc.toyvm.interp.GuestException;
import java.util.Map;
import java.util.TreeMap;
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

    public Monitors(Vm vm) {
        this.vm = vm;
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

    /** The collector seam's monitor root kind; only while the world is stopped. */
    public void updateRoots(RootVisitor v) {
        if (table.isEmpty()) {
            return;
        }
        Map<Integer, Monitor> sorted = new TreeMap<>(table);
        table.clear();
        for (Map.Entry<Integer, Monitor> e : sorted.entrySet()) {
            table.put(v.visit(e.getKey()), e.getValue());
        }
    }
}
