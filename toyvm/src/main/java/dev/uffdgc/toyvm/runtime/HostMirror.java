package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.LinkageException;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.interp.Intrinsic;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.WrongMethodTypeException;
import java.util.Set;

/**
 * Natives of the guest library that have a host twin with the same name and descriptor (Math.sin,
 * Integer.toHexString, Character.isDigit, Double.parseDouble, String.toUpperCase...), and the JDK's Arrays.sort(int[])
 * and its kin ({@link #twin}), run
 * the host's method: same algorithm, same result. Arguments and results convert between guest and host for
 * primitives, String, String[] and primitive arrays (the elements the call changed are copied back, so in-place
 * sorts work and concurrent guest writes to the others survive); a
 * host exception becomes a guest exception of the same class and message.
 */
final class HostMirror {
    private static final Set<String> MIRRORED = Set.of("java/lang/Math", "java/lang/StrictMath", "java/lang/Integer",
            "java/lang/Long", "java/lang/Double", "java/lang/Float", "java/lang/Character", "java/lang/String");
    /**
     * Methods of the JDK's own java.util.Arrays (the guest runs it: it is not replaced) that run as their host
     * twin, as HotSpot intrinsifies them (vectorizedMismatch, the sort intrinsics): the primitive-array sorts,
     * searches and comparisons. A program sorting 200,000 ints 10 times took 2.2-3.6 s of CPU with the JDK's
     * DualPivotQuicksort interpreted, 1.0-1.2 s with the twin (whole processes, C1-only host, load ~8).
     */
    private static final Set<String> ARRAYS_TWINS = Set.of("sort", "parallelSort", "binarySearch", "equals",
            "compare", "compareUnsigned", "mismatch");

    private HostMirror() {
    }

    /**
     * A host-twin intrinsic for {@code m}, a non-native method, when it is one of {@link #ARRAYS_TWINS} over
     * primitive values and primitive arrays only (boolean arrays excepted: the heap layout of their elements is
     * toyvm's byte, and they are rare), else null: the guest runs the JDK's bytecode.
     */
    static Intrinsic twin(Vm vm, VmMethod m) {
        if (!m.owner.name.equals("java/util/Arrays") || !m.isStatic() || !ARRAYS_TWINS.contains(m.name)) {
            return null;
        }
        MethodTypeDesc type = MethodTypeDesc.ofDescriptor(m.descriptor);
        if (!type.returnType().isPrimitive()) {
            return null;
        }
        for (ClassDesc p : type.parameterList()) {
            ClassDesc elem = p.isArray() ? p.componentType() : p;
            if (!elem.isPrimitive() || (p.isArray() && elem.descriptorString().equals("Z"))) {
                return null;
            }
        }
        return mirror(vm, m);
    }

    /**
     * A host-twin intrinsic for {@code m}, or null when its class is not mirrored. The host method is looked
     * up on the first call (method handles are costly to make, and most natives are never called); if there
     * is none, that call raises UnsatisfiedLinkError naming the method.
     */
    static Intrinsic bind(Vm vm, VmMethod m) {
        if (!MIRRORED.contains(m.owner.name)) {
            return null;
        }
        return mirror(vm, m);
    }

    private static Intrinsic mirror(Vm vm, VmMethod m) {
        return new Intrinsic() {
            private MethodHandle target;
            private Class<?>[] params;
            private Class<?> ret;

            @Override
            public void invoke(VmThread t, int base) {
                if (target == null) {
                    MethodHandle mh = lookup(m);
                    if (mh == null) {
                        throw vm.throwing.raise(t, "java/lang/UnsatisfiedLinkError", "toyvm: unsupported native method "
                                + m.owner.binaryName() + "." + m.name + m.descriptor);
                    }
                    params = mh.type().parameterArray();
                    ret = mh.type().returnType();
                    target = mh.asSpreader(Object[].class, params.length);
                }
                call(vm, t, base, target, params, ret);
            }
        };
    }

    private static MethodHandle lookup(VmMethod m) {
        try {
            Class<?> owner = Class.forName(m.owner.binaryName());
            MethodType type = MethodType.fromMethodDescriptorString(m.descriptor, null);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            return m.isStatic() ? lookup.findStatic(owner, m.name, type) : lookup.findVirtual(owner, m.name, type);
        } catch (ReflectiveOperationException | IllegalArgumentException | TypeNotPresentException e) {
            return null;
        }
    }

