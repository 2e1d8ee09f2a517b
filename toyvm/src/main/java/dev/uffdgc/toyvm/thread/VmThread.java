package dev.uffdgc.toyvm.thread;

import dev.uffdgc.toyvm.heap.Mutator;
import java.util.Arrays;

/**
 * One guest thread's execution state. Frames live in two parallel stacks indexed alike: {@link #prims} holds
 * primitives as raw bits, {@link #refs} holds references (heap offsets). A slot is read from the stack its
 * bytecode type says; a callee's locals overlap its caller's argument slots. Every slot of {@code refs} below
 * {@link #sp} holds 0 or a valid reference (frames zero their ref slots on entry), so the collector scans
 * {@code refs[0, sp)} as precise roots without stack maps.
 *
 * <p>Stacks grow on demand, in segments ({@link StackSegment}): {@link #prims}/{@link #refs} are the current
 * segment's arrays. A frame that does not fit the rest of the current segment is entered on the next one
 * ({@link #pushSegment}, its arguments copied there) and leaves it with {@link #popSegment}; below the current
 * segment, each segment's roots are {@code refs[0, belowTop)} of the segment above it. The frame arrays
 * ({@link #frameMethodIds}, {@link #framePcs}) grow by doubling. A thread starts with
 * {@link #FIRST_SEGMENT_SLOTS} slots and 64 frames (about 13 KiB); the limits are still {@code maxDepth} frames
 * and {@code stackSlots} slots in all segments together.
 */
public final class VmThread extends Mutator {
    /** The most stack slots a thread may use, all segments together. */
    public static final int DEFAULT_STACK_SLOTS = 1 << 20;
    /** Slots of a thread's first segment; later ones double up to {@link #MAX_SEGMENT_SLOTS}. */
    public static final int FIRST_SEGMENT_SLOTS = 1 << 10;
    public static final int MAX_SEGMENT_SLOTS = 1 << 16;
    private static final int FIRST_FRAMES = 64;
    public static final int DEFAULT_MAX_DEPTH = 6000;
    /**
     * Extra frames for constructing a StackOverflowError at the limit, and slots every segment keeps free above
     * the top frame's operand stack (host code pushes arguments there without a check before calling guest code).
     */
    public static final int STACK_OVERFLOW_HEADROOM = 256;
    /** Extra slots (beyond stackSlots) allowed while a StackOverflowError is being constructed. */
    private static final int OVERFLOW_SLOTS = 16 * STACK_OVERFLOW_HEADROOM;

    public volatile String name;
    /** The current segment's arrays (those of {@link #segment}). */
    public long[] prims;
    public int[] refs;
    /** The segment the top frame is in. */
    public StackSegment segment;
    private int slotLimit;
    private int slotsAllocated;
    /** Top of the top frame's operand stack; valid whenever this thread may allocate or is stopped. */
    public int sp;
    public int depth;
    public final int maxDepth;
    /** Frames allowed right now: maxDepth, raised briefly while a StackOverflowError is being built. */
    public int depthLimit;
    /**
     * The deepest frame both tiers enter without a slow path: min(depthLimit, frame arrays' capacity - 1). A
     * deeper frame goes to Interpreter.overflow, which throws StackOverflowError or grows the frame arrays.
     */
    public int frameRoom;
    /**
     * The method of each frame, by id (ClassRegistry.method(id) finds it), indexed by depth; grown by
     * {@link #growFrames}, so read them through the field, never cache them. Ids, not the methods themselves: a
     * thread's state then names nothing of the class model, whose methods hold the code that runs on a thread
     * (the files of thread/, classfile/ and interp/ named each other in a circle), and a frame's entry is an int
     * store without the host collector's reference write barrier. Only stack walks look an id up.
     */
    public int[] frameMethodIds;
    /** The current pc of each frame, stored before calls and anything that can throw or allocate. */
    public int[] framePcs;
    /** The guest exception being thrown, or 0. A root. */
    public int pendingException;
    /** Handles: guest references held by host code across allocations. Roots. */
    public int[] handles = new int[64];
    public int handleTop;
    /** Set while an OutOfMemoryError is being built, so a nested failure uses the preallocated one. */
    public boolean raisingOutOfMemory;
    /** Nesting of VM-raised exceptions under construction (a guard against a broken library). */
    public int raising;
    /**
     * Set while the NullPointerException of a failed null check in bytecode is built: its backtrace then keeps the
     * bci, from which the JDK's getMessage computes the helpful message (JEP 358). Natives' NPEs do not set it: on
     * HotSpot a native frame is on top of theirs, and the message is null.
     */
    public boolean failedNullCheck;

    // Thread states for the safepoint protocol (see Safepoints).
    /** Running guest code: may touch the heap; a pause waits until it reaches a poll. */
    public static final int RUNNING = 0;
    /** Blocked (sleep, wait, join, monitor entry, park) or not started/ended: counts as stopped. */
    public static final int BLOCKED = 1;
    /** Parked at a safepoint poll until the world resumes. */
    public static final int STOPPED = 2;

    /** Safepoint state, written under the safepoint lock; read racily only as a hint. */
    public volatile int state = BLOCKED;
    // This thread's allocation buffer [tlabTop, tlabEnd): inherited from heap.Mutator (the allocator's view).
    /** The guest java.lang.Thread object (0 until created). A root. */
    public int guestThread;
    /** Guest interrupt status (Thread.interrupt); host interrupts only wake blocked threads. */
    public volatile boolean interrupted;
    /** LockSupport.park permit, guarded by {@link #parkLock}. */
    public boolean parkPermit;
    public final Object parkLock = new Object();
    public boolean daemon;
    /** The host thread running this guest thread (null before start). */
    public volatile Thread host;
    /** Per-thread identity-hash generator state, so threads never share a racy seed. */
    public int hashSeed;

