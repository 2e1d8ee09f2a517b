package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.Statics;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmField;
import dev.uffdgc.toyvm.heap.Barrier;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.interp.Intrinsic;
import dev.uffdgc.toyvm.thread.VmThread;

/**
 * jdk.internal.misc.Unsafe on guest objects, which is what java.util.concurrent from jrt:/ (AQS, ReentrantLock,
 * ConcurrentHashMap, AtomicInteger/Long, LockSupport) is built on. An offset is a heap-object offset: a
 * field's offset from {@code objectFieldOffset}, or {@code arrayBaseOffset + index * arrayIndexScale} — so
 * {@code o + offset} is the heap offset to touch. Volatile and CAS go through HeapAccess's ordered accessors;
 * the JDK's acquire/release/opaque variants are Java methods over these. A static field's base is its class's
 * mirror and its offset the field's slot in the VM's static tables tagged with {@link #STATIC_SLOT}: accessors
 * and CAS on such an offset go to the slot (ordered, as volatile getstatic/putstatic). Off-heap memory (a null
 * base) is not supported and fails loudly.
 */
final class UnsafeNatives {
    private static final String U = "jdk/internal/misc/Unsafe";
    /** Tags a static's slot as an Unsafe offset: above every offset inside an object (an array: up to 16 GiB). */
    static final long STATIC_SLOT = 1L << 40;

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
        if (onStatic(t, b)) {
            throw vm.throwing.raise(t, "java/lang/UnsupportedOperationException", "toyvm: this Unsafe method on a static field");
        }
        return ObjectLayout.offset(o) + t.prims[b + 2];
    }

    /** Whether the (base, offset) at b+1 is a static field's (staticFieldBase/staticFieldOffset). */
    private static boolean onStatic(VmThread t, int b) {
        return t.prims[b + 2] >= STATIC_SLOT;
    }

    private static int slot(VmThread t, int b) {
        return (int) t.prims[b + 2];
    }

    /** An accessor with its heap form and its static-slot form, chosen by the offset. */
    private static void add(Intrinsics r, String nameAndDescriptor, Intrinsic heap, Intrinsic statics) {
        r.add(U, nameAndDescriptor, (t, b) -> (onStatic(t, b) ? statics : heap).invoke(t, b));
    }

    /** Static slots hold a value as the operand stack does (putstatic copies it): narrow what Unsafe.put* stores. */
    private static long narrow(char type, long v) {
        return switch (type) {
            case 'I', 'F' -> (int) v;
            case 'B' -> (byte) v;
            case 'Z' -> v & 1;
            case 'S' -> (short) v;
            case 'C' -> (char) v;
            default -> v;
        };
    }

    private static void accessors(Vm vm, Intrinsics r, HeapAccess mem) {
        Statics st = vm.statics;
        for (String v : new String[] {"", "Volatile"}) {
            boolean vol = !v.isEmpty();
            add(r, "getInt" + v + "(Ljava/lang/Object;J)I", (t, b) -> t.prims[b] = vol ? mem.getIntVolatile(at(vm, t, b)) : mem.getInt(at(vm, t, b)), getPrim(st));
            add(r, "getFloat" + v + "(Ljava/lang/Object;J)F", (t, b) -> t.prims[b] = vol ? mem.getIntVolatile(at(vm, t, b)) : mem.getInt(at(vm, t, b)), getPrim(st));
            add(r, "getLong" + v + "(Ljava/lang/Object;J)J", (t, b) -> t.prims[b] = vol ? mem.getLongVolatile(at(vm, t, b)) : mem.getLong(at(vm, t, b)), getPrim(st));
            add(r, "getDouble" + v + "(Ljava/lang/Object;J)D", (t, b) -> t.prims[b] = vol ? mem.getLongVolatile(at(vm, t, b)) : mem.getLong(at(vm, t, b)), getPrim(st));
            add(r, "getReference" + v + "(Ljava/lang/Object;J)Ljava/lang/Object;", (t, b) -> t.refs[b] = vol ? mem.getIntVolatile(at(vm, t, b)) : mem.getInt(at(vm, t, b)),
                    (t, b) -> t.refs[b] = StaticSlots.getRef(st, slot(t, b)));
            add(r, "getByte" + v + "(Ljava/lang/Object;J)B", (t, b) -> t.prims[b] = vol ? mem.getByteVolatile(at(vm, t, b)) : mem.getByte(at(vm, t, b)), getPrim(st));
            add(r, "getBoolean" + v + "(Ljava/lang/Object;J)Z", (t, b) -> t.prims[b] = (vol ? mem.getByteVolatile(at(vm, t, b)) : mem.getByte(at(vm, t, b))) & 1, getPrim(st));
            add(r, "getShort" + v + "(Ljava/lang/Object;J)S", (t, b) -> t.prims[b] = vol ? mem.getShortVolatile(at(vm, t, b)) : mem.getShort(at(vm, t, b)), getPrim(st));
            add(r, "getChar" + v + "(Ljava/lang/Object;J)C", (t, b) -> t.prims[b] = (char) (vol ? mem.getShortVolatile(at(vm, t, b)) : mem.getShort(at(vm, t, b))), getPrim(st));
            add(r, "putInt" + v + "(Ljava/lang/Object;JI)V", (t, b) -> putInt(mem, vol, at(vm, t, b), (int) t.prims[b + 4]), putPrim(st, 'I'));
            add(r, "putFloat" + v + "(Ljava/lang/Object;JF)V", (t, b) -> putInt(mem, vol, at(vm, t, b), (int) t.prims[b + 4]), putPrim(st, 'F'));
            add(r, "putReference" + v + "(Ljava/lang/Object;JLjava/lang/Object;)V", (t, b) -> putRef(mem, vol, at(vm, t, b), t.refs[b + 4]),
                    (t, b) -> StaticSlots.setRef(st, slot(t, b), t.refs[b + 4]));
            add(r, "putLong" + v + "(Ljava/lang/Object;JJ)V", (t, b) -> putLong(mem, vol, at(vm, t, b), t.prims[b + 4]), putPrim(st, 'J'));
            add(r, "putDouble" + v + "(Ljava/lang/Object;JD)V", (t, b) -> putLong(mem, vol, at(vm, t, b), t.prims[b + 4]), putPrim(st, 'D'));
            add(r, "putByte" + v + "(Ljava/lang/Object;JB)V", (t, b) -> putByte(mem, vol, at(vm, t, b), (byte) t.prims[b + 4]), putPrim(st, 'B'));
            add(r, "putBoolean" + v + "(Ljava/lang/Object;JZ)V", (t, b) -> putByte(mem, vol, at(vm, t, b), (byte) (t.prims[b + 4] & 1)), putPrim(st, 'Z'));
            add(r, "putShort" + v + "(Ljava/lang/Object;JS)V", (t, b) -> putShort(mem, vol, at(vm, t, b), (short) t.prims[b + 4]), putPrim(st, 'S'));
            add(r, "putChar" + v + "(Ljava/lang/Object;JC)V", (t, b) -> putShort(mem, vol, at(vm, t, b), (short) t.prims[b + 4]), putPrim(st, 'C'));
        }
    }

    private static Intrinsic getPrim(Statics st) {
        return (t, b) -> t.prims[b] = StaticSlots.getPrim(st, slot(t, b));
    }

    private static Intrinsic putPrim(Statics st, char type) {
        return (t, b) -> StaticSlots.setPrim(st, slot(t, b), narrow(type, t.prims[b + 4]));
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
        Statics st = vm.statics;
        add(r, "compareAndSetInt(Ljava/lang/Object;JII)Z",
                (t, b) -> t.prims[b] = mem.compareAndSetInt(at(vm, t, b), (int) t.prims[b + 4], (int) t.prims[b + 5]) ? 1 : 0,
                (t, b) -> t.prims[b] = StaticSlots.caePrim(st, slot(t, b), (int) t.prims[b + 4], (int) t.prims[b + 5]) == (int) t.prims[b + 4] ? 1 : 0);
        add(r, "compareAndExchangeInt(Ljava/lang/Object;JII)I",
                (t, b) -> t.prims[b] = mem.compareAndExchangeInt(at(vm, t, b), (int) t.prims[b + 4], (int) t.prims[b + 5]),
                (t, b) -> t.prims[b] = StaticSlots.caePrim(st, slot(t, b), (int) t.prims[b + 4], (int) t.prims[b + 5]));
        add(r, "compareAndSetLong(Ljava/lang/Object;JJJ)Z",
                (t, b) -> t.prims[b] = mem.compareAndSetLong(at(vm, t, b), t.prims[b + 4], t.prims[b + 6]) ? 1 : 0,
                (t, b) -> t.prims[b] = StaticSlots.caePrim(st, slot(t, b), t.prims[b + 4], t.prims[b + 6]) == t.prims[b + 4] ? 1 : 0);
        add(r, "compareAndExchangeLong(Ljava/lang/Object;JJJ)J",
                (t, b) -> t.prims[b] = mem.compareAndExchangeLong(at(vm, t, b), t.prims[b + 4], t.prims[b + 6]),
                (t, b) -> t.prims[b] = StaticSlots.caePrim(st, slot(t, b), t.prims[b + 4], t.prims[b + 6]));
        add(r, "compareAndSetReference(Ljava/lang/Object;JLjava/lang/Object;Ljava/lang/Object;)Z",
                (t, b) -> t.prims[b] = Barrier.compareAndSetRef(mem, at(vm, t, b), t.refs[b + 4], t.refs[b + 5]) ? 1 : 0,
                (t, b) -> t.prims[b] = StaticSlots.caeRef(st, slot(t, b), t.refs[b + 4], t.refs[b + 5]) == t.refs[b + 4] ? 1 : 0);
        add(r, "compareAndExchangeReference(Ljava/lang/Object;JLjava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;",
                (t, b) -> t.refs[b] = Barrier.compareAndExchangeRef(mem, at(vm, t, b), t.refs[b + 4], t.refs[b + 5]),
                (t, b) -> t.refs[b] = StaticSlots.caeRef(st, slot(t, b), t.refs[b + 4], t.refs[b + 5]));
        r.add(U, "copyMemory0(Ljava/lang/Object;JLjava/lang/Object;JJ)V", (t, b) -> {
            int src = t.refs[b + 1];
            int dst = t.refs[b + 4];
            if (src == 0 || dst == 0) {
                throw vm.throwing.raise(t, "java/lang/UnsupportedOperationException", "toyvm: Unsafe on off-heap memory");
            }
            mem.copy(ObjectLayout.offset(src) + t.prims[b + 2], ObjectLayout.offset(dst) + t.prims[b + 5], t.prims[b + 7]);
        });
        r.add(U, "copySwapMemory0(Ljava/lang/Object;JLjava/lang/Object;JJJ)V", (t, b) -> {
            // Byte-swapping copy (a big-endian CharBuffer read into a char[]: ICU's data files).
            int src = t.refs[b + 1];
            int dst = t.refs[b + 4];
            if (src == 0 || dst == 0) {
                throw vm.throwing.raise(t, "java/lang/UnsupportedOperationException", "toyvm: Unsafe on off-heap memory");
            }
            long from = ObjectLayout.offset(src) + t.prims[b + 2];
            long to = ObjectLayout.offset(dst) + t.prims[b + 5];
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