    private static void call(Vm vm, VmThread t, int base, MethodHandle target, Class<?>[] params, Class<?> ret) {
        Object[] args = new Object[params.length];
        int slot = base;
        for (int i = 0; i < params.length; i++) {
            args[i] = toHost(vm, t, slot, params[i]);
            slot += params[i] == long.class || params[i] == double.class ? 2 : 1;
        }
        // What each array argument held before the call: only elements the native changed are written back, so
        // a concurrent guest write to an element the native did not write (one it only read, or one outside the
        // range it sorts) is not overwritten with the stale value copied in before the call.
        Object[] before = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            if (args[i] != null && params[i].isArray()) {
                before[i] = copyOf(args[i]);
            }
        }
        Object result;
        try {
            result = target.invoke(args);
        } catch (WrongMethodTypeException | ClassCastException e) {
            throw new IllegalStateException("toyvm: host twin call failed: " + target, e);
        } catch (RuntimeException e) {
            String name = e.getClass().getName().replace('.', '/');
            try {
                vm.classes.load(name);
            } catch (LinkageException le) {
                name = "java/lang/RuntimeException";
            }
            throw vm.throwing.raise(t, name, e.getMessage());
        } catch (Throwable e) {
            throw new IllegalStateException("toyvm: host twin threw " + e, e);
        }
        slot = base;
        for (int i = 0; i < params.length; i++) {
            copyBack(vm, t, slot, params[i], before[i], args[i]);
            slot += params[i] == long.class || params[i] == double.class ? 2 : 1;
        }
        store(vm, t, base, ret, result);
    }

    private static Object toHost(Vm vm, VmThread t, int slot, Class<?> type) {
        long p = t.prims[slot];
        int r = t.refs[slot];
        if (type == int.class) {
            return (int) p;
        } else if (type == long.class) {
            return p;
        } else if (type == double.class) {
            return Double.longBitsToDouble(p);
        } else if (type == float.class) {
            return Float.intBitsToFloat((int) p);
        } else if (type == char.class) {
            return (char) p;
        } else if (type == boolean.class) {
            return p != 0;
        } else if (type == byte.class) {
            return (byte) p;
        } else if (type == short.class) {
            return (short) p;
        } else if (type == String.class || type == CharSequence.class) {
            return vm.strings.toHost(r);
        } else if (type.isArray() && type.getComponentType().isPrimitive()) {
            if (r == 0) {
                return null;
            }
            return primitiveArray(vm, r, type.getComponentType());
        }
        throw new IllegalStateException("toyvm: no host conversion for " + type);
    }

    private static ValueLayout layout(Class<?> elem) {
        if (elem == int.class) {
            return ValueLayout.JAVA_INT_UNALIGNED;
        } else if (elem == long.class) {
            return ValueLayout.JAVA_LONG_UNALIGNED;
        } else if (elem == double.class) {
            return ValueLayout.JAVA_DOUBLE_UNALIGNED;
        } else if (elem == float.class) {
            return ValueLayout.JAVA_FLOAT_UNALIGNED;
        } else if (elem == char.class) {
            return ValueLayout.JAVA_CHAR_UNALIGNED;
        } else if (elem == short.class) {
            return ValueLayout.JAVA_SHORT_UNALIGNED;
        } else if (elem == byte.class) {
            return ValueLayout.JAVA_BYTE;
        }
        throw new IllegalStateException("toyvm: no host array conversion for " + elem);
    }

    private static Object primitiveArray(Vm vm, int ref, Class<?> elem) {
        int len = vm.mem.getInt(ObjectLayout.offset(ref) + ARRAY_LENGTH_OFFSET);
        ValueLayout l = layout(elem);
        Object host = java.lang.reflect.Array.newInstance(elem, len);
        MemorySegment src = vm.mem.slice(ObjectLayout.offset(ref) + ARRAY_BASE_OFFSET, l.byteSize() * len);
        MemorySegment.copy(src, 0, segmentOf(host), 0, l.byteSize() * len);
        return host;
    }

    private static MemorySegment segmentOf(Object array) {
        return switch (array) {
            case int[] a -> MemorySegment.ofArray(a);
            case long[] a -> MemorySegment.ofArray(a);
            case double[] a -> MemorySegment.ofArray(a);
            case float[] a -> MemorySegment.ofArray(a);
            case char[] a -> MemorySegment.ofArray(a);
            case short[] a -> MemorySegment.ofArray(a);
            case byte[] a -> MemorySegment.ofArray(a);
            default -> throw new IllegalStateException("toyvm: not a primitive array " + array);
        };
    }

    private static Object copyOf(Object array) {
        int len = java.lang.reflect.Array.getLength(array);
        Object copy = java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), len);
        System.arraycopy(array, 0, copy, 0, len);
        return copy;
    }

    /** Writes back the elements of {@code host} that differ from {@code before}, in runs. */
    private static void copyBack(Vm vm, VmThread t, int slot, Class<?> type, Object before, Object host) {
        if (host == null || !type.isArray()) {
            return;
        }
        int ref = t.refs[slot];
        long size = layout(type.getComponentType()).byteSize();
        long bytes = size * java.lang.reflect.Array.getLength(host);
        MemorySegment old = segmentOf(before);
        MemorySegment now = segmentOf(host);
        long off = 0;
        while (off < bytes) {
            long m = MemorySegment.mismatch(old, off, bytes, now, off, bytes); // relative to off
            if (m < 0) {
                return;
            }
            long start = off + m - (off + m) % size;
            long end = start + size;
            while (end < bytes && MemorySegment.mismatch(old, end, end + size, now, end, end + size) >= 0) {
                end += size;
            }
            MemorySegment.copy(now, start, vm.mem.slice(ObjectLayout.offset(ref) + ARRAY_BASE_OFFSET + start, end - start), 0, end - start);
            off = end;
        }
    }

    private static void store(Vm vm, VmThread t, int base, Class<?> ret, Object v) {
        if (ret == void.class) {
            return;
        }
        if (ret == int.class) {
            t.prims[base] = (Integer) v;
        } else if (ret == long.class) {
            t.prims[base] = (Long) v;
        } else if (ret == double.class) {
            t.prims[base] = Double.doubleToRawLongBits((Double) v);
        } else if (ret == float.class) {
            t.prims[base] = Float.floatToRawIntBits((Float) v);
        } else if (ret == char.class) {
            t.prims[base] = (Character) v;
        } else if (ret == boolean.class) {
            t.prims[base] = (Boolean) v ? 1 : 0;
        } else if (ret == byte.class) {
            t.prims[base] = (Byte) v;
        } else if (ret == short.class) {
            t.prims[base] = (Short) v;
        } else if (ret == String.class) {
            t.refs[base] = v == null ? 0 : vm.strings.newString(t, (String) v);
        } else if (ret == String[].class) {
            t.refs[base] = vm.strings.newStringArray(t, (String[]) v);
        } else if (ret == char[].class) {
            t.refs[base] = vm.strings.newCharArray(t, (char[]) v);
        } else {
            throw new IllegalStateException("toyvm: no guest conversion for " + ret);
        }
    }
}