    public VmThread(String name, int stackSlots, int maxDepth) {
        this.name = name;
        this.slotLimit = stackSlots;
        this.slotsAllocated = Math.min(FIRST_SEGMENT_SLOTS, stackSlots);
        this.segment = new StackSegment(null, slotsAllocated);
        this.prims = segment.prims;
        this.refs = segment.refs;
        this.maxDepth = maxDepth;
        this.depthLimit = maxDepth;
        int frames = Math.min(FIRST_FRAMES, maxDepth + 2);
        this.frameMethodIds = new int[frames];
        this.framePcs = new int[frames];
        this.frameRoom = Math.min(depthLimit, frames - 1);
    }

    /** Makes room in the frame arrays for a frame at {@code depth} (at most depthLimit). */
    public void growFrames(int depth) {
        int n = Math.min(Math.max(depth + 1, frameMethodIds.length * 2), depthLimit + 2);
        frameMethodIds = Arrays.copyOf(frameMethodIds, n);
        framePcs = Arrays.copyOf(framePcs, n);
        frameRoom = Math.min(depthLimit, n - 1);
    }

    /** StackOverflowError under construction: {@link #STACK_OVERFLOW_HEADROOM} more frames and some slots. */
    public void raiseLimits() {
        depthLimit += STACK_OVERFLOW_HEADROOM;
        slotLimit += OVERFLOW_SLOTS;
        frameRoom = Math.min(depthLimit, frameMethodIds.length - 1);
    }

    /** Undoes {@link #raiseLimits}. */
    public void lowerLimits() {
        depthLimit -= STACK_OVERFLOW_HEADROOM;
        slotLimit -= OVERFLOW_SLOTS;
        frameRoom = Math.min(depthLimit, frameMethodIds.length - 1);
    }

    /**
     * Moves to the next segment for a frame of {@code frameSlots} slots (locals, operand stack and headroom)
     * whose {@code argSlots} arguments are at {@code [base, base + argSlots)} of the current segment: copies them
     * to slot 0 there and makes it current, with sp past them. The frame is then entered at base 0, and
     * {@link #popSegment} must follow, also when it throws. Called by the thread itself between two polls (no
     * collection can see a half-switched state). Returns false, changing nothing, if the slots of all segments
     * would exceed stackSlots (the caller throws StackOverflowError).
     */
    public boolean pushSegment(int base, int argSlots, int frameSlots) {
        StackSegment cur = segment;
        StackSegment next = cur.above;
        if (next == null || next.slots() < frameSlots) {
            int kept = slotsAllocated;
            for (StackSegment s = next; s != null; s = s.above) {
                kept -= s.slots(); // dropped with it: only reachable through it
            }
            int size = Math.max(frameSlots, Math.min(MAX_SEGMENT_SLOTS, cur.slots() * 2));
            size = Math.min(size, slotLimit - kept);
            if (size < frameSlots) {
                return false;
            }
            next = new StackSegment(cur, size);
            cur.above = next;
            slotsAllocated = kept + size;
        }
        System.arraycopy(cur.prims, base, next.prims, 0, argSlots);
        System.arraycopy(cur.refs, base, next.refs, 0, argSlots);
        next.belowTop = base;
        segment = next;
        prims = next.prims;
        refs = next.refs;
        sp = argSlots;
        return true;
    }

    /**
     * Back to the segment below after the frame {@link #pushSegment} made room for has returned (copying its
     * {@code retSlots} result slots to {@code base} below) or thrown ({@code retSlots} 0). Afterwards sp is
     * {@code base + retSlots}: the argument slots the frame left below are stale (no collection updated them
     * while it ran) and must not be scanned.
     */
    public void popSegment(int base, int retSlots) {
        StackSegment top = segment;
        StackSegment below = top.below;
        System.arraycopy(top.prims, 0, below.prims, base, retSlots);
        System.arraycopy(top.refs, 0, below.refs, base, retSlots);
        segment = below;
        prims = below.prims;
        refs = below.refs;
        sp = base + retSlots;
    }

    /** Stack slots allocated for this thread, all segments (the cached one above the current included). */
    public int stackSlotsAllocated() {
        return slotsAllocated;
    }

    /** Signals a guest throw of {@code exception}; the caller throws what this returns. */
    public GuestException throwGuest(int exception) {
        pendingException = exception;
        return new GuestException();
    }

    /** Protects {@code ref} across allocations; returns its handle index. */
    public int pushHandle(int ref) {
        if (handleTop == handles.length) {
            handles = Arrays.copyOf(handles, handleTop * 2);
        }
        handles[handleTop] = ref;
        return handleTop++;
    }

    public int handle(int index) {
        return handles[index];
    }

    /** Pops handles back to {@code top} (the index the first push of a scope returned). */
    public void popHandles(int top) {
        Arrays.fill(handles, top, handleTop, 0);
        handleTop = top;
    }

    // Host code calling guest code pushes arguments above sp, then calls Interpreter.invoke.

    public void pushRef(int ref) {
        refs[sp++] = ref;
    }

    public void pushInt(int v) {
        refs[sp] = 0;
        prims[sp++] = v;
    }

    public void pushLong(long v) {
        refs[sp] = 0;
        refs[sp + 1] = 0;
        prims[sp] = v;
        sp += 2;
    }

    public int popRef() {
        int r = refs[--sp];
        refs[sp] = 0;
        return r;
    }

    public int popInt() {
        return (int) prims[--sp];
    }

    public long popLong() {
        sp -= 2;
        return prims[sp];
    }
}
