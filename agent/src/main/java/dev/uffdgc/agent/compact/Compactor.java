package dev.uffdgc.agent.compact;

import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SHIFT;
import static dev.uffdgc.kernel.uapi.Mman.MREMAP_DONTUNMAP;
import static dev.uffdgc.kernel.uapi.Mman.MREMAP_MAYMOVE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;

import dev.uffdgc.agent.AgentOptions;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.Uffd;
import dev.uffdgc.agent.toolkit.CompactionFailure;
import dev.uffdgc.agent.toolkit.UffdOps;
import dev.uffdgc.toyvm.gc.toolkit.GcCycle;
import dev.uffdgc.toyvm.seam.VmBinding;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.heap.PageGuard;
import java.lang.foreign.MemorySegment;

/**
 * The concurrent compactor of one toyvm heap (DESIGN.md, "The compactor"): mark and plan with the world
 * stopped, a short flip (mremap the live part of the heap to a from-space with MREMAP_DONTUNMAP, register it
 * MISSING, forward the roots, install the mutators' page guard), then the world resumes and workers, the
 * fault handler and mutators at their page-state checks build and map pages until the cycle finishes
 * (unregister, guard off, from-space unmapped).
 *
 * <p>Why the HotSpot safepoint deadlock cannot happen: no thread in Java state ever touches a page that is not
 * mapped. Mutators pass a page-state check before every heap access and, for a page not ready, build it or
 * wait for it in Java; agent threads read only the from-space (never registered) and write the heap only
 * through ioctls (native state); the fault handler waits in poll(2) (native state).
 */
public final class Compactor extends GcCycle {
    /** Per-thread buffers: spare pages for builds that cannot be in place, and the run's source addresses. */
    static final class Buffers {
        final MemorySegment spare;
        final long[] src;

        Buffers(int batch) {
            spare = Memory.mmapAnonymous((long) batch << PAGE_SHIFT);
            src = new long[batch];
        }
    }

    final Marker marks;
    final Plan plan;
    final int heapPages;
    final PageBuilder builder;
    private final Uffd uffd;
    private final UffdOps ops;
    private final boolean move;
    private final AgentOptions options;
    private final CompactorListener listener;
    private final HeapAccess mem;
    private final ThreadLocal<Buffers> buffers = new ThreadLocal<>();
    /** Pages where a mapping of the heap (and of the from-space) begins: ioctl runs are cut there. */
    final boolean[] cuts;
    final Failures failures = new Failures();
    private final Workers workers;
    private final FaultServer faultServer;
    private volatile Cycle active;
    private volatile boolean failed;
    /** The first failure of a background thread or of the shadow check: thrown at the next pause. */
    private volatile RuntimeException backgroundFailure;
    private int cycles;
    private String cause;
    private Cycle started;

    /** {@code ops} null: the real ioctls on {@code uffd}. */
    public Compactor(VmBinding vm, Uffd uffd, UffdOps ops, boolean move, AgentOptions options,
            CompactorListener listener) {
        super(vm);
        this.mem = vm.heap();
        this.uffd = uffd;
        this.ops = ops != null ? ops : UffdOps.of(uffd);
        this.move = move;
        this.options = options;
        this.listener = listener;
        this.marks = new Marker(vm);
        this.plan = new Plan(marks, vm);
        this.heapPages = (int) (vm.end() >>> PAGE_SHIFT);
        this.builder = new PageBuilder(vm, marks, plan);
        this.cuts = new boolean[(int) (vm.end() >>> PAGE_SHIFT) + 1];
        this.workers = new Workers(options.workers, this::backgroundFailed);
        this.faultServer = new FaultServer(uffd, this);
    }

    public boolean usesMove() {
        return move;
    }

    /** True once a cycle needed the emergency path: later cycles should go to the built-in collector. */
    public boolean failed() {
        return failed;
    }

    /** What failed on the background threads (tests and the bench assert it is empty). */
    public Failures failures() {
        return failures;
    }

    public int cycles() {
        return cycles;
    }

    public boolean cycleActive() {
        return active != null;
    }

    /**
     * Runs one cycle's pause; called by a mutator at its safepoint (the allocation slow path or System.gc()).
     * Returns without collecting when another thread's pause ran meanwhile.
     */
    public void collect(String cause) {
        this.cause = cause;
        runCycle("Collect");
    }

    /** Finishes the cycle in flight, if any, helping on the calling thread; throws what a background thread hit. */
    public void completeActive() {
        Cycle c = active;
        if (c != null) {
            c.completeAll();
            finish(c);
        }
        RuntimeException e = backgroundFailure;
        if (e != null) {
            backgroundFailure = null;
            throw e;
        }
    }

    @Override
    protected boolean verifying() {
        return options.verify || vm.verifying();
    }

    /** The previous cycle's pages are all mapped (inside this pause) before anything is checked or marked. */
    @Override
    protected void verifyBefore() {
        completeActive();
        super.verifyBefore();
    }

    /** Nothing here: the shadow check verifies each page as it is built, the next pause verifies the heap. */
    @Override
    protected void verifyAfter() {
    }

    @Override
    protected String cycleName() {
        return "GC(" + cycles + ")";
    }

