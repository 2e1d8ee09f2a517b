package dev.uffdgc.agent.compact;

import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SHIFT;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.uffdgc.agent.toolkit.CompactionFailure;
import dev.uffdgc.agent.toolkit.PageMapper;
import dev.uffdgc.agent.toolkit.UffdOps;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.proc.Pagemap;
import dev.uffdgc.kernel.uapi.Mman;
import dev.uffdgc.toyvm.heap.HeapAccess;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The concurrent phase of one compaction cycle: the heap's live part is registered MISSING and empty, the
 * from-space holds the old pages, and any thread — worker, fault handler or a mutator at its page-state check —
 * may claim a destination page, build it and map it. Each page is claimed by exactly one thread (CAS in
 * {@link PageStates}); the others wait for it to be mapped.
 *
 * <p>Where a page is built: with MOVE, in its own from-space page whenever no other destination page still
 * reads that from-space page (so the page is recycled: no fresh kernel page, no copy for the dense prefix),
 * else in a per-thread spare page; with COPY always in a per-thread buffer. A worker's run never crosses a 2 MiB
 * boundary of the heap, so that a whole region built in place, on toyvm's THP heap, goes back as one PMD entry
 * (the kernel's move_pages_huge_pmd; {@link dev.uffdgc.agent.toolkit.MapCounters#pmdPages}). Runs of pages whose buffers are
 * contiguous go to the kernel in one ioctl; with MOVE, a run of at most {@code copyrun} pages (15; a run of one, a
 * run cut short) is COPYed instead: a short MOVE pays a TLB-flush IPI for a few pages ({@link CycleStats#lonePages}).
 * So are pages built in spare pages (MOVE would leave a hole in the spare buffer that the next build faults back
 * in, and pay the IPI besides: only recycled from-space pages gain from MOVE) and every run a mutator, the fault
 * handler or a helper builds at a stall ({@link #ensureMapped}): MOVE from a mutator IPIs the worker's CPU, and such
 * runs of 16-32 pages cost MOVE 43-83 µs/page against COPY 3-5 (bench gc, dense, 1 guest thread, one run, load 15).
 * With MOVE, a large array's page ({@link Plan#slideSrc}) is not built at all: its from-space page is moved in as it
 * is, swapped out or not, and is never read.
 */
final class Cycle {
    final int id;
    final CycleStats stats = new CycleStats();
    final Plan plan;
    final PageStates states;
    final long startNanos;
    private final Compactor owner;
    private final PageBuilder builder;
    private final MemorySegment heap;
    private final MemorySegment from;
    private final HeapAccess fromView;
    private final PageMapper mapper;
    private final ShadowCheck shadow;
    private volatile long resumedNanos;
    private final boolean move;
    private final int batch;
    /** {@code copyrun}: runs of at most this many pages are COPYed rather than MOVEd (issue 11); 0: none. */
    private final int copyRun;
    /** {@code stallrun}: pages a thread that needs an unbuilt page now claims from it up and maps at once. */
    private final int stallRun;
    private final AtomicInteger cursor = new AtomicInteger();
    private volatile boolean emergency;
    private boolean finished;

    Cycle(int id, Compactor owner, PageStates states, MemorySegment heap, MemorySegment from, HeapAccess fromView,
            UffdOps ops, boolean move, int batch, int copyRun, int stallRun, long startNanos, ShadowCheck shadow) {
        this.id = id;
        this.owner = owner;
        this.plan = owner.plan;
        this.states = states;
        this.builder = owner.builder;
        this.heap = heap;
        this.from = from;
        this.fromView = fromView;
        this.move = move;
        this.batch = batch;
        this.copyRun = move ? copyRun : 0;
        this.stallRun = Math.max(1, Math.min(stallRun, batch));
        this.mapper = new PageMapper(ops, move, stats);
        this.startNanos = startNanos;
        this.shadow = shadow;
    }

    int pages() {
        return states.pages();
    }

    /**
     * Makes page p mapped: if nobody has claimed it, claims it and the unclaimed pages above it, up to
     * {@code stallrun} in all and not across a 2 MiB boundary, builds them and maps them as one run; else waits
     * for its owner. {@code origin}: who asks ({@link CycleStats#LONE_MUTATOR}, {@link CycleStats#LONE_FAULT} or
     * {@link CycleStats#LONE_HELPER}). Returns the pages this call built (0: it waited, or p was mapped already).
     *
     * <p>Why a run (issue 11): a mutator that walks the heap right after the flip overtakes the worker and used to
     * build every page it touched alone — on the dense heap 2,300-2,600 of ~10,000 pages per cycle — each COPYed
     * by itself (a lone MOVE costs a TLB-flush IPI), which also cut the worker's runs where it met them. Its next
     * touches mostly fall in the pages it just mapped, so it stalls about once per run instead of once per page.
     */
    int ensureMapped(int p, int origin) {
        if (states.get(p) == PageStates.MAPPED) {
            return 0;
        }
        if (!states.claim(p)) {
            states.awaitMapped(p);
            return 0;
        }
        int n = 1;
        int end = Math.min(Math.min(pages(), p + stallRun), (p / PMD_PAGES + 1) * PMD_PAGES);
        while (p + n < end && states.claim(p + n)) {
            n++;
        }
        stats.pagesBuiltAtStall.add(n);
        buildAndMap(p, n, origin);
        return n;
    }

    /** A worker's share: the page the allocator touches first (the new top's), then ascending runs. */
    void work() {
        int last = pages() - 1;
        if (states.claim(last)) {
            buildAndMap(last, 1, WORKER);
        }
        long run;
        while ((run = claimRun()) != 0) {
            buildAndMap((int) (run >>> 32), (int) run, WORKER);
        }
    }

    /** Claims up to {@code batch} consecutive pages from the cursor: (first << 32) | count, or 0 when none are left. */
    private synchronized long claimRun() {
        int p = cursor.get();
        int pages = pages();
        while (p < pages && !states.claim(p)) {
            p++;
        }
        if (p >= pages) {
            cursor.set(pages);
            return 0;
        }
        int n = 1;
        int end = Math.min(pages, (p / PMD_PAGES + 1) * PMD_PAGES); // a run never crosses a 2 MiB boundary
        while (n < batch && p + n < end && states.claim(p + n)) {
            n++;
        }
        cursor.set(p + n);
        return ((long) p << 32) | n;
    }

    /** Pages per 2 MiB PMD: a run of them, 2 MiB-aligned, can move as one PMD entry. */
    static final int PMD_PAGES = (int) (Memory.HUGE_PAGE_SIZE >>> PAGE_SHIFT);

    /** {@link #buildAndMap}'s origin for a worker's run (the others are CycleStats' LONE_ origins). */
    private static final int WORKER = -1;

    /** Builds the claimed pages [first, first + n) and maps them; {@code origin}: who claimed them, for the counts. */
    private void buildAndMap(int first, int n, int origin) {
        long cpu = CycleStats.threadCpu();
        Compactor.Buffers b = owner.buffers(batch);
        if (move) {
            dropDeadArrayPages(first, n);
        }
        for (int i = 0; i < n; i++) {
            int p = first + i;
            int slide = move ? plan.slideSrc[p] : -1;
            b.slid[i] = slide >= 0;
            if (slide >= 0) { // not built, and not BUILT yet: its from-space page is consumed only by the MOVE
                b.src[i] = from.address() + ((long) slide << PAGE_SHIFT);
                b.srcPage[i] = slide;
                stats.pagesSlid.increment();
                continue;
            }
            b.srcPage[i] = -1;
            boolean inPlace = move && canBuildInPlace(p);
            MemorySegment buf;
            if (inPlace) {
                buf = from.asSlice((long) p << PAGE_SHIFT, Memory.PAGE_SIZE);
                b.srcPage[i] = p;
                stats.pagesInPlace.increment();
            } else {
                buf = b.spare.asSlice((long) i << PAGE_SHIFT, Memory.PAGE_SIZE);
                long t = System.nanoTime();
                buf.set(JAVA_BYTE, 0, (byte) 0); // a spare page's first use, or one MOVEd out (copyrun=0): faults it in
                stats.pageAllocNanos.add(System.nanoTime() - t);
                stats.pagesSpare.increment();
            }
            long t = System.nanoTime();
            builder.build(p, buf, from, fromView);
            if (shadow != null) {
                String bad = shadow.check(p, buf);
                if (bad != null) { // mapped all the same, so nobody hangs; the next pause fails with it
                    owner.backgroundFailed(new IllegalStateException("uffd-gc verify GC(" + id + "): " + bad));
                }
            }
            if (move) {
                buf.set(JAVA_BYTE, 0, buf.get(JAVA_BYTE, 0)); // MOVE needs a present source page, never a hole
            }
            stats.buildNanos.add(System.nanoTime() - t);
            states.built(p);
            b.src[i] = buf.address();
        }
        fillHoles(b, n);
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && b.src[j] == b.src[j - 1] + Memory.PAGE_SIZE && !owner.cuts[first + j]
                    && (b.srcPage[j] < 0 || !owner.cuts[b.srcPage[j]])) {
                j++;
            }
            boolean lone = move && j - i == 1;
            if (lone) {
                stats.lonePages[loneOrigin(origin, n, b, i)].increment();
            }
            // A slid page is moved whatever: its from-space page is never read (it may be swapped out). Else only a
            // worker's run of recycled from-space pages longer than copyrun is MOVEd (see the class comment), and
            // with copyrun=0 (single=move) every run.
            mapRange(first + i, j - i, b.src[i], anySlid(b, i, j) || copyRun == 0
                    || origin == WORKER && j - i > copyRun && allRecycled(b, i, j));
            i = j;
        }
        stats.buildMapCpuNanos.add(CycleStats.threadCpu() - cpu);
        if (shadow != null) { // verification only: outside the compaction CPU figure
            checkSlid(b, first, n);
        }
        boolean last = false;
        for (int i = 0; i < n; i++) {
            last |= states.mapped(first + i);
        }
        states.signal();
        if (last) {
            owner.cycleComplete(this);
        }
    }

    /**
     * MOVE needs a source page (present or swapped out); a large array's page that was never written is a hole in
     * the from-space. Such pages get a zero page here (a write to the from-space, which is not registered): what
     * the heap page read as before the flip. pagemap, not mincore: mincore calls a swapped-out page "not resident"
     * too, and touching that would swap it in. One pagemap read per run of slid pages.
     */
    private void fillHoles(Compactor.Buffers b, int n) {
        for (int i = 0; i < n; ) {
            if (!b.slid[i]) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && b.slid[j] && b.srcPage[j] == b.srcPage[j - 1] + 1) {
                j++;
            }
            MemorySegment run = MemorySegment.ofAddress(b.src[i]).reinterpret((long) (j - i) << PAGE_SHIFT);
            synchronized (owner.pagemap) {
                MemorySegment entries = owner.pagemap.read(run);
                for (int k = i; k < j; k++) {
                    long e = entries.getAtIndex(JAVA_LONG, k - i);
                    if (!Pagemap.isPresent(e) && !Pagemap.isSwapped(e)) {
                        run.set(JAVA_BYTE, (long) (k - i) << PAGE_SHIFT, (byte) 0);
                        stats.slidHoles.increment();
                    }
                }
            }
            i = j;
        }
    }

    /**
     * The from-space pages [first, first + n) that lie wholly in dead large arrays ({@link Plan#deadArrayPage}):
     * only this thread, their destination pages' claimer, may reuse them (as in-place buffers), and nobody reads
     * them, so they are dropped now. A swapped-out one is freed without being read; writing it later gets a zero page.
     */
    private void dropDeadArrayPages(int first, int n) {
        for (int i = first; i < first + n; ) {
            if (!plan.deadArrayPage[i]) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < first + n && plan.deadArrayPage[j]) {
                j++;
            }
            Memory.madvise(from.asSlice((long) i << PAGE_SHIFT, (long) (j - i) << PAGE_SHIFT), Mman.MADV_DONTNEED);
            stats.deadPagesDropped.add(j - i);
            i = j;
        }
    }

    /** Verification only: a slid page, now mapped, against the shadow (this reads it, so it swaps it in). */
    private void checkSlid(Compactor.Buffers b, int first, int n) {
        for (int i = 0; i < n; i++) {
            if (b.slid[i]) {
                int p = first + i;
                String bad = shadow.check(p, heap.asSlice((long) p << PAGE_SHIFT, Memory.PAGE_SIZE));
                if (bad != null) {
                    owner.backgroundFailed(new IllegalStateException("uffd-gc verify GC(" + id + "): " + bad));
                }
            }
        }
    }

    /** A from-space page can be recycled once every other destination page that reads it has been built. */
    private boolean canBuildInPlace(int p) {
        int lo = plan.lowestReader[p];
        return lo >= p || states.allBuilt(lo, p);
    }

    /** Whether pages [from, to) of the run were all built in their own from-space pages (none in a spare page). */
    private static boolean allRecycled(Compactor.Buffers b, int from, int to) {
        for (int k = from; k < to; k++) {
            if (b.srcPage[k] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean anySlid(Compactor.Buffers b, int from, int to) {
        for (int k = from; k < to; k++) {
            if (b.slid[k]) {
                return true;
            }
        }
        return false;
    }

    /** Why page i of a run of n was mapped alone (see {@link CycleStats#lonePages}). */
    private static int loneOrigin(int origin, int n, Compactor.Buffers b, int i) {
        if (origin != WORKER) {
            return origin;
        }
        if (n == 1) {
            return CycleStats.LONE_RUN_OF_ONE;
        }
        return b.slid[i] ? CycleStats.LONE_SLID : b.srcPage[i] < 0 ? CycleStats.LONE_SPARE : CycleStats.LONE_IN_PLACE;
    }

    private void mapRange(int first, int n, long src, boolean useMove) {
        long dst = heap.address() + ((long) first << PAGE_SHIFT);
        long len = (long) n << PAGE_SHIFT;
        if (!emergency) {
            try {
                mapper.map(dst, src, len, useMove);
                return;
            } catch (CompactionFailure e) {
                enterEmergency(e);
            }
        }
        copyDirect(dst, src, len);
    }

    /**
     * The last resort when the kernel will not map a page: unregister the heap, after which any builder may write
     * the pages directly. Safe because mutators never touch a page before its ready byte is set (the page-state
     * check, also behind the native touch), so no mutator sees the kernel's zero fill. The flag is published only
     * once the heap is unregistered, and a builder that failed meanwhile waits here for it: a direct write to a
     * page still registered and missing would block in a userfault in Java state — the HotSpot safepoint deadlock.
     */
    private synchronized void enterEmergency(CompactionFailure e) {
        if (!emergency) {
            owner.emergency(this, e);
            stats.emergency = true;
            emergency = true;
        }
    }

    /** Copies the pages of a run directly (the heap is unregistered by now); see PageMapper.copyUnregistered. */
    private void copyDirect(long dst, long src, long len) {
        stats.copiedDirect(PageMapper.copyUnregistered(dst, src, len));
    }

    boolean emergency() {
        return emergency;
    }

    /** Maps every page that is left, on the calling thread (helping or waiting). */
    void completeAll() {
        for (int p = 0; p < pages(); p++) {
            ensureMapped(p, CycleStats.LONE_HELPER);
        }
    }

    /** Marks the cycle finished; true for the first caller. */
    synchronized boolean markFinished() {
        if (finished) {
            return false;
        }
        finished = true;
        return true;
    }

    /** When mutators ran again after this cycle's pause (0 while it lasts). */
    void resumed(long nanos) {
        resumedNanos = nanos;
    }

    long resumedNanos() {
        return resumedNanos;
    }

    void releaseShadow() {
        if (shadow != null) {
            shadow.release();
        }
    }

    MemorySegment fromSpace() {
        return from;
    }

    MemorySegment heapRange() {
        return heap;
    }
}
