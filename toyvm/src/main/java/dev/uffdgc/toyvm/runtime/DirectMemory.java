package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Unsafe's native memory: {@code allocateMemory}/{@code reallocateMemory}/{@code freeMemory}, and the accessors,
 * {@code copyMemory}, {@code setMemory} on a null base (an absolute address). The JDK's direct ByteBuffers, the
 * NIO channels' temporary buffers and sun.nio.fs's NativeBuffers (a path as a C string) are built on these; the
 * file natives hand such addresses to libc as they are.
 *
 * <p>Each block is host native memory from an arena of its own (freeing closes it). Every raw access is checked
 * against the live blocks: a guest address outside them raises {@code InternalError} naming it, where HotSpot
 * would crash or scribble — toyvm's host must survive the guest. Blocks are freed when the guest frees them:
 * explicitly (NativeBuffers, the JDK's temporary-buffer cache) or by a dead direct buffer's
 * jdk.internal.ref.Cleaner, which the Reference Handler runs once a collection has cleared its phantom reference.
 *
 * <p>Registered after {@link UnsafeNatives}: each accessor keeps UnsafeNatives' implementation for a non-null
 * base and gets the raw one for a null base.
 */
final class DirectMemory {
    private static final String U = "jdk/internal/misc/Unsafe";
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    /** Live blocks: address -> its arena (size = the segment's). */
    private final ConcurrentSkipListMap<Long, MemorySegment> blocks = new ConcurrentSkipListMap<>();
    private final Map<Long, Arena> arenas = new java.util.concurrent.ConcurrentHashMap<>();
    private final Vm vm;

    private DirectMemory(Vm vm) {
        this.vm = vm;
    }

    static DirectMemory register(Vm vm, Intrinsics r) {
        DirectMemory d = new DirectMemory(vm);
        r.add(U, "allocateMemory0(J)J", (t, b) -> t.prims[b] = d.allocate(t.prims[b + 1]));
        r.add(U, "reallocateMemory0(JJ)J", (t, b) -> t.prims[b] = d.reallocate(t, t.prims[b + 1], t.prims[b + 3]));
        r.add(U, "freeMemory0(J)V", (t, b) -> d.free(t, t.prims[b + 1]));
        d.accessors(r);
        r.wrap(U, "setMemory0(Ljava/lang/Object;JJB)V", heap -> (t, b) -> {
            if (t.refs[b + 1] != 0) {
                heap.invoke(t, b);
                return;
            }
            d.raw(t, t.prims[b + 2], t.prims[b + 4]).fill((byte) t.prims[b + 6]);
        });
        r.wrap(U, "copyMemory0(Ljava/lang/Object;JLjava/lang/Object;JJ)V", heap -> (t, b) -> {
            if (t.refs[b + 1] != 0 && t.refs[b + 4] != 0) {
                heap.invoke(t, b);
                return;
            }
            long n = t.prims[b + 7];
            MemorySegment.copy(d.segment(t, t.refs[b + 1], t.prims[b + 2], n), 0,
                    d.segment(t, t.refs[b + 4], t.prims[b + 5], n), 0, n);
        });
        r.wrap(U, "copySwapMemory0(Ljava/lang/Object;JLjava/lang/Object;JJJ)V", heap -> (t, b) -> {
            if (t.refs[b + 1] != 0 && t.refs[b + 4] != 0) {
                heap.invoke(t, b);
                return;
            }
            long n = t.prims[b + 7];
            int elem = (int) t.prims[b + 9];
            MemorySegment from = d.segment(t, t.refs[b + 1], t.prims[b + 2], n);
            MemorySegment to = d.segment(t, t.refs[b + 4], t.prims[b + 5], n);
            for (long i = 0; i < n; i += elem) {
                switch (elem) {
                    case 2 -> to.set(JAVA_SHORT_UNALIGNED, i, Short.reverseBytes(from.get(JAVA_SHORT_UNALIGNED, i)));
                    case 4 -> to.set(JAVA_INT_UNALIGNED, i, Integer.reverseBytes(from.get(JAVA_INT_UNALIGNED, i)));
                    default -> to.set(JAVA_LONG_UNALIGNED, i, Long.reverseBytes(from.get(JAVA_LONG_UNALIGNED, i)));
                }
            }
        });
        return d;
    }

    private long allocate(long bytes) {
        Arena a = Arena.ofShared();
        // malloc's guarantee: aligned for every value type.
        MemorySegment s = a.allocate(bytes, 16);
        arenas.put(s.address(), a);
        blocks.put(s.address(), s);
        return s.address();
    }

    private long reallocate(VmThread t, long address, long bytes) {
        if (address == 0) {
            return bytes == 0 ? 0 : allocate(bytes);
        }
        MemorySegment old = block(t, address);
        long to = bytes == 0 ? 0 : allocate(bytes);
        if (to != 0) {
            MemorySegment.copy(old, 0, blocks.get(to), 0, Math.min(bytes, old.byteSize()));
        }
        free(t, address);
        return to;
    }

    private void free(VmThread t, long address) {
        if (address == 0) {
            return;
        }
        block(t, address);
        blocks.remove(address);
        arenas.remove(address).close();
    }

    private MemorySegment block(VmThread t, long address) {
        MemorySegment s = blocks.get(address);
        if (s == null) {
            throw vm.throwing.raise(t, "java/lang/InternalError",
                    "toyvm: free or realloc of 0x" + Long.toHexString(address) + ", not a block of allocateMemory");
        }
        return s;
    }

    /** The bytes [address, address + n) of native memory, all inside one live block. */
    MemorySegment raw(VmThread t, long address, long n) {
        Map.Entry<Long, MemorySegment> e = blocks.floorEntry(address);
        if (e == null || n < 0 || address - e.getKey() + n > e.getValue().byteSize()) {
            throw vm.throwing.raise(t, "java/lang/InternalError", "toyvm: Unsafe access to 0x"
                    + Long.toHexString(address) + " (" + n + " bytes), outside the native memory it allocated");
        }
        return ALL.asSlice(address, n);
    }

    /** The address of a C string: inside a live block, with its NUL inside it too. */
    long cString(VmThread t, long address) {
        Map.Entry<Long, MemorySegment> e = blocks.floorEntry(address);
        if (e != null && address - e.getKey() < e.getValue().byteSize()) {
            MemorySegment rest = e.getValue().asSlice(address - e.getKey());
            for (long i = 0; i < rest.byteSize(); i++) {
                if (rest.get(JAVA_BYTE, i) == 0) {
                    return address;
                }
            }
        }
        throw vm.throwing.raise(t, "java/lang/InternalError", "toyvm: 0x" + Long.toHexString(address)
                + " is not a NUL-terminated string in the native memory it allocated");
    }

    /** Either side of a copy: a heap object's bytes (guard-safe) or native memory. */
    private MemorySegment segment(VmThread t, int base, long offset, long n) {
        return base == 0 ? raw(t, offset, n) : vm.mem.slice(ObjectLayout.offset(base) + offset, n);
    }

    private void accessors(Intrinsics r) {
        for (String v : new String[] {"", "Volatile"}) {
            boolean vol = !v.isEmpty();
            get(r, "getByte" + v + "(Ljava/lang/Object;J)B", 1, vol, (s) -> s.get(JAVA_BYTE, 0));
            get(r, "getBoolean" + v + "(Ljava/lang/Object;J)Z", 1, vol, (s) -> s.get(JAVA_BYTE, 0) & 1);
            get(r, "getShort" + v + "(Ljava/lang/Object;J)S", 2, vol, (s) -> s.get(JAVA_SHORT_UNALIGNED, 0));
            get(r, "getChar" + v + "(Ljava/lang/Object;J)C", 2, vol, (s) -> (char) s.get(JAVA_SHORT_UNALIGNED, 0));
            get(r, "getInt" + v + "(Ljava/lang/Object;J)I", 4, vol, (s) -> s.get(JAVA_INT_UNALIGNED, 0));
            get(r, "getFloat" + v + "(Ljava/lang/Object;J)F", 4, vol, (s) -> s.get(JAVA_INT_UNALIGNED, 0));
            get(r, "getLong" + v + "(Ljava/lang/Object;J)J", 8, vol, (s) -> s.get(JAVA_LONG_UNALIGNED, 0));
            get(r, "getDouble" + v + "(Ljava/lang/Object;J)D", 8, vol, (s) -> s.get(JAVA_LONG_UNALIGNED, 0));
            put(r, "putByte" + v + "(Ljava/lang/Object;JB)V", 1, vol, (s, x) -> s.set(JAVA_BYTE, 0, (byte) x));
            put(r, "putBoolean" + v + "(Ljava/lang/Object;JZ)V", 1, vol, (s, x) -> s.set(JAVA_BYTE, 0, (byte) (x & 1)));
            put(r, "putShort" + v + "(Ljava/lang/Object;JS)V", 2, vol, (s, x) -> s.set(JAVA_SHORT_UNALIGNED, 0, (short) x));
            put(r, "putChar" + v + "(Ljava/lang/Object;JC)V", 2, vol, (s, x) -> s.set(JAVA_SHORT_UNALIGNED, 0, (short) x));
            put(r, "putInt" + v + "(Ljava/lang/Object;JI)V", 4, vol, (s, x) -> s.set(JAVA_INT_UNALIGNED, 0, (int) x));
            put(r, "putFloat" + v + "(Ljava/lang/Object;JF)V", 4, vol, (s, x) -> s.set(JAVA_INT_UNALIGNED, 0, (int) x));
            put(r, "putLong" + v + "(Ljava/lang/Object;JJ)V", 8, vol, (s, x) -> s.set(JAVA_LONG_UNALIGNED, 0, x));
            put(r, "putDouble" + v + "(Ljava/lang/Object;JD)V", 8, vol, (s, x) -> s.set(JAVA_LONG_UNALIGNED, 0, x));
        }
    }

    private interface Get {
        long get(MemorySegment s);
    }

    private interface Put {
        void put(MemorySegment s, long x);
    }

    private void get(Intrinsics r, String name, int size, boolean vol, Get g) {
        raw(r, name, size, vol, (t, b, s) -> t.prims[b] = g.get(s));
    }

    private void put(Intrinsics r, String name, int size, boolean vol, Put p) {
        raw(r, name, size, vol, (t, b, s) -> p.put(s, t.prims[b + 4]));
    }

    private interface Access {
        void run(VmThread t, int b, MemorySegment s);
    }

    /**
     * An accessor whose null-base case reads or writes {@code size} bytes at the address. Volatile raw accesses
     * are plain accesses between full fences: at least as strong as the JDK asks (native memory is never shared
     * with a collector, so no ordering beyond the guest's own is needed).
     */
    private void raw(Intrinsics r, String name, int size, boolean vol, Access a) {
        r.wrap(U, name, heap -> (t, b) -> {
            if (t.refs[b + 1] != 0) {
                heap.invoke(t, b);
                return;
            }
            MemorySegment s = raw(t, t.prims[b + 2], size);
            if (vol) {
                VarHandle.fullFence();
            }
            a.run(t, b, s);
            if (vol) {
                VarHandle.fullFence();
            }
        });
    }
}
