package dev.uffdgc.agent;

import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.obs.GcLogWriter;
import dev.uffdgc.agent.obs.PauseTotal;
import dev.uffdgc.agent.obs.JfrListener;
import dev.uffdgc.agent.obs.Listeners;
import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.seam.VmBinding;
import dev.uffdgc.toyvm.heap.Heap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What the Advice woven into toyvm calls: public static methods only (the advice code is inlined into toyvm's
 * classes). One {@link UffdCollector} per VM, built at the VM's start (-javaagent) or at its next collection
 * request (attach) with the options in force, and installed through the seam ({@code installCollector}: at a
 * safepoint); an attach with new options replaces it at the next collection request ("hot swap from the next
 * cycle"). No lock is held while a collector is installed: installing stops the world, and a guest thread
 * blocked on a host lock while RUNNING would never reach its safepoint.
 */
public final class Hooks {
    private static volatile AgentOptions options;
    private static volatile long generation;
    private static final Map<VmBinding, Entry> COLLECTORS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<Heap, Entry> BY_HEAP = Collections.synchronizedMap(new WeakHashMap<>());
    /** VMs whose collector some thread is building and installing right now. */
    private static final Set<VmBinding> INSTALLING = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private record Entry(UffdCollector collector, long generation) {
    }

    private Hooks() {
    }

    /** Installs (or replaces) the options; collectors built with older options are swapped at their next cycle. */
    public static synchronized void configure(AgentOptions o) {
        options = o;
        generation++;
    }

    public static AgentOptions options() {
        return options;
    }

    /** Advice on InstrumentationPoints.vmStarted: install the collector early so the triggers poll from the start. */
    public static void vmStarted(VmBinding vm) {
        if (options != null) {
            collector(vm);
        }
    }

    /**
     * Advice on InstrumentationPoints.collectorEntry: make sure this VM runs the agent's collector with the
     * options in force; the VM then calls it for this request. (mode=stw, no userfaultfd or an emergency: the
     * agent's collector runs toyvm's stop-the-world MarkCompact itself.)
     */
    public static void collectorEntry(VmBinding vm, Collector.Cause cause, long requestBytes) {
        if (options != null) {
            collector(vm);
        }
    }

    /** Advice on Heap.onSlowPath: the occupancy and allocation-rate triggers. */
    public static void slowPath(Heap heap, long requestBytes) {
        Entry e = BY_HEAP.get(heap);
        if (e != null && e.generation == generation) {
            e.collector.poll(requestBytes);
        }
    }

    /**
     * The agent's collector for {@code vm}: built and installed (at a safepoint, through the seam) when there is
     * none or the options changed since it was made. A thread that finds another one installing returns the
     * collector in force (the VM keeps calling the one installed until the swap).
     */
    static UffdCollector collector(VmBinding vm) {
        long gen = generation;
        Entry e = COLLECTORS.get(vm);
        if (e != null && e.generation == gen) {
            return e.collector;
        }
        if (!INSTALLING.add(vm)) {
            return e == null ? null : e.collector;
        }
        try {
            AgentOptions o = options;
            UffdCollector c = new UffdCollector(vm, o, listener(vm, o), UffdCollector.REAL, null);
            Entry fresh = new Entry(c, gen);
            try {
                while (!vm.stopTheWorld("Install uffd-gc collector")) {
                    // another thread's pause ran meanwhile: stop again
                }
            } catch (RuntimeException | Error ex) {
                c.shutdown(); // never installed (the VM is exiting): stop its threads
                throw ex;
            }
            try {
                if (e != null) {
                    e.collector.quiesce(); // its cycle in flight ends before the new collector may start one
                }
                vm.installCollector(c); // nests in this pause
                COLLECTORS.put(vm, fresh);
                BY_HEAP.put(vm.rawHeap(), fresh);
            } finally {
                vm.resumeTheWorld();
            }
            if (e != null) {
                e.collector.shutdown();
            }
            if (e != null || !o.text.isEmpty()) {
                c.compactorNote("uffd-gc: " + (e == null ? "installed" : "switched to") + " the " + c.backend()
                        + " collector (" + o + ")");
            }
            return c;
        } finally {
            INSTALLING.remove(vm);
        }
    }

    /** The GC log (the agent's own file, or toyvm's log) and the JFR events. */
    public static CompactorListener listener(VmBinding vm, AgentOptions o) {
        String backend = o.mode.name().toLowerCase(java.util.Locale.ROOT);
        GcLogWriter log;
        PauseTotal total = new PauseTotal(vm.log()::addPause);
        if (o.log != null && o.log.equals("off")) {
            return Listeners.of(total, new JfrListener(backend));
        } else if (o.log != null) {
            log = GcLogWriter.toFile(o.log, vm::uptimeNanos, vm.end());
        } else {
            log = GcLogWriter.through((tags, msg) -> vm.log().line(tags, msg), vm.end());
        }
        return Listeners.of(log, total, new JfrListener(backend));
    }
}
