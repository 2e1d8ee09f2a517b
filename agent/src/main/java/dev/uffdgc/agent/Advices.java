package dev.uffdgc.agent;

import dev.uffdgc.toyvm.heap.Heap;
import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.seam.VmBinding;
import net.bytebuddy.asm.Advice;

/**
 * The Advice the agent weaves into toyvm (Advice only: no new members, so it works with retransformation and
 * dynamic attach), one per instrumentation point that toyvm documents in
 * {@link dev.uffdgc.toyvm.seam.InstrumentationPoints}; each reads only the point's own parameters (never a
 * field by name). Each body is inlined into the target method and only calls {@link Hooks}.
 */
final class Advices {
    private Advices() {
    }

    /** InstrumentationPoints.vmStarted(VmBinding): a VM exists (-javaagent); install the agent's collector. */
    static final class VmStarted {
        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) VmBinding vm) {
            Hooks.vmStarted(vm);
        }
    }

    /**
     * InstrumentationPoints.collectorEntry(VmBinding, Cause, long): before the VM calls its collector; installs
     * the agent's collector (attach, or new options) so that it serves this request.
     */
    static final class CollectorEntry {
        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) VmBinding vm, @Advice.Argument(1) Collector.Cause cause,
                @Advice.Argument(2) long requestBytes) {
            Hooks.collectorEntry(vm, cause, requestBytes);
        }
    }

    /** Heap.onSlowPath(long): the triggers. */
    static final class SlowPath {
        @Advice.OnMethodEnter
        static void enter(@Advice.This Heap heap, @Advice.Argument(0) long requestBytes) {
            Hooks.slowPath(heap, requestBytes);
        }
    }
}
