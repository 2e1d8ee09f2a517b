package dev.uffdgc.toyvm.gc.toolkit;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.seam.SlotVisitor;
import dev.uffdgc.toyvm.seam.VmBinding;
import java.util.Arrays;

/**
 * Marking: from the roots, depth-first with an explicit stack (no recursion, so a long list cannot overflow the
 * host stack), into a {@link MarkBitmap}. A {@link Hook} sees every newly marked object: for per-page live bytes,
 * or to take an object out of the trace (marked by flag only, never read).
 *
 * <p>Two ways to use it: {@link #trace} with the world stopped, or incrementally for a concurrent
 * snapshot-at-the-beginning mark ({@link #begin}, {@link #grey}, {@link #drain}, {@link #markAllocated}): objects
 * at or above the mark-start top are allocated during the mark and live by definition (black allocation), so
 * they are never read while mutators may be initialising them. One thread at a time drives a tracer; handing it
 * to another thread (the marker to the final pause) needs a happens-before edge (a lock or volatile). Several
 * tracers may mark one bitmap at once ({@link #helper}, {@link #begin(long, Hook, boolean) parallel}), handing
 * each other queued objects ({@link #give}, {@link #take}); who balances the work and decides the mark is done is
 * the collector's business.
 *
 * <p>A tracer made by {@link #weak} treats weak references weakly: it does not follow their referents but records
 * them in its {@link #references()}, which the collector must {@link ReferenceProcessor#process process} before
 * anything moves. One made by the constructor follows every reference (for a collector that does not process
 * references: it keeps every referent alive, which is safe, only not what programs expect of a JVM).
 */
public final class Tracer {
    /** What a collector adds to marking. */
    public interface Hook {
        /**
         * Called once for each newly marked object that starts a page, before its header is read (only a large
         * array can be flag-only, and toyvm places those page-aligned: see {@code ObjectLayout}). Returning true
         * marks it by flag only: no live granules, not sized, not scanned (it must hold no references).
         */
        default boolean flagOnly(long obj) {
            return false;
        }

        /** A newly marked, traced object and its size. */
        default void live(long obj, long size) {
        }
    }

    public static final Hook NO_HOOK = new Hook() {
    };

    private final VmBinding vm;
    private final HeapAccess mem;
    private final MarkBitmap bits;
    private int[] stack = new int[4096];
    private int stackTop;
    private Hook hook = NO_HOOK;
    /** False for NO_HOOK: toyvm's host JIT is C1-only, which does not inline an interface call per object. */
    private boolean hooked;
    /** Whether {@link Hook#live} is called for each traced object (see {@link #begin(long, Hook, boolean, boolean)}). */
    private boolean tracedLive;
    private long liveBytes;
    private int liveObjects;
    /** References at or above this are black (allocated during a concurrent mark): never marked or scanned. */
    private long limit = Long.MAX_VALUE;
    private final SlotVisitor markSlot = this::markSlot;
    /** Null for a strong tracer. */
    private final ReferenceProcessor references;
    /** Several tracers share the bitmap ({@link #helper}): marks by compare-and-set, and the hook's live() unused. */
    private boolean parallel;

    /** A tracer that follows every reference, weak referents included. */
    public Tracer(VmBinding vm, MarkBitmap bits) {
        this(vm, bits, false);
    }

    private Tracer(VmBinding vm, MarkBitmap bits, boolean weak) {
        this(vm, bits, weak ? new ReferenceProcessor(vm) : null);
    }

    private Tracer(VmBinding vm, MarkBitmap bits, ReferenceProcessor references) {
        this.vm = vm;
        this.mem = vm.heap();
        this.bits = bits;
        this.references = references;
    }

    /**
     * A second tracer for a parallel mark: the same bitmap and the same weak reference list as {@code main}, its
     * own stack and counters. Both must {@link #begin} in parallel mode.
     */
    public static Tracer helper(Tracer main) {
        return new Tracer(main.vm, main.bits, main.references);
    }

    /** A tracer that treats weak references weakly (see the class comment). */
    public static Tracer weak(VmBinding vm, MarkBitmap bits) {
        return new Tracer(vm, bits, true);
    }

    /** The weak references the last mark discovered (a weak tracer only). */
    public ReferenceProcessor references() {
        if (references == null) {
            throw new IllegalStateException("a strong tracer discovers no references");
        }
        return references;
    }

    /** Clears the bitmap up to top and marks everything reachable from the roots. */
    public void trace(long top, Hook h) {
        bits.clear(top);
        begin(Long.MAX_VALUE, h);
        vm.forEachRoot(ref -> {
            mark(ref);
            return ref;
        });
        while (stackTop > 0) {
            scan(stack[--stackTop]);
        }
    }

    /**
     * Starts an incremental mark: counters and the stack reset, nothing marked yet (the caller has cleared the
     * bitmap). References at or above {@code markStartTop} are treated as allocated during the mark: skipped.
     */
    public void begin(long markStartTop, Hook h) {
        begin(markStartTop, h, false);
    }

