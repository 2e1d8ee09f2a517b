package dev.uffdgc.kernel.bench;

import dev.uffdgc.kernel.KernelException;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * sched_setaffinity/sched_getaffinity for the calling thread. The fault rows pin their two threads because on
 * this VM a round trip costs ~7 µs when both threads share a CPU and ~50 µs when the wakeup has to reach the
 * other, idle vCPU; left to the scheduler, the row flips between the two from run to run.
 */
final class Affinity {
    private Affinity() {
    }

    /** sizeof(cpu_set_t): 1024 CPUs. */
    private static final long CPU_SET_BYTES = 128;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final VarHandle ERRNO_VALUE = Linker.Option.captureStateLayout()
            .varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final FunctionDescriptor AFFINITY =
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);
    private static final MethodHandle SET = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("sched_setaffinity"), AFFINITY, ERRNO);
    private static final MethodHandle GET = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("sched_getaffinity"), AFFINITY, ERRNO);

    /** Pins the calling thread to {@code cpu}; returns the mask it had, for {@link #restore}. */
    static MemorySegment pin(int cpu) {
        MemorySegment old = Arena.ofAuto().allocate(CPU_SET_BYTES);
        call(GET, old, "sched_getaffinity");
        MemorySegment mask = Arena.ofAuto().allocate(CPU_SET_BYTES);
        mask.set(ValueLayout.JAVA_BYTE, cpu / 8, (byte) (1 << (cpu % 8)));
        call(SET, mask, "sched_setaffinity(cpu " + cpu + ")");
        return old;
    }

    static void restore(MemorySegment mask) {
        call(SET, mask, "sched_setaffinity(restore)");
    }

    private static void call(MethodHandle handle, MemorySegment mask, String name) {
        MemorySegment state = Arena.ofAuto().allocate(Linker.Option.captureStateLayout());
        int r;
        try {
            r = (int) handle.invokeExact(state, 0, CPU_SET_BYTES, mask);
        } catch (Throwable t) {
            throw new IllegalStateException(name + " downcall failed", t);
        }
        if (r != 0) {
            throw new KernelException(name, (int) ERRNO_VALUE.get(state, 0L),
                    "the CPU is not online or not in this process's allowed set (cgroup cpuset, taskset)");
        }
    }
}
