package dev.uffdgc.agent.compact;

import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SHIFT;
import static dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SIZE;

import dev.uffdgc.agent.toolkit.ArrayPlacement;
import dev.uffdgc.agent.toolkit.LargeArrays;
import dev.uffdgc.toyvm.gc.toolkit.MarkBitmap;
import dev.uffdgc.toyvm.gc.toolkit.ReferenceProcessor;
import dev.uffdgc.toyvm.gc.toolkit.Tracer;
import dev.uffdgc.toyvm.heap.ReferenceStoreBarrier;
import dev.uffdgc.toyvm.seam.RootVisitor;
import dev.uffdgc.toyvm.seam.VmBinding;
import java.util.Arrays;

/**
 * Marking (the toolkit's {@link Tracer} into its {@link MarkBitmap}) plus the live bytes of every page, which
 * decide the dense prefix. Reused across cycles; sized for the whole heap. Two ways:
 * <ul>
 * <li>{@link #mark}: with the world stopped (tests, and a fallback);</li>
 * <li>concurrent, snapshot-at-the-beginning (SATB, as G1 and Shenandoah): {@link #snapshot} in the Init Mark
 *     pause copies the roots and records the mark-start top; {@link #concurrentMark} on the marker thread clears
 *     the bitmap, marks from the copied roots and drains what the reference-store barrier reported (this class is
 *     that barrier: every overwritten reference goes to the SATB buffer); {@link #drainRest} in the Final Mark
 *     pause drains the rest; {@link #markAllocated} marks everything allocated since the snapshot live (black
 *     allocation: concurrently up to the mark end, in the flip pause what came after).</li>
 * </ul>
 * Large primitive arrays (page-slide's side table, {@link LargeArrays}) are marked by flag only: their start bit
 * and a live flag in {@link #arrays}, sized from the table, never read — their headers sit on their first page,
 * which may be cold and swapped out (issue 11). Their bytes still count in {@link #pageLive}. The table learns the
 * arrays allocated since the last cycle: the concurrent mark as it reaches them (a young page-aligned object's
 * header is read, {@link LargeArrays#learn}), the stop-the-world {@link #mark} by parsing [last cycle's young start,
 * top) first; young objects, resident either way.
 *
 * <p>The concurrent mark does not count live bytes per object: {@link #endMark} sums them per page from the bitmap
 * once the mark is complete (O(chunks)). Counting them per object was an interface call per marked object (the
 * tracer's hook), which toyvm's C1-only host JIT does not inline: LiveSetChurn 8 2 102 under move, the jars before
 * and after alternated 3 times (load 9.5-10), concurrent mark CPU per cycle 26.7-29.0 -> 23.4-25.1 ms (with the
 * tracer asking the hook about flag-only arrays at page starts only). With {@code markers} > 1 the concurrent mark's
 * rounds are shared with helper threads ({@link MarkHelpers}), whose tracers mark by compare-and-set.
 *
 * <p>Why SATB and not incremental update (ART's choice, with a card-table remark): the final pause then needs no root
 * rescan and no card scan, only the buffer of values overwritten since the last concurrent drain (usually tiny),
 * and initialising stores into fresh objects need no barrier at all (their old value is null).
 */
final class Marker implements Tracer.Hook, ReferenceStoreBarrier {
    final MarkBitmap bits;
    final int[] pageLive;
    /** The large primitive arrays: marked by flag, placed by whole pages (the plan), moved without being read. */
    final ArrayPlacement arrays;
    private final Tracer tracer;
    private final long heapEnd;
    /** The roots copied in the Init Mark pause (reused; grows outside pauses only rarely: it doubles). */
    private int[] roots = new int[4096];
    private int rootCount;
    /**
     * One visitor for every snapshot: nothing allocated in the pause, and one method whose compile the warm-up
     * triggers ({@link WarmUp#ROOT_SLOTS}).
     */
    private final RootVisitor rootCopier = this::copyRoot;
    /** Values the barrier reported, appended by mutators under the lock; the marker swaps the two buffers. */
    private final Object satbLock = new Object();
    private int[] satb = new int[16384];
    private int satbCount;
    private int[] draining = new int[16384];
    long markStartTop;
    long satbEntries;
    /** The concurrent mark's helper threads ({@code markers} - 1), or null: the marker thread marks alone. */
    private final MarkHelpers helpers;

