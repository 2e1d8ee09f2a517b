package dev.uffdgc.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Heap access that is safe to block in a userfault: 8 bytes through libc memcpy, a non-critical downcall, so
 * the thread is in native state while the kernel holds it (DESIGN.md: a thread blocked in Java state would
 * deadlock the next safepoint). Tests touch registered, unresolved pages only through this.
 */
final class NativeAccess {
    private NativeAccess() {
    }

    private static final ThreadLocal<MemorySegment> BUFFER = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(8, 8));

    static long readLong(long address) {
        MemorySegment buf = BUFFER.get();
        memcpy(buf, MemorySegment.ofAddress(address).reinterpret(8));
        return buf.get(ValueLayout.JAVA_LONG, 0);
    }

    static void writeLong(long address, long value) {
        MemorySegment buf = BUFFER.get();
        buf.set(ValueLayout.JAVA_LONG, 0, value);
        memcpy(MemorySegment.ofAddress(address).reinterpret(8), buf);
    }

    private static void memcpy(MemorySegment dst, MemorySegment src) {
        try {
            MemorySegment ignored = (MemorySegment) Libc.Memcpy.HANDLE.invokeExact(dst, src, 8L);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
