package dev.uffdgc.kernel.bench;

import static dev.uffdgc.kernel.bench.Pages.PAGE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;

import dev.uffdgc.kernel.Libc;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.Uffd;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One userfault round trip per page: this thread reads 8 bytes of a missing page, a handler thread poll()s and
 * read()s the event and resolves it with UFFDIO_COPY. floor.c's fault_row. Both threads are pinned (see
 * {@link Affinity}): to one CPU for {@code fault_same_cpu}, to two for {@code fault_cross_cpu}.
 *
 * <p>The touch goes through {@link Libc#MEMCPY}, a non-critical downcall, so the faulting thread blocks in native
 * state: a Java thread blocked in a userfault while in Java state would deadlock HotSpot at the next safepoint
 * (DESIGN.md).
 */
final class FaultRow implements Row {
    private final Uffd uffd;
    private final int faults;
    private final int toucherCpu;
    private final int handlerCpu;
    private final MemorySegment sink = Arena.global().allocate(8);
    private long allocated;

    FaultRow(Uffd uffd, int faults, int toucherCpu, int handlerCpu) {
        this.uffd = uffd;
        this.faults = faults;
        this.toucherCpu = toucherCpu;
        this.handlerCpu = handlerCpu;
        warmUpTouch();
    }

    /**
     * A round touches only {@code faults} pages, too few for the JIT to compile the touch loop, and interpreted or
     * C1 code allocates a MemorySegment for each memcpy's return value. So the loop is compiled here first, on a
     * resident page where it cannot fault.
     */
    private void warmUpTouch() {
        MemorySegment page = Arena.global().allocate(PAGE, PAGE);
        MemorySegment[] targets = new MemorySegment[16];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = page.asSlice(i * 8L, 8);
        }
        for (int i = 0; i < 20_000; i++) {
            touchAll(targets);
        }
    }

    @Override
    public String name() {
        return toucherCpu == handlerCpu ? "fault_same_cpu" : "fault_cross_cpu";
    }

    @Override
    public String unit() {
        return "ns/fault";
    }

    @Override
    public boolean gated() {
        return false;
    }

    @Override
    public long allocatedBytes() {
        return allocated;
    }

    @Override
    public double runOnce() {
        long bytes = faults * PAGE;
        MemorySegment area = null;
        MemorySegment src = null;
        try {
            area = Memory.mmapAnonymous(bytes);
            src = Memory.mmapAnonymous(PAGE);
            Pages.prefault(src);
            // Built before the timed loop, so the loop allocates nothing.
            MemorySegment[] targets = new MemorySegment[faults];
            for (int i = 0; i < faults; i++) {
                targets[i] = area.asSlice(i * PAGE, 8);
            }
            uffd.register(area, UFFDIO_REGISTER_MODE_MISSING);
            FaultHandler handler = new FaultHandler(uffd, area, src.address(), faults, handlerCpu);
            MemorySegment mask = Affinity.pin(toucherCpu);
            long t0;
            long t1;
            long touchAllocated;
            try {
                Thread thread = Thread.ofPlatform().name("bench-uffd-handler").daemon().start(handler);
                long a0 = Allocation.current();
                t0 = System.nanoTime();
                touchAll(targets);
                t1 = System.nanoTime();
                touchAllocated = Allocation.current() - a0;
                join(thread);
            } finally {
                Affinity.restore(mask);
            }
            handler.rethrowFailure();
            allocated = touchAllocated + handler.allocatedBytes();
            uffd.unregister(area);
            return (double) (t1 - t0) / faults;
        } finally {
            Pages.unmap(area, src);
        }
    }

    private void touchAll(MemorySegment[] targets) {
        try {
            for (MemorySegment target : targets) {
                MemorySegment ignored = (MemorySegment) Libc.Memcpy.HANDLE.invokeExact(sink, target, 8L);
            }
        } catch (Throwable t) {
            throw new IllegalStateException("memcpy downcall failed", t);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the fault handler", e);
        }
    }
}
