package dev.uffdgc.toyvm.gc.toolkit;

import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.seam.SlotVisitor;
import dev.uffdgc.toyvm.seam.VmBinding;
import java.util.Arrays;

/**
 * Marking with the world stopped: from the roots, depth-first with an explicit stack (no recursion, so a long
 * list cannot overflow the host stack), into a {@link MarkBitmap}. A {@link Hook} sees every newly marked
 * object: for per-page live bytes, or to take an object out of the trace (marked by flag only, never read).
 */
public final class Tracer {
    /** What a collector adds to marking. */
    public interface Hook {
        /**
         * Called once for each newly marked object, before its header is read. Returning true marks it by flag
         * only: no live granules, not sized, not scanned (it must hold no references).
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
    private long liveBytes;
    private int liveObjects;
    private final SlotVisitor markSlot = this::markSlot;

    public Tracer(VmBinding vm, MarkBitmap bits) {
        this.vm = vm;
        this.mem = vm.heap();
        this.bits = bits;
    }

    /** Clears the bitmap up to top and marks everything reachable from the roots. */
    public void trace(long top, Hook h) {
        bits.clear(top);
        hook = h;
        hooked = h != NO_HOOK;
        liveBytes = 0;
        liveObjects = 0;
        stackTop = 0;
        vm.forEachRoot(ref -> {
            mark(ref);
            return ref;
        });
        while (stackTop > 0) {
            vm.scanObject(stack[--stackTop], markSlot);
        }
    }

    /** Bytes of the traced (not flag-only) objects marked by the last trace. */
    public long liveBytes() {
        return liveBytes;
    }

    public int liveObjects() {
        return liveObjects;
    }

    private void markSlot(long slot) {
        int ref = mem.getInt(slot);
        if (ref != 0) {
            mark(ref);
        }
    }

    private void mark(int ref) {
        if (!bits.markStart(ref) || (hooked && hook.flagOnly(ref))) {
            return;
        }
        long size = vm.objectSize(ref);
        bits.setLive(ref, size);
        if (hooked) {
            hook.live(ref, size);
        }
        liveBytes += size;
        liveObjects++;
        if (stackTop == stack.length) {
            stack = Arrays.copyOf(stack, stackTop * 2);
        }
        stack[stackTop++] = ref;
    }
}