    /** A marker for the stop-the-world mark and a concurrent mark on the marker thread alone (tests). */
    Marker(VmBinding vm) {
        this(vm, 1);
    }

    /** {@code markers}: threads of the concurrent mark, the marker thread and {@code markers - 1} helpers. */
    Marker(VmBinding vm, int markers) {
        this.bits = new MarkBitmap(vm.end());
        this.tracer = Tracer.weak(vm, bits);
        this.helpers = markers > 1 ? new MarkHelpers(tracer, markers - 1) : null;
        this.arrays = new ArrayPlacement(new LargeArrays(vm), false); // no padding: see ArrayPlacement
        this.heapEnd = vm.end();
        this.pageLive = new int[(int) ((vm.end() + (1L << PAGE_SHIFT) - 1) >>> PAGE_SHIFT)];
    }

    /**
     * Marks everything reachable from the roots in [first object, top), with the world stopped, and clears the
     * weak references whose referent is dead (see {@link #processReferences}).
     */
    void mark(long top) {
        Arrays.fill(pageLive, 0, (int) ((top + (1L << PAGE_SHIFT) - 1) >>> PAGE_SHIFT), 0);
        arrays.table().scanYoung(top);
        arrays.reset();
        markStartTop = top;
        tracer.trace(top, this);
        processReferences();
    }

    /**
     * World stopped, marking complete (after {@link #drainRest}), nothing moved: clears the referent of every weak
     * reference the mark discovered whose referent is unmarked and below the mark-start top (anything above was
     * allocated during the mark: live), and puts the reference on the VM's pending list. O(references discovered).
     * Safe under SATB because {@code Reference.get()} reports its referent while the barrier is on (Barrier.keepAlive):
     * a referent a mutator took out of a weak reference during the mark is marked like an overwritten value.
     */
    int processReferences() {
        return tracer.references().process(bits, markStartTop);
    }

    /** Weak references discovered by the last mark, and how many of them were cleared. */
    ReferenceProcessor references() {
        return tracer.references();
    }

    /** Init Mark pause (world stopped, heap parseable): copies the roots, remembers top. O(roots). */
    void snapshot(VmBinding vm) {
        markStartTop = vm.top();
        rootCount = 0;
        satbEntries = 0;
        synchronized (satbLock) {
            satbCount = 0;
        }
        vm.forEachRoot(rootCopier);
    }

    /** {@link #snapshot}'s visitor: appends a root. */
    private int copyRoot(int ref) {
        if (rootCount == roots.length) {
            roots = Arrays.copyOf(roots, rootCount * 2);
        }
        roots[rootCount++] = ref;
        return ref;
    }

    /**
     * The marker thread, world running, barrier installed: clear, mark from the snapshot, drain the SATB buffer
     * until it and the mark stack are empty at once. What mutators report after that is left for {@link #drainRest}.
     */
    void concurrentMark() {
        Arrays.fill(pageLive, 0);
        bits.clear(heapEnd);
        arrays.reset();
        // The young table arrays (allocated since the last cycle, below the Init Mark top: headers fixed) are learned
        // as the mark reaches them, a header read per page-aligned young object marked, instead of a parse of all
        // that was allocated since the last cycle: at 8 MiB live in a 32 MiB heap that parse read ~24 MiB of
        // headers per cycle, 23% of the concurrent mark's CPU samples (LiveSetChurn 8 1 102, JFR CPU-time sampler).
        arrays.learnBelow(markStartTop);
        tracer.begin(markStartTop, this, helpers != null, false);
        if (helpers != null) {
            helpers.begin(markStartTop, this);
        }
        for (int i = 0; i < rootCount; i++) {
            tracer.grey(roots[i]);
        }
        do {
            if (helpers != null) {
                helpers.round(tracer);
            } else {
                tracer.drain();
            }
        } while (drainSatb() > 0);
    }

