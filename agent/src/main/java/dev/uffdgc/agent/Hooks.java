package dev.uffdgc.agent;

import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.obs.GcLogWriter;
import dev.uffdgc.agent.obs.JfrListener;
import dev.uffdgc.agent.obs.Listeners;
import dev.uffdgc.toyvm.gc.Collector;
import dev.uffdgc.toyvm.seam.VmBinding;
import dev.uffdgc.toyvm.heap.Heap;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What the Advice woven into toyvm calls: public static methods only (the advice code is inlined into toyvm's
 * classes). One {@link UffdCollector} per VM, created at the VM's first binding or collection with the options
 * in force; an attach with new options replaces it at the next collection ("hot swap from the next cycle").
 */
public final class Hooks {
    private static volatile AgentOptions options;
    private static volatile long generation;
    private static final Map<VmBinding, Entry> COLLECTORS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<Heap, Entry> BY_HEAP = Collections.synchronizedMap(new WeakHashMap<>());

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

    /** Advice on VmBinding's constructor: set the VM up early so the triggers poll from the start. */
    public static void bindingCreated(VmBinding vm) {
        if (options != null) {
            collector(vm);
        }
    }

    /**
     * Advice on MarkCompact.collect: true when the agent collected (the built-in body is then skipped), false to
     * let the built-in stop-the-world collector run (mode=stw, no userfaultfd, or after an emergency).
     */
    public static boolean collect(VmBinding vm, Collector.Cause cause, long requestBytes) {
        if (options == null) {
            return false;
        }
        UffdCollector c = collector(vm);
        if (!c.concurrent()) {
            c.quiesce();
            return false;
        }
        c.collect(cause, requestBytes);
        return true;
    }

    /** Advice on Heap.onSlowPath: the occupancy and allocation-rate triggers. */
    public static void slowPath(Heap heap, long requestBytes) {
        Entry e = BY_HEAP.get(heap);
        if (e != null && e.generation == generation) {
            e.collector.poll(requestBytes);
        }
    }

    /** The collector for {@code vm}, (re)built when the options changed since it was made. */
    static synchronized UffdCollector collector(VmBinding vm) {
        Entry e = COLLECTORS.get(vm);
        if (e != null && e.generation == generation) {
            return e.collector;
        }
        if (e != null) {
            e.collector.shutdown();
        }
        AgentOptions o = options;
        UffdCollector c = new UffdCollector(vm, o, listener(vm, o), UffdCollector.REAL, null);
        if (e != null || !o.text.isEmpty()) {
            c.compactorNote("uffd-gc: " + (e == null ? "installed" : "switched to") + " the " + c.backend()
                    + " collector (" + o + ")");
        }
        Entry fresh = new Entry(c, generation);
        COLLECTORS.put(vm, fresh);
        BY_HEAP.put(vm.rawHeap(), fresh);
        return c;
    }

    /** The GC log (the agent's own file, or toyvm's log) and the JFR events. */
    public static CompactorListener listener(VmBinding vm, AgentOptions o) {
        String backend = o.mode.name().toLowerCase(java.util.Locale.ROOT);
        GcLogWriter log;
        if (o.log != null && o.log.equals("off")) {
            return new JfrListener(backend);
        } else if (o.log != null) {
            log = GcLogWriter.toFile(o.log, vm::uptimeNanos, vm.end());
        } else {
            log = GcLogWriter.through((tags, msg) -> vm.log().line(tags, msg), vm.end());
        }
        return Listeners.of(log, new JfrListener(backend));
    }
}
