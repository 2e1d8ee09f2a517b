package dev.uffdgc.toyvm.thread;

import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.heap.Mutator;
import dev.uffdgc.toyvm.interp.GuestException;
import java.util.Arrays;

/**
 * One guest thread's execution state. Frames live in two parallel stacks indexed alike: {@link #prims} holds
 * primitives as raw bits, {@link #refs} holds references (heap offsets). A slot is read from the stack its
 * bytecode type says; a callee's locals overlap its caller's argument slots. Every slot of {@code refs} below
 * {@link #sp} holds 0 or a valid reference (frames zero their ref slots on entry), so the collector scans
 * {@code refs[0, sp)} as precise roots without stack maps.
 */
public final class VmThread extends Mutator {
    public static final int DEFAULT_STACK_SLOTS = 1 << 20;
    public static final int DEFAULT_MAX_DEPTH = 6000;
    /** Extra frames and slots for constructing a StackOverflowError at the limit. */
    public static final int STACK_OVERFLOW_HEADROOM = 256;

    public volatile String name;
    public final long[] prims;
    public final int[] refs;
    /** Top of the top frame's operand stack; valid whenever this thread may allocate or is stopped. */
    public int sp;
    public int depth;
    public final int maxDepth;
    /** Frames allowed right now: maxDepth, raised briefly while a StackOverflowError is being built. */
    public int depthLimit;
    public final VmMethod[] frameMethods;
    /** The current pc of each frame, stored before calls and anything that can throw or allocate. */
    public final int[] framePcs;
    /** The guest exception being thrown, or 0. A root. */
    public int pendingException;
    /** Handles: guest references held by host code across allocations. Roots. */
    public int[] handles = new int[64];
    public int handleTop;
    /** Set while an OutOfMemoryError is being built, so a nested failure uses the preallocated one. */
    public boolean raisingOutOfMemory;
    /** Nesting of VM-raised exceptions under construction (a guard against a broken library). */
    public int raising;

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
        this.prims = new long[stackSlots];
        this.refs = new int[stackSlots];
        this.maxDepth = maxDepth;
        this.depthLimit = maxDepth;
        this.frameMethods = new VmMethod[maxDepth + STACK_OVERFLOW_HEADROOM + 2];
        this.framePcs = new int[maxDepth + STACK_OVERFLOW_HEADROOM + 2];
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