    /** Mark, plan, flip; the workers start at once (the world is still stopped, but they never touch the heap). */
    @Override
    protected void collect() {
        int id = cycles++;
        long t1 = System.nanoTime();
        long top = vm.top();
        marks.mark(top);
        long t2 = System.nanoTime();
        plan.compute(top, options.densePercent);
        long t3 = System.nanoTime();
        MemorySegment heap = vm.rawHeap().region();
        ShadowCheck shadow = verifying() ? new ShadowCheck(vm, plan, marks.bits, heap) : null;
        MemorySegment from = flip(id, heap);
        MemorySegment registered = heap.asSlice(0, (long) plan.destPages << PAGE_SHIFT);
        uffd.register(registered, UFFDIO_REGISTER_MODE_MISSING);
        vm.forEachRoot(plan::forward);
        vm.setTop(plan.newTop);
        Cycle c = new Cycle(id, this, registered, from, mem.at(from.address()), ops, move, options.batchPages, t1,
                shadow);
        mem.setGuard(options.access == AgentOptions.Access.NATIVE
                ? PageGuard.nativeTouch(mem.base(), c.states.ready, page -> stall(c, page))
                : PageGuard.checked(c.states.ready, page -> stall(c, page)));
        active = c;
        started = c;
        CycleStats s = c.stats;
        s.markNanos = t2 - t1;
        s.planNanos = t3 - t2;
        s.flipNanos = System.nanoTime() - t3;
        s.usedBefore = top;
        s.usedAfter = plan.newTop;
        s.liveBytes = marks.liveBytes();
        s.liveObjects = marks.liveObjects();
        s.destPages = plan.destPages;
        s.densePrefixBytes = plan.densePrefixEnd;
        s.cause = cause;
        faultServer.watch(c);
        workers.start(c);
    }

    private MemorySegment flip(int id, MemorySegment heap) {
        try {
            return Flip.flip(heap.asSlice(0, (long) plan.oldPages << PAGE_SHIFT), cuts);
        } catch (RuntimeException e) {
            throw new IllegalStateException("uffd-gc: the flip of GC(" + id + ") failed; heap mappings:\n"
                    + Maps.around(heap.address(), heap.address() + heap.byteSize()), e);
        }
    }

    /** After the resume: the whole pause (request to resume) and its time-to-safepoint go to the listeners. */
    @Override
    protected void log(PauseTimes pause) {
        Cycle c = started;
        CycleStats s = c.stats;
        s.pauseNanos = pause.pauseNanos();
        s.timeToSafepointNanos = pause.timeToSafepointNanos();
        c.resumed(pause.requestedNanos() + pause.pauseNanos());
        listener.paused(c.id, s.cause, s);
    }

    /** The page guard's slow path: this mutator needs page p now. */
    private void stall(Cycle c, int page) {
        if (page >= c.pages()) {
            return;
        }
        long t = System.nanoTime();
        boolean mine = c.states.get(page) == PageStates.UNBUILT;
        c.ensureMapped(page);
        long nanos = System.nanoTime() - t;
        c.stats.mutatorStalls.increment();
        c.stats.mutatorStallNanos.add(nanos);
        if (mine) {
            c.stats.pagesBuiltByMutator.increment();
        }
        listener.stalled(c.id, page, nanos, false);
    }

    /** A userfault on page p (native access mode, or anything else that touched an unbuilt page). */
    void fault(Cycle c, int page, long nanos) {
        c.stats.faults.increment();
        c.stats.faultNanos.add(nanos);
        listener.stalled(c.id, page, nanos, true);
    }

    Cycle active() {
        return active;
    }

    /** Called by the thread that mapped the last page; the fault server finishes the cycle off the mutator. */
    void cycleComplete(Cycle c) {
        faultServer.nudge();
    }

    /** Unregisters the heap, removes the guard, releases the from-space and reports the cycle. Idempotent. */
    synchronized void finish(Cycle c) {
        if (!c.markFinished()) {
            return;
        }
        long t = System.nanoTime();
        if (!c.emergency()) {
            ops.unregister(c.heapRange());
        }
        mem.setGuard(null);
        long m = System.nanoTime();
        Memory.munmap(c.fromSpace());
        CycleStats s = c.stats;
        s.madviseNanos = System.nanoTime() - m;
        c.releaseShadow();
        s.finishNanos = System.nanoTime() - t;
        long resumed = c.resumedNanos();
        s.concurrentNanos = resumed == 0 ? 0 : Math.max(0, t - resumed); // 0: it finished inside the pause
        if (active == c) {
            active = null;
        }
        listener.finished(c.id, s.cause, s);
    }

    void note(String message) {
        listener.note(message);
    }

    /** A worker, the fault server or the shadow check failed: fail the next pause with it (first one wins). */
    void backgroundFailed(RuntimeException e) {
        failures.record("background thread", e);
        if (backgroundFailure == null) {
            backgroundFailure = e;
        }
        listener.note("uffd-gc: " + e.getMessage());
    }

    void emergency(Cycle c, CompactionFailure e) {
        failed = true;
        ops.unregister(c.heapRange());
        listener.note("uffd-gc: GC(" + c.id + ") " + e.getMessage() + "; unregistered the heap and finishing the cycle"
                + " with direct copies; later collections use the built-in stop-the-world collector");
    }

    Buffers buffers(int batch) {
        Buffers b = buffers.get();
        if (b == null || b.src.length < batch) {
            b = new Buffers(batch);
            buffers.set(b);
        }
        return b;
    }

    /** Stops the background threads (the VM is exiting, or the agent is switched off). */
    public void shutdown() {
        completeActive();
        workers.stop();
        faultServer.stop();
    }
}
