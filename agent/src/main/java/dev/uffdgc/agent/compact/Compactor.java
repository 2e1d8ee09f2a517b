package dev.uffdgc.agent.compact;

import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SHIFT;
import static dev.uffdgc.kernel.uapi.Mman.MREMAP_DONTUNMAP;
import static dev.uffdgc.kernel.uapi.Mman.MREMAP_MAYMOVE;
import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;

import dev.uffdgc.agent.AgentOptions;
import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.uapi.Mman;
import dev.uffdgc.kernel.Uffd;
import dev.uffdgc.kernel.proc.Pagemap;
import dev.uffdgc.kernel.proc.ProcMaps;
import dev.uffdgc.kernel.proc.TlbShootdowns;
import dev.uffdgc.agent.toolkit.CompactionFailure;
import dev.uffdgc.agent.toolkit.UffdOps;
import dev.uffdgc.toyvm.gc.toolkit.GcCycle;
import dev.uffdgc.toyvm.seam.RootVisitor;
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
public final class Compactor extends GcCycle<Compactor.Paused> {
    /** Per-thread buffers: spare pages for builds that cannot be in place, and the run's source addresses. */
    static final class Buffers {
        final MemorySegment spare;
        final long[] src;
        /** The from-space page each source is (-1: a spare page), for the mapping cuts. */
        final int[] srcPage;
        /** Whether each page of the run is a large array's page moved unbuilt from the from-space. */
        final boolean[] slid;

        Buffers(int batch) {
            spare = Memory.mmapAnonymous((long) batch << PAGE_SHIFT);
            src = new long[batch];
            srcPage = new int[batch];
            slid = new boolean[batch];
        }
    }

    final Marker marks;
    final Plan plan;
    /** The flip's root visitor, made once: the pause allocates nothing per cycle (issue 10). */
    private final RootVisitor forwardRoot;
    final int heapPages;
    /** Made by {@link #prepareFlip} on the marker thread, taken by the flip pause (visible through mark.acquire). */
    private PageStates preparedStates;
    /**
     * The next flip's from-space (address space only, {@link Flip#reserve}), made by {@link #prepareFlip} and
     * taken by the flip pause; kept for the next cycle when a mark is abandoned. One at most, never released
     * (PROT_NONE, nothing committed: it costs a mapping, no memory).
     */
    private MemorySegment reservation;
    /** Dead regions the marker thread released after the plan (DeadRegions), for the cycle's stats. */
    private long releasedDeadBytes;
    /** False once the kernel refused MADV_POPULATE_WRITE ({@link #populateAboveToSpace}). */
    private boolean populateAboveToSpace = true;
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
    /** Tells a large array's from-space page that is a hole (never written) from one swapped out; shared, locked. */
    final Pagemap pagemap = Pagemap.openSelf();
    /** /proc/self/maps, open for the compactor's life: {@link Flip#mappingStarts} queries it once per cycle. */
    private final ProcMaps procMaps = ProcMaps.openSelf();
    private final Workers workers;
    private final FaultServer faultServer;
    private volatile Cycle active;
    private volatile boolean failed;
    /** The first failure of a background thread or of the shadow check: thrown at the next pause. */
    private volatile RuntimeException backgroundFailure;
    private int cycles;
    private String cause;
    private static final int NONE = 0;
    private static final int INIT = 1;
    private static final int FINAL = 2;
    private static final int FLIP = 3;
    /** The marker thread and the phase machine (IDLE, MARKING, MARKED, PLANNING, PLANNED): see there. */
    private final ConcurrentMark mark;
    /** Which pause the owner of the current pause asked for. */
    private int pauseKind;
    private final dev.uffdgc.toyvm.gc.toolkit.MarkVerifier markVerifier;
    /** The pauses of the cycle in progress (request to resume) and their time-to-safepoint, from {@link #log}. */
    private long initPauseNanos;
    private long initTtspNanos;
    private long finalPauseNanos;
    private long finalTtspNanos;
    private long finalMarkWorkNanos;
    private final PauseParts initParts = new PauseParts(PauseParts.INIT_MARK);
    private final PauseParts finalParts = new PauseParts(PauseParts.FINAL_MARK);
    private final PauseParts flipParts = new PauseParts(PauseParts.RELOCATE_START);
    /** Summed over the mutators of the cycle in progress (written under no lock: approximate when they race). */
    private volatile long markStallNanos;
    private volatile long pacingStallNanos;
    /** When to start a cycle early (the allocation slow path asks it, {@code pace=true}); timed by the pauses' log. */
    private final Pacer pacer = new Pacer();
    /** The TLB shootdown count read when the marker prepared the last flip (see CycleStats.tlbShootdowns). */
    private volatile long tlbBeforeFlip = TlbShootdowns.UNKNOWN;

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
        this.marks = new Marker(vm, options.markers);
        this.plan = new Plan(marks, vm);
        this.forwardRoot = plan::forward;
        this.heapPages = (int) (vm.end() >>> PAGE_SHIFT);
        this.builder = new PageBuilder(vm, marks, plan);
        this.cuts = new boolean[(int) (vm.end() >>> PAGE_SHIFT) + 1];
        this.workers = new Workers(options.workers, this::backgroundFailed);
        this.faultServer = new FaultServer(uffd, this);
        Flip.warmUp(uffd); // before any pause: the first cycle's flip no longer pays the calls' cold start
        HostCompilers.batch(listener::note); // a compile request made in a pause no longer hands its CPU away
        this.markVerifier = new dev.uffdgc.toyvm.gc.toolkit.MarkVerifier(vm);
        this.mark = new ConcurrentMark(marks, plan, options.densePercent, this::backgroundFailed, this::prepareFlip);
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