    /**
     * {@link #begin}, for a mark that several tracers ({@link #helper}) drive at once when {@code parallel}: each
     * object is claimed with a compare-and-set on its start bit, its live bits are set atomically, and the hook's
     * {@link Hook#live} is not called for traced objects (it would race; the caller sums the live bits instead,
     * {@link MarkBitmap#addPageLive}). {@link Hook#flagOnly} must be safe to call from several threads.
     */
    public void begin(long markStartTop, Hook h, boolean parallel) {
        begin(markStartTop, h, parallel, !parallel);
    }

    /**
     * {@link #begin(long, Hook, boolean)}, saying whether the hook's {@link Hook#live} is called for each traced
     * object ({@code tracedLive}; never in a parallel mark) or the caller sums the live bits per page after the mark
     * instead ({@link MarkBitmap#addPageLive}: O(chunks), no call per object). Objects that {@link #markAllocated}
     * marks are reported to {@link Hook#live} either way.
     */
    public void begin(long markStartTop, Hook h, boolean parallel, boolean tracedLive) {
        if (parallel && tracedLive) {
            throw new IllegalArgumentException("a parallel mark cannot call Hook.live per traced object (it would race)");
        }
        this.parallel = parallel;
        this.tracedLive = tracedLive && h != NO_HOOK;
        hook = h;
        hooked = h != NO_HOOK;
        liveBytes = 0;
        liveObjects = 0;
        stackTop = 0;
        limit = markStartTop;
        if (references != null) {
            references.reset();
        }
    }

    /** Marks {@code ref} (a root, or a value a barrier reported) and queues it for scanning; 0 and black refs are ignored. */
    public void grey(int ref) {
        if (ref != 0 && ObjectLayout.offset(ref) < limit) {
            mark(ref);
        }
    }

    /** Scans queued objects until the stack is empty; returns how many objects were scanned. */
    public int drain() {
        int n = 0;
        while (stackTop > 0) {
            scan(stack[--stackTop]);
            n++;
        }
        return n;
    }

    /** Scans queued objects until the stack is empty or {@code max} were scanned; returns how many were. */
    public int drain(int max) {
        int n = 0;
        while (stackTop > 0 && n < max) {
            scan(stack[--stackTop]);
            n++;
        }
        return n;
    }

    /** Marked objects queued for scanning. */
    public int queued() {
        return stackTop;
    }

    /**
     * Hands over the {@code n} oldest queued objects (the bottom of the depth-first stack: the roots of the largest
     * subgraphs not yet entered) for another tracer of the same mark to {@link #take}.
     */
    public int[] give(int n) {
        int[] out = Arrays.copyOf(stack, n);
        System.arraycopy(stack, n, stack, 0, stackTop - n);
        stackTop -= n;
        return out;
    }

    /** Queues objects another tracer of this mark has marked and {@link #give given}. */
    public void take(int[] refs) {
        if (stackTop + refs.length > stack.length) {
            stack = Arrays.copyOf(stack, Math.max(stack.length * 2, stackTop + refs.length));
        }
        System.arraycopy(refs, 0, stack, stackTop, refs.length);
        stackTop += refs.length;
    }

    /**
     * Marks every object (not filler) in [from, to) live without scanning it: what mutators allocated since the mark began
     * (black allocation). Only while the world is stopped (the range must parse: every TLAB retired).
     */
    public void markAllocated(long from, long to) {
        for (long obj = from; obj < to; ) {
            long size = vm.objectSize(obj);
            if (!vm.isFiller(obj)) { // a retired TLAB's tail: dead from the start
                bits.markStart(obj);
                bits.setLive(obj, size);
                if (hooked) {
                    hook.live(obj, size);
                }
                liveBytes += size;
                liveObjects++;
            }
            obj += size;
        }
    }

    /** Bytes of the traced (not flag-only) objects marked by the last trace. */
    public long liveBytes() {
        return liveBytes;
    }

    public int liveObjects() {
        return liveObjects;
    }

    private void scan(int obj) {
        if (references == null) {
            vm.scanObject(ObjectLayout.offset(obj), markSlot);
        } else {
            vm.scanObjectForTrace(ObjectLayout.offset(obj), markSlot, references);
        }
    }

    private void markSlot(long slot) {
        int ref = mem.getInt(slot);
        if (ref != 0 && ObjectLayout.offset(ref) < limit) {
            mark(ref);
        }
    }

    private void mark(int ref) {
        long obj = ObjectLayout.offset(ref);
        if (!(parallel ? bits.markStartAtomic(obj) : bits.markStart(obj))
                || (hooked && (obj & (ObjectLayout.PAGE_SIZE - 1)) == 0 && hook.flagOnly(obj))) {
            return;
        }
        long size = vm.objectSize(obj);
        if (parallel) {
            bits.setLiveAtomic(obj, size);
        } else {
            bits.setLive(obj, size);
            if (tracedLive) {
                hook.live(obj, size);
            }
        }
        liveBytes += size;
        liveObjects++;
        if (stackTop == stack.length) {
            stack = Arrays.copyOf(stack, stackTop * 2);
        }
        stack[stackTop++] = ref;
    }
}
