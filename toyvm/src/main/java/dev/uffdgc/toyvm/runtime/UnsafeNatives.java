package dev.uffdgc.toyvm.runtime;

import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmField;
import dev.uffdgc.toyvm.heap.Barrier;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.thread.VmThread;

/**
 * jdk.internal.misc.Unsafe on guest objects, which is what java.util.concurrent from jrt:/ (AQS, ReentrantLock,
 * ConcurrentHashMap, AtomicInteger/Long, LockSupport) is built on. An offset is a heap-object offset: a
 * field's offset from {@code objectFieldOffset}, or {@code arrayBaseOffset + index * arrayIndexScale} — so
 * {@code o + offset} is the heap offset to touch. Volatile and CAS go through HeapAccess's ordered accessors;
 * the JDK's acquire/release/opaque variants are Java methods over these. Off-heap memory (a null base) and
 * static-field offsets are not supported and fail loudly.
 */
final class UnsafeNatives {
    private static final String U = "jdk/internal/misc/Unsafe";

    private UnsafeNatives() {
    }

    static void register(Vm vm, Intrinsics r) {
        HeapAccess mem = vm.mem;
        r.add(U, "registerNatives()V", (t, b) -> { });
        r.add(U, "fullFence()V", (t, b) -> HeapAccess.fullFence());
        r.add(U, "arrayBaseOffset0(Ljava/lang/Class;)I", (t, b) -> t.prims[b] = ARRAY_BASE_OFFSET);
        r.add(U, "arrayIndexScale0(Ljava/lang/Class;)I", (t, b) -> t.prims[b] = vm.mirrors.classOfMirror(t.refs[b + 1]).elemSize);
        r.add(U, "objectFieldOffset1(Ljava/lang/Class;Ljava/lang/String;)J", (t, b) -> {
            VmClass c = vm.mirrors.classOfMirror(t.refs[b + 1]);
            String name = vm.strings.toHost(t.refs[b + 2]);
            VmField f = c.findField(name);
            if (f == null || f.isStatic) {
                throw vm.throwing.raise(t, "java/lang/InternalError", name);
            }
            t.prims[b] = f.offset;
        });
        r.add(U, "shouldBeInitialized0(Ljava/lang/Class;)Z", (t, b) ->
                t.prims[b] = vm.mirrors.classOfMirror(t.refs[b + 1]).initState == VmClass.InitState.INITIALIZED ? 0 : 1);
        r.add(U, "ensureClassInitialized0(Ljava/lang/Class;)V", (t, b) -> vm.init.initialize(t, vm.mirrors.classOfMirror(t.refs[b + 1])));
        r.add(U, "allocateInstance(Ljava/lang/Class;)Ljava/lang/Object;", (t, b) -> {
            VmClass c = vm.mirrors.classOfMirror(t.refs[b + 1]);
            vm.init.initialize(t, c);
            t.refs[b] = vm.alloc.instance(t, c);
        });
        r.add(U, "throwException(Ljava/lang/Throwable;)V", (t, b) -> {
            throw t.throwGuest(t.refs[b + 1]);
        });
        r.add(U, "park(ZJ)V", (t, b) -> vm.threadNatives.park(t, t.prims[b + 1] != 0, t.prims[b + 2]));
        r.add(U, "unpark(Ljava/lang/Object;)V", (t, b) -> vm.threadNatives.unpark(t.refs[b + 1]));
        r.add(U, "getLoadAverage0([DI)I", (t, b) -> t.prims[b] = -1);
        accessors(vm, r, mem);
        atomics(vm, r, mem);
    }

    /** The heap offset {@code o + offset}; a null base would be raw memory, which the toy heap does not have. */
    private static long at(Vm vm, VmThread t, int b) {
        int o = t.refs[b + 1];
        if (o == 0) {
            throw vm.throwing.raise(t, "java/lang/UnsupportedOperationException", "toyvm: Unsafe on off-heap memory");
        }
        return o + t.prims[b + 2];
    }

