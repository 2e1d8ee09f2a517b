package dev.uffdgc.agent;

import dev.uffdgc.toyvm.gc.Collector;
import dev.uffdgc.toyvm.seam.VmBinding;
import dev.uffdgc.toyvm.heap.Heap;
import net.bytebuddy.asm.Advice;

/**
 * The Advice the agent weaves into toyvm (Advice only: no new members, so it works with retransformation and
 * dynamic attach). Each body is inlined into the target method and only calls {@link Hooks}.
 */
final class Advices {
    private Advices() {
    }

    /** MarkCompact.collect(Cause, long): the agent collects instead, and the built-in body is skipped. */
    static final class Collect {
        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Advice.FieldValue("vm") VmBinding vm, @Advice.Argument(0) Collector.Cause cause,
                @Advice.Argument(1) long requestBytes) {
            return Hooks.collect(vm, cause, requestBytes);
        }
    }

    /** Heap.onSlowPath(long): the triggers. */
    static final class SlowPath {
        @Advice.OnMethodEnter
        static void enter(@Advice.This Heap heap, @Advice.Argument(0) long requestBytes) {
            Hooks.slowPath(heap, requestBytes);
        }
    }

    /** VmBinding's constructors: the VM exists; set up its collector. */
    static final class BindingCreated {
        @Advice.OnMethodExit
        static void exit(@Advice.This VmBinding vm) {
            Hooks.bindingCreated(vm);
        }
    }
}