    public Pacer pacer() {
        return pacer;
    }

    public boolean cycleActive() {
        return active != null;
    }

    /**
     * Runs a cycle for a mutator that needs memory (the allocation slow path or System.gc()), at its safepoint:
     * finishes the previous compaction first if it is still building pages (outside any pause: a stall for this
     * mutator, not a pause for all), then the Init Mark pause if no mark runs, waits for the concurrent mark (a
     * stall: this mutator needs memory that only the compaction frees), then the final pause. Any of these may
     * have been done meanwhile by another thread (its pause ran while this one waited): then it is skipped.
     */
    public void collect(String cause) {
        finishPreviousCycle();
        startMark(cause);
        long w = System.nanoTime();
        // Waiting BLOCKED: a pause the other mutators ask for meanwhile (the Final Mark or flip of this very cycle,
        // when another mutator sees the phase first) need not wait for this one to wake and reach a poll.
        boolean waited = vm.whileBlocked(mark::awaitMark);
        finalMark();
        waited |= vm.whileBlocked(mark::awaitPlan);
        if (waited) {
            markStallNanos += System.nanoTime() - w;
        }
        relocateStart();
    }

    /** Pacing: the previous compaction ends before the next mark starts; the wait is this mutator's stall. */
    private void finishPreviousCycle() {
        long t = System.nanoTime();
        boolean helped = active != null;
        completeActive();
        if (helped) {
            pacingStallNanos += System.nanoTime() - t;
        }
    }

    /** The Init Mark pause, if no mark or compaction is under way (the occupancy trigger's entry). */
    public void startMark(String cause) {
        if (in(ConcurrentMark.IDLE) && active == null) {
            this.cause = cause;
            pauseKind = INIT;
            runCycle("Init Mark");
        }
    }

    /** The Final Mark pause, if the concurrent mark has finished (polled from the allocation slow path too). */
    public void finalMark() {
        if (in(ConcurrentMark.MARKED)) {
            pauseKind = FINAL;
            runCycle("Final Mark");
        }
    }

    /** The flip pause (ZGC's "Relocate Start"), if the concurrent plan is done (polled too). */
    public void relocateStart() {
        if (in(ConcurrentMark.PLANNED)) {
            pauseKind = FLIP;
            runCycle("Relocate Start");
        }
    }

    private boolean in(int phase) {
        return mark.phase() == phase;
    }

    /** True once the concurrent plan is done and the flip pause has not run yet (tests stop a cycle there). */
    public boolean planned() {
        return in(ConcurrentMark.PLANNED);
    }

    /** True from the Init Mark pause until the flip pause (mark, plan, and the pauses between them). */
    public boolean marking() {
        return !in(ConcurrentMark.IDLE);
    }