    private static void accessors(Vm vm, Intrinsics r, HeapAccess mem) {
        for (String v : new String[] {"", "Volatile"}) {
            boolean vol = !v.isEmpty();
            r.add(U, "getInt" + v + "(Ljava/lang/Object;J)I", (t, b) -> t.prims[b] = vol ? mem.getIntVolatile(at(vm, t, b)) : mem.getInt(at(vm, t, b)));
            r.add(U, "getFloat" + v + "(Ljava/lang/Object;J)F", (t, b) -> t.prims[b] = vol ? mem.getIntVolatile(at(vm, t, b)) : mem.getInt(at(vm, t, b)));
            r.add(U, "getLong" + v + "(Ljava/lang/Object;J)J", (t, b) -> t.prims[b] = vol ? mem.getLongVolatile(at(vm, t, b)) : mem.getLong(at(vm, t, b)));
            r.add(U, "getDouble" + v + "(Ljava/lang/Object;J)D", (t, b) -> t.prims[b] = vol ? mem.getLongVolatile(at(vm, t, b)) : mem.getLong(at(vm, t, b)));
            r.add(U, "getReference" + v + "(Ljava/lang/Object;J)Ljava/lang/Object;", (t, b) -> t.refs[b] = vol ? mem.getIntVolatile(at(vm, t, b)) : mem.getInt(at(vm, t, b)));
            r.add(U, "getByte" + v + "(Ljava/lang/Object;J)B", (t, b) -> t.prims[b] = vol ? mem.getByteVolatile(at(vm, t, b)) : mem.getByte(at(vm, t, b)));
            r.add(U, "getBoolean" + v + "(Ljava/lang/Object;J)Z", (t, b) -> t.prims[b] = (vol ? mem.getByteVolatile(at(vm, t, b)) : mem.getByte(at(vm, t, b))) & 1);
            r.add(U, "getShort" + v + "(Ljava/lang/Object;J)S", (t, b) -> t.prims[b] = vol ? mem.getShortVolatile(at(vm, t, b)) : mem.getShort(at(vm, t, b)));
            r.add(U, "getChar" + v + "(Ljava/lang/Object;J)C", (t, b) -> t.prims[b] = (char) (vol ? mem.getShortVolatile(at(vm, t, b)) : mem.getShort(at(vm, t, b))));
            r.add(U, "putInt" + v + "(Ljava/lang/Object;JI)V", (t, b) -> putInt(mem, vol, at(vm, t, b), (int) t.prims[b + 4]));
            r.add(U, "putFloat" + v + "(Ljava/lang/Object;JF)V", (t, b) -> putInt(mem, vol, at(vm, t, b), (int) t.prims[b + 4]));
            r.add(U, "putReference" + v + "(Ljava/lang/Object;JLjava/lang/Object;)V", (t, b) -> putRef(mem, vol, at(vm, t, b), t.refs[b + 4]));
            r.add(U, "putLong" + v + "(Ljava/lang/Object;JJ)V", (t, b) -> putLong(mem, vol, at(vm, t, b), t.prims[b + 4]));
            r.add(U, "putDouble" + v + "(Ljava/lang/Object;JD)V", (t, b) -> putLong(mem, vol, at(vm, t, b), t.prims[b + 4]));
            r.add(U, "putByte" + v + "(Ljava/lang/Object;JB)V", (t, b) -> putByte(mem, vol, at(vm, t, b), (byte) t.prims[b + 4]));
            r.add(U, "putBoolean" + v + "(Ljava/lang/Object;JZ)V", (t, b) -> putByte(mem, vol, at(vm, t, b), (byte) (t.prims[b + 4] & 1)));
            r.add(U, "putShort" + v + "(Ljava/lang/Object;JS)V", (t, b) -> putShort(mem, vol, at(vm, t, b), (short) t.prims[b + 4]));
            r.add(U, "putChar" + v + "(Ljava/lang/Object;JC)V", (t, b) -> putShort(mem, vol, at(vm, t, b), (short) t.prims[b + 4]));
        }
    }

    private static void putInt(HeapAccess mem, boolean vol, long at, int v) {
        if (vol) {
            mem.putIntVolatile(at, v);
        } else {
            mem.putInt(at, v);
        }
    }

    private static void putRef(HeapAccess mem, boolean vol, long at, int ref) {
        if (vol) {
            Barrier.putRefVolatile(mem, at, ref);
        } else {
            Barrier.putRef(mem, at, ref);
        }
    }