    /** Final Mark (world stopped, barrier already removed): drains the SATB buffer and the stack to the end. */
    void drainRest() {
        do {
            tracer.drain();
        } while (drainSatb() > 0);
    }

    /**
     * The marker thread after Final Mark (marking complete, world running): the live bytes per page of the traced
     * objects, which the concurrent mark does not count per object ({@link Tracer#begin(long, Tracer.Hook, boolean,
     * boolean)}), from the bitmap (the flag-marked arrays' were counted as they were marked); then
     * {@link #markAllocated} [mark-start top, {@code markEnd}).
     */
    void endMark(long markEnd) {
        bits.addPageLive(pageLive, markStartTop);
        markAllocated(markStartTop, markEnd);
    }

    /** Stops the helper threads (see {@link MarkHelpers#shutdown}). */
    void shutdown() {
        if (helpers != null) {
            helpers.shutdown();
        }
    }

    /** After {@link #shutdown}: true if every helper thread has ended by the deadline. */
    boolean join(long deadlineNanos) throws InterruptedException {
        return helpers == null || helpers.join(deadlineNanos);
    }

    /**
     * Marks [from, to) live: objects allocated during the mark (or the plan) are live by definition. The range
     * must parse and its headers must not change: below a top taken in a pause (concurrently), or in a pause.
     */
    void markAllocated(long from, long to) {
        tracer.markAllocated(from, to);
    }

    /** Moves the SATB buffer's entries onto the mark stack; returns how many there were. */
    private int drainSatb() {
        int n;
        int[] batch;
        synchronized (satbLock) {
            n = satbCount;
            batch = satb;
            satb = draining;
            satbCount = 0;
            draining = batch;
        }
        for (int i = 0; i < n; i++) {
            tracer.grey(batch[i]);
        }
        satbEntries += n;
        return n;
    }

    /** The SATB barrier: on a mutator, before it overwrites {@code oldRef} in a heap slot. */
    @Override
    public void overwriting(int oldRef) {
        synchronized (satbLock) {
            if (satbCount == satb.length) {
                satb = Arrays.copyOf(satb, satbCount * 2); // a burst between two drains (host heap, not guest)
                draining = new int[satb.length];
            }
            satb[satbCount++] = oldRef;
        }
    }

    long liveBytes() {
        return tracer.liveBytes() + (helpers != null ? helpers.liveBytes() : 0);
    }

    /** The helper threads' CPU time in the last concurrent mark (0 without helpers). */
    long helperCpuNanos() {
        return helpers != null ? helpers.cpuNanos() : 0;
    }

    /** Objects the helper threads marked in the last concurrent mark (tests: did they take part). */
    int helperLiveObjects() {
        return helpers != null ? helpers.liveObjects() : 0;
    }

    int liveObjects() {
        return tracer.liveObjects() + (helpers != null ? helpers.liveObjects() : 0);
    }

    /**
     * A table array: marked by flag only (never read); its bytes are live for the dense prefix all the same. Locked:
     * the helpers of a parallel mark call it too (the table and its live flags are not thread-safe).
     */
    @Override
    public boolean flagOnly(long obj) {
        // A table array starts on a page: the other objects (all but ~1 in 170 at 24 bytes) skip two calls here,
        // which toyvm's C1-only host JIT does not inline, and the lock.
        if ((obj & (PAGE_SIZE - 1)) != 0) {
            return false;
        }
        synchronized (arrays) {
            if (!arrays.flagOnly(obj)) {
                return false;
            }
            live(obj, arrays.size(obj));
            return true;
        }
    }

    @Override
    public void live(long obj, long size) {
        long end = obj + size;
        int first = (int) (obj >>> PAGE_SHIFT);
        if (first == (int) ((end - 1) >>> PAGE_SHIFT)) { // most objects: inside one page
            pageLive[first] += (int) size;
            return;
        }
        for (long at = obj; at < end; ) {
            int page = (int) (at >>> PAGE_SHIFT);
            long n = Math.min(end, ((long) page + 1) << PAGE_SHIFT) - at;
            pageLive[page] += (int) n;
            at += n;
        }
    }
}