    /**
     * Drops a mark in progress (the built-in collector takes over after an emergency, or the agent is swapped
     * out): inside a pause of its own (nested if the caller owns one), waits until the marker thread no longer
     * reads the heap, removes the barrier. Afterwards nothing of this collector reads or watches the heap.
     */
    public void abandonMark() {
        if (in(ConcurrentMark.IDLE)) {
            return;
        }
        while (!vm.stopTheWorld("Abandon Mark")) {
            Thread.onSpinWait();
        }
        try {
            mark.abandon(this::markOff);
        } finally {
            vm.resumeTheWorld();
        }
    }

    /**
     * A mark given up, world stopped, marker idle: the barrier off, and if dead regions were released for a flip
     * that will not come, every dead gap below the mark end made a filler (the heap parses and verifies again).
     */
    private void markOff() {
        vm.setReferenceStoreBarrier(null);
        if (releasedDeadBytes > 0) {
            DeadRegions.fillDeadGaps(vm, marks, mark.markEnd());
            releasedDeadBytes = 0;
        }
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

    /** Verification happens inside {@link #collect()}, where each pause knows what is consistent. */
    @Override
    protected void verifyBefore() {
    }

    /** Nothing here: the shadow check verifies each page as it is built, the next pause verifies the heap. */
    @Override
    protected void verifyAfter() {
    }

    @Override
    protected String cycleName() {
        return "GC(" + cycles + ")";
    }

    /**
     * The pause body (world stopped, run by the thread that asked for the pause): the pause it asked for, unless
     * another thread's pause did it meanwhile (then nothing, and {@link #log} reports nothing).
     */
    @Override
    protected Paused collect() {
        if (pauseKind == INIT && in(ConcurrentMark.IDLE) && active == null) {
            initParts.begin();
            initMark();
            return new Paused(INIT, null);
        } else if (pauseKind == FINAL && in(ConcurrentMark.MARKED)) {
            finalParts.begin();
            takeMarkerResults();
            finalParts.end(0);
            finalMarkPause();
            return new Paused(FINAL, null);
        } else if (pauseKind == FLIP && in(ConcurrentMark.PLANNED)) {
            flipParts.begin();
            takeMarkerResults();
            flipParts.end(0);
            return new Paused(FLIP, flipCycle());
        }
        return new Paused(NONE, null);
    }

    /** Which pause a body ran (NONE: none, another thread's pause did it meanwhile) and, for the flip, its cycle. */
    record Paused(int kind, Cycle flipped) {
    }

    /** Before Final Mark and the flip: the marker's bitmap and plan are visible; a marker failure throws here. */
    private void takeMarkerResults() {
        mark.acquire();
        RuntimeException e = backgroundFailure;
        if (e != null) { // the marker (or a worker) failed: the bitmap is not to be trusted
            backgroundFailure = null;
            mark.abandon(this::markOff);
            throw e;
        }
    }

    /**
     * Final Mark: barrier off, the SATB buffer drained to the end of the mark (whatever mutators overwrote since
     * the marker's last drain), top padded to a page (the mark end: the concurrent plan covers [0, mark end),
     * later objects start on a fresh page), (verify,) clear the weak references whose referent is dead, wake the
     * marker for the plan. O(SATB entries left + weak references discovered).
     */
    private void finalMarkPause() {
        long t = System.nanoTime();
        vm.setReferenceStoreBarrier(null);
        marks.drainRest();
        long markEnd = vm.rawHeap().padTopToPage();
        if (verifying()) {
            verifier.verify("before GC(" + cycles + ")");
            markVerifier.verify(marks.bits, marks.markStartTop, markEnd, "at Final Mark of GC(" + cycles + ")");
        }
        marks.processReferences();
        finalMarkWorkNanos = System.nanoTime() - t;
        finalParts.end(1);
        mark.startPlanning(markEnd);
        finalParts.end(2);
    }

    /** Init Mark: (verify,) copy the roots, remember top, install the SATB barrier, wake the marker. */
    private void initMark() {
        if (verifying()) {
            verifier.verify("at Init Mark of " + cycleName());
        }
        marks.snapshot(vm);
        initParts.end(0);
        vm.setReferenceStoreBarrier(marks);
        initParts.end(1);
        mark.startMarking();
        initParts.end(2);
    }

    /**
     * The flip pause: what was allocated since the mark end (during the concurrent plan) is marked live and
     * appended to the plan — O(those objects) —, then the flip: mremap the live pages to a from-space
     * (DONTUNMAP), register the heap MISSING, forward the roots, set top, install the mutators' page guard. The
     * workers and the fault server are started after the resume, in {@link #log} (handed this cycle by the return).
     * Afterwards the phase is IDLE and {@link #active} the compaction in progress.
     */
    private Cycle flipCycle() {
        int id = cycles++;
        long t1 = System.nanoTime();
        long cpu = CycleStats.threadCpu();
        long top = vm.top();
        marks.markAllocated(mark.markEnd(), top);
        plan.extend(top);
        plan.noteYoung(marks.markStartTop);
        mark.flipped();
        flipParts.end(1);
        long t3 = System.nanoTime();
        MemorySegment heap = vm.rawHeap().region();
        MemorySegment span = Flip.span(vm.rawHeap().mapping());
        MemorySegment reservation = takeReservation(span);
        flipParts.end(2);
        ShadowCheck shadow = verifying() ? new ShadowCheck(vm, plan, marks.bits, heap, marks.pageLive) : null;
        MemorySegment from = flip(id, span, reservation);
        flipParts.end(3);
        MemorySegment registered = heap.asSlice(0, (long) plan.destPages << PAGE_SHIFT);
        uffd.register(registered, UFFDIO_REGISTER_MODE_MISSING);
        flipParts.end(4);
        vm.forEachRoot(forwardRoot);
        vm.setTop(plan.newTop);
        flipParts.end(5);
        Cycle c = new Cycle(id, this, takePreparedStates(), registered, from, mem.at(from.address()), ops, move,
                options.batchPages, options.copyRunPages, options.stallRunPages, t1,
                shadow);
        mem.setGuard(options.access == AgentOptions.Access.NATIVE
                ? PageGuard.nativeTouch(mem.base(), c.states.ready, page -> stall(c, page))
                : PageGuard.checked(c.states.ready, page -> stall(c, page)));
        active = c;
        flipParts.end(6);
        recordCycle(c.stats, top, t3 - t1);
        releasedDeadBytes = 0; // flipped: nothing to fill if a later mark is abandoned
        c.stats.flipNanos = System.nanoTime() - t3;
        c.stats.flipCpuNanos = CycleStats.threadCpu() - cpu;
        flipParts.end(7);
        return c;
    }

    /**
     * On the marker thread, after the plan: the next window's page states (the pause only opens them), the dead
     * regions released (so the flip's mremap skips their PMDs, see DeadRegions) and the heap's mapping starts (the
     * previous cycle has finished: nobody reads {@link #cuts}; MADV_DONTNEED splits no mapping).
     */
    private void prepareFlip() {
        preparedStates = new PageStates(heapPages, plan.destPages);
        releasedDeadBytes = DeadRegions.release(vm, marks, plan.newTop, mark.markEnd());
        if (reservation == null) { // mmap + 2 munmaps, on the marker thread rather than in the pause
            reservation = Flip.reserve(Flip.span(vm.rawHeap().mapping()));
        }
        Flip.mappingStarts(vm.rawHeap().region(), cuts, procMaps);
        // Here, not where a mutator asks for the flip: that mutator is still RUNNING while it reads, so a pause the
        // other mutator asked for meanwhile waits for the read. -Xsafepoint-timeout=1, LiveSetChurn 8 2, load 4-7:
        // the late thread of 2 of 3 late Relocate Start pauses was in this read (/proc/interrupts: open, read and
        // parse, 0.85-1.8 ms on CPU at that load; see TlbShootdowns).
        tlbBeforeFlip = TlbShootdowns.read();
    }

    /** In the flip pause: the from-space reservation the marker thread prepared (made here if there is none). */
    private MemorySegment takeReservation(MemorySegment span) {
        MemorySegment r = reservation != null ? reservation : Flip.reserve(span);
        reservation = null;
        return r;
    }

    /** In the flip pause: the prepared page states, grown over what the plan tail added. */
    private PageStates takePreparedStates() {
        PageStates s = preparedStates;
        preparedStates = null;
        return s.open(plan.destPages);
    }

    /**
     * In the flip pause, after the flip: the cycle's phases (pauses, concurrent mark and plan, stalls) and its
     * sizes into {@code s}; the stall sums start again from 0 for the next cycle. {@code top}: before the flip.
     */
    private void recordCycle(CycleStats s, long top, long tailNanos) {
        long markEnd = mark.markEnd();
        s.markNanos = finalMarkWorkNanos;
        s.planNanos = mark.planNanos();
        s.planCpuNanos = mark.planCpuNanos();
        s.tailNanos = tailNanos;
        s.finalMarkPauseNanos = finalPauseNanos;
        s.finalMarkTtspNanos = finalTtspNanos;
        s.initMarkPauseNanos = initPauseNanos;
        s.initMarkTtspNanos = initTtspNanos;
        initParts.copyTo(s.initMarkParts);
        finalParts.copyTo(s.finalMarkParts);
        s.concurrentMarkNanos = mark.markNanos();
        s.concurrentMarkCpuNanos = mark.markCpuNanos();
        s.markStallNanos = markStallNanos;
        s.pacingStallNanos = pacingStallNanos;
        markStallNanos = 0;
        pacingStallNanos = 0;
        s.satbEntries = marks.satbEntries;
        s.allocatedDuringMark = top - marks.markStartTop;
        s.allocatedDuringPlan = top - markEnd;
        s.usedBefore = top;
        s.usedAfter = plan.newTop;
        s.liveBytes = marks.liveBytes();
        s.liveObjects = marks.liveObjects();
        s.destPages = plan.destPages;
        s.densePrefixBytes = plan.densePrefixEnd;
        s.deadRegionBytes = releasedDeadBytes;
        s.cause = cause;
        s.tlbAtStart = tlbBeforeFlip;
    }

    private MemorySegment flip(int id, MemorySegment used, MemorySegment reservation) {
        try {
            return Flip.flip(used, cuts, reservation);
        } catch (RuntimeException e) {
            throw new IllegalStateException("uffd-gc: the flip of GC(" + id + ") failed; heap mappings:\n"
                    + Maps.around(used.address(), used.address() + used.byteSize()), e);
        }
    }

    /** The end of {@code bytes}' last 2 MiB region (heap offset), or the heap's end. */
    private static long regionEnd(MemorySegment heap, long bytes) {
        long end = heap.address() + bytes;
        long regionEnd = (end + Memory.HUGE_PAGE_SIZE - 1) & -Memory.HUGE_PAGE_SIZE;
        return Math.min(heap.byteSize(), regionEnd - heap.address());
    }

    /**
     * After the flip's resume, on the pausing thread: the pages above the to-space to the end of its last 2 MiB
     * region, populated with one MADV_POPULATE_WRITE. That region holds to-space pages (registered, then MOVEd or
     * COPYed in page by page), so it cannot be one huge page, and the allocator, which goes on from the new top,
     * faulted the rest of it in a 4 KiB page at a time: ~400-500 faults per cycle at ~12 µs each on this VM
     * (LiveSetChurn 8 1 102 -Xmx32m). In C here, 24 MiB of 4 KiB pages: 74.6 ms of write faults against 4.3 ms of
     * MADV_POPULATE_WRITE plus 14.9 ms of first touches. The pages are above top, zero, and a populate leaves
     * present pages alone, so no byte a mutator has written since the resume changes.
     */
    private void populateAboveToSpace(Cycle c) {
        MemorySegment heap = vm.rawHeap().region();
        long from = (long) c.pages() << PAGE_SHIFT;
        long end = regionEnd(heap, from);
        if (end <= from || !populateAboveToSpace) {
            return;
        }
        try {
            Memory.madvise(heap.asSlice(from, end - from), Mman.MADV_POPULATE_WRITE);
        } catch (KernelException e) { // before Linux 5.14: no populate, the allocator faults those pages in
            populateAboveToSpace = false;
            listener.note("uffd-gc: " + e.getMessage() + "; the new top's region is faulted in page by page");
        }
    }

    /**
     * After the resume: the threads the pause set work for are woken (the marker after Init Mark and Final Mark,
     * the workers and the fault server after the flip — outside the pause, see {@link ConcurrentMark#wake}), then
     * the whole pause (request to resume) and its time-to-safepoint go to the listeners.
     */
    @Override
    protected void log(Paused done, PauseTimes pause) {
        int kind = done.kind();
        if (kind == INIT || kind == FINAL) {
            mark.wake();
        } else if (kind == FLIP) {
            startBackground(done.flipped());
            populateAboveToSpace(done.flipped());
        }
        if (kind == INIT) {
            initPauseNanos = pause.pauseNanos();
            initTtspNanos = pause.timeToSafepointNanos();
            listener.initMarked(cycles, cause, initPauseNanos, initTtspNanos);
            return;
        }
        if (kind == FINAL) {
            finalPauseNanos = pause.pauseNanos();
            finalTtspNanos = pause.timeToSafepointNanos();
            listener.finalMarked(cycles, cause, finalPauseNanos, finalTtspNanos, mark.markNanos());
            return;
        }
        if (kind != FLIP) {
            return;
        }
        Cycle c = done.flipped();
        CycleStats s = c.stats;
        s.pauseNanos = pause.pauseNanos();
        s.timeToSafepointNanos = pause.timeToSafepointNanos();
        flipParts.copyTo(s.relocateStartParts);
        pacer.markToFlip(s.concurrentMarkCpuNanos + s.planCpuNanos + s.initMarkPauseNanos + s.finalMarkPauseNanos
                + s.pauseNanos);
        c.resumed(pause.requestedNanos() + pause.pauseNanos());
        listener.paused(c.id, s.cause, s);
    }

    /**
     * The fault server and the workers take up the cycle a flip started, unless it is no longer the active one
     * (another thread's pause finished it since the resume: watching it then would displace a later cycle's).
     * Synchronized with {@link #finish}, which clears {@link #active}.
     */
    private synchronized void startBackground(Cycle c) {
        if (active == c) {
            faultServer.watch(c);
            workers.start(c);
        }
    }

    /** The page guard's slow path: this mutator needs page p now. */
    private void stall(Cycle c, int page) {
        if (page >= c.pages()) {
            return;
        }
        long t = System.nanoTime();
        int built = c.ensureMapped(page, CycleStats.LONE_MUTATOR);
        long nanos = System.nanoTime() - t;
        c.stats.mutatorStalls.increment();
        c.stats.mutatorStallNanos.add(nanos);
        c.stats.pagesBuiltByMutator.add(built);
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
        long cpu = CycleStats.threadCpu();
        if (!c.emergency()) {
            ops.unregister(c.heapRange());
        }
        mem.setGuard(null);
        long m = System.nanoTime();
        Memory.munmap(c.fromSpace());
        CycleStats s = c.stats;
        s.madviseNanos = System.nanoTime() - m;
        c.releaseShadow();
        // No thread forwards through this cycle's plan any more: the array table takes the new addresses.
        marks.arrays.updateTable(plan.youngDest);
        s.finishNanos = System.nanoTime() - t;
        s.finishCpuNanos = CycleStats.threadCpu() - cpu;
        s.tlbShootdowns = TlbShootdowns.delta(s.tlbAtStart, TlbShootdowns.read());
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
        mark.shutdown();
        workers.stop();
        faultServer.stop();
        synchronized (pagemap) {
            pagemap.close();
        }
        procMaps.close();
    }

    /**
     * After {@link #shutdown}: waits up to {@code millis} until the marker, the workers and the fault handler have
     * ended (then none of them touches the userfaultfd: it may be closed). False if one still runs.
     */
    boolean awaitShutdown(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        return mark.join(deadline) && workers.join(deadline) && faultServer.join(deadline);
    }

    /**
     * For a compactor that owns its userfaultfd (warm-up, tests): {@link #shutdown}, then waits up to {@code millis}
     * for the background threads and closes the fd only once none of them can touch it. Closing right after
     * shutdown() let the fault handler's poll(2) see the closed fd (POLLNVAL) and report a background failure (CI,
     * stop 27). False, with the fd left open, if a thread still runs at the deadline.
     */
    public boolean shutdownAndCloseUffd(long millis) {
        shutdown();
        boolean ended;
        try {
            ended = awaitShutdown(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        if (ended) {
            uffd.close();
        }
        return ended;
    }
}