    private static void putLong(HeapAccess mem, boolean vol, long at, long v) {
        if (vol) {
            mem.putLongVolatile(at, v);
        } else {
            mem.putLong(at, v);
        }
    }

    private static void putByte(HeapAccess mem, boolean vol, long at, byte v) {
        if (vol) {
            mem.putByteVolatile(at, v);
        } else {
            mem.putByte(at, v);
        }
    }

    private static void putShort(HeapAccess mem, boolean vol, long at, short v) {
        if (vol) {
            mem.putShortVolatile(at, v);
        } else {
            mem.putShort(at, v);
        }
    }

    private static void atomics(Vm vm, Intrinsics r, HeapAccess mem) {
        r.add(U, "compareAndSetInt(Ljava/lang/Object;JII)Z",
                (t, b) -> t.prims[b] = mem.compareAndSetInt(at(vm, t, b), (int) t.prims[b + 4], (int) t.prims[b + 5]) ? 1 : 0);
        r.add(U, "compareAndExchangeInt(Ljava/lang/Object;JII)I",
                (t, b) -> t.prims[b] = mem.compareAndExchangeInt(at(vm, t, b), (int) t.prims[b + 4], (int) t.prims[b + 5]));
        r.add(U, "compareAndSetLong(Ljava/lang/Object;JJJ)Z",
                (t, b) -> t.prims[b] = mem.compareAndSetLong(at(vm, t, b), t.prims[b + 4], t.prims[b + 6]) ? 1 : 0);
        r.add(U, "compareAndExchangeLong(Ljava/lang/Object;JJJ)J",
                (t, b) -> t.prims[b] = mem.compareAndExchangeLong(at(vm, t, b), t.prims[b + 4], t.prims[b + 6]));
        r.add(U, "compareAndSetReference(Ljava/lang/Object;JLjava/lang/Object;Ljava/lang/Object;)Z",
                (t, b) -> t.prims[b] = Barrier.compareAndSetRef(mem, at(vm, t, b), t.refs[b + 4], t.refs[b + 5]) ? 1 : 0);
        r.add(U, "compareAndExchangeReference(Ljava/lang/Object;JLjava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;",
                (t, b) -> t.refs[b] = Barrier.compareAndExchangeRef(mem, at(vm, t, b), t.refs[b + 4], t.refs[b + 5]));
        r.add(U, "copyMemory0(Ljava/lang/Object;JLjava/lang/Object;JJ)V", (t, b) -> {
            int src = t.refs[b + 1];
            int dst = t.refs[b + 4];
            if (src == 0 || dst == 0) {
                throw vm.throwing.raise(t, "java/lang/UnsupportedOperationException", "toyvm: Unsafe on off-heap memory");
            }
            mem.copy(src + t.prims[b + 2], dst + t.prims[b + 5], t.prims[b + 7]);
        });
        r.add(U, "copySwapMemory0(Ljava/lang/Object;JLjava/lang/Object;JJJ)V", (t, b) -> {
            // Byte-swapping copy (a big-endian CharBuffer read into a char[]: ICU's data files).
            int src = t.refs[b + 1];
            int dst = t.refs[b + 4];
            if (src == 0 || dst == 0) {
                throw vm.throwing.raise(t, "java/lang/UnsupportedOperationException", "toyvm: Unsafe on off-heap memory");
            }
            long from = src + t.prims[b + 2];
            long to = dst + t.prims[b + 5];
            long bytes = t.prims[b + 7];
            int elem = (int) t.prims[b + 9];
            for (long i = 0; i < bytes; i += elem) {
                switch (elem) {
                    case 2 -> mem.putShort(to + i, Short.reverseBytes(mem.getShort(from + i)));
                    case 4 -> mem.putInt(to + i, Integer.reverseBytes(mem.getInt(from + i)));
                    default -> mem.putLong(to + i, Long.reverseBytes(mem.getLong(from + i)));
                }
            }
        });
        r.add(U, "setMemory0(Ljava/lang/Object;JJB)V", (t, b) -> mem.fill(at(vm, t, b), t.prims[b + 4], (byte) t.prims[b + 6]));
    }
}
