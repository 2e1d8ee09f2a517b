package dev.uffdgc.toyvm.heap;

import dev.uffdgc.kernel.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The fault-safe heap access mode a collector installs for its compaction window ({@link HeapAccess#setGuard}).
 * Outside a window there is no guard and every access is a plain load or store.
 *
 * <p>Why it exists (DESIGN.md): a host thread that touches a page the kernel holds back (a userfaultfd MISSING
 * page) while in Java state blocks in the kernel, and HotSpot's next safepoint then waits for it forever. A guard
 * makes that impossible in one of two ways, chosen by the collector:
 * <ul>
 * <li>{@link #checked}: before each access, one acquire load of the page's byte in {@code ready}; a page not
 *     ready yet is handed to the collector's {@link Gate}, which returns once the page is mapped (it may build the
 *     page itself or wait for its owner, in Java, where a safepoint can pass). Ready pages are then accessed
 *     directly, so the window costs one array load per access;</li>
 * <li>{@link #nativeTouch}: before each access, one byte of the page is read through a non-critical downcall
 *     (libc memcpy), so a thread that must wait for the page waits in native state, which never holds up a
 *     safepoint; the collector's fault handler resolves the fault. The ready byte is checked after the touch
 *     too, so a page the collector had to fill another way is never read before it is complete.</li>
 * </ul>
 * toyvm does not know who maps pages or how: it only offers these two modes.
 */
public final class PageGuard {
    /** What a mutator calls for a page that is not ready. Returns once the page can be accessed directly. */
    @FunctionalInterface
    public interface Gate {
        void await(int page);
    }

    private static final VarHandle READY = MethodHandles.arrayElementVarHandle(byte[].class);
    private static final ThreadLocal<MemorySegment> SCRATCH = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(8));
    private static final int PAGE_SHIFT = ObjectLayout.PAGE_SHIFT;

    private final byte[] ready;
    private final Gate gate;
    private final long base;

    private PageGuard(byte[] ready, Gate gate, long base) {
        this.ready = ready;
        this.gate = gate;
        this.base = base;
    }

    /** Page-state check per access: {@code ready[page] != 0} means direct access is safe. */
    public static PageGuard checked(byte[] ready, Gate gate) {
        return new PageGuard(ready, gate, 0);
    }

    /** Native-state touch of the heap at {@code heapBase} before every access, then the page-state check. */
    public static PageGuard nativeTouch(long heapBase, byte[] ready, Gate gate) {
        return new PageGuard(ready, gate, heapBase);
    }

    public boolean isNativeTouch() {
        return base != 0;
    }

    /** Makes the page holding heap offset {@code off} safe to access directly. */
    void enter(long off) {
        if (base != 0) {
            touch(base + off);
        }
        int page = (int) (off >>> PAGE_SHIFT);
        if ((byte) READY.getAcquire(ready, page) == 0) {
            gate.await(page);
        }
    }

    /**
     * Same for an access of {@code width} bytes at {@code off}: an unaligned one (Unsafe allows them) may end on
     * the next page, and that page must be safe too, or the access would read it before it is built.
     */
    void enter(long off, int width) {
        enter(off);
        long last = off + width - 1;
        if ((last ^ off) >>> PAGE_SHIFT != 0) {
            enter(last);
        }
    }

    /** Same for every page of [off, off + bytes). */
    void enter(long off, long bytes) {
        if (bytes <= 0) {
            return;
        }
        long last = (off + bytes - 1) >>> PAGE_SHIFT;
        for (long p = off >>> PAGE_SHIFT; p <= last; p++) {
            enter(Math.max(off, p << PAGE_SHIFT));
        }
    }

    private static void touch(long address) {
        try {
            MemorySegment ignored = (MemorySegment) Libc.Memcpy.HANDLE.invokeExact(SCRATCH.get(),
                    MemorySegment.ofAddress(address).reinterpret(1), 1L);
        } catch (Throwable t) {
            throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
        }
    }
}
