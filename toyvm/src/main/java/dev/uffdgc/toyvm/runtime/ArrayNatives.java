package dev.uffdgc.toyvm.runtime;

import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.heap.Barrier;
import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.interp.Adapt;
import dev.uffdgc.toyvm.thread.VmThread;

/**
 * java.lang.reflect.Array's element access (get/set and the typed getInt/setInt...), as HotSpot's
 * Reflection::array_get/array_set answer them: boxing, unboxing and widening as for fields, with the JDK's
 * exceptions and messages (NullPointerException, "Argument is not an array", "Argument is not an array of
 * primitive type", "argument type mismatch", "array element type mismatch", a bare ArrayIndexOutOfBoundsException).
 * picocli reads its options' annotation arrays this way. newArray and getLength are in CoreNatives.
 */
final class ArrayNatives {
    private static final String ARRAY = "java/lang/reflect/Array";
    private static final String PRIMS = "IJDFZCBS";

    private final Vm vm;

    private ArrayNatives(Vm vm) {
        this.vm = vm;
    }

    static void register(Vm vm, Intrinsics r) {
        ArrayNatives n = new ArrayNatives(vm);
        r.add(ARRAY, "get(Ljava/lang/Object;I)Ljava/lang/Object;", n::get);
        r.add(ARRAY, "set(Ljava/lang/Object;ILjava/lang/Object;)V", n::set);
        for (char p : PRIMS.toCharArray()) {
            String prim = CoreNatives.primitiveName(p);
            String name = Character.toUpperCase(prim.charAt(0)) + prim.substring(1);
            r.add(ARRAY, "get" + name + "(Ljava/lang/Object;I)" + p, (t, b) -> {
                VmClass c = n.primitiveArray(t, b);
                if (!Adapt.widens(c.elemType, p)) {
                    throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "argument type mismatch");
                }
                t.prims[b] = Adapt.widen(load(vm, n.element(t, b, c), c.elemType), c.elemType, p);
                t.refs[b] = 0;
            });
            r.add(ARRAY, "set" + name + "(Ljava/lang/Object;I" + p + ")V", (t, b) -> {
                VmClass c = n.primitiveArray(t, b);
                if (!Adapt.widens(p, c.elemType)) {
                    throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "argument type mismatch");
                }
                store(vm, n.element(t, b, c), c.elemType, Adapt.widen(t.prims[b + 2], p, c.elemType));
            });
        }
    }

    /** A primitive value of descriptor type {@code type} at addr, as raw bits (float: int bits). */
    static long load(Vm vm, long addr, char type) {
        return switch (type) {
            case 'J', 'D' -> vm.mem.getLong(addr);
            case 'I', 'F' -> vm.mem.getInt(addr);
            case 'B', 'Z' -> vm.mem.getByte(addr);
            case 'C' -> vm.mem.getChar(addr);
            default -> vm.mem.getShort(addr);
        };
    }

    /** Stores raw bits as a primitive of descriptor type {@code type} at addr. */
    static void store(Vm vm, long addr, char type, long bits) {
        switch (type) {
            case 'J', 'D' -> vm.mem.putLong(addr, bits);
            case 'I', 'F' -> vm.mem.putInt(addr, (int) bits);
            case 'B', 'Z' -> vm.mem.putByte(addr, (byte) bits);
            default -> vm.mem.putShort(addr, (short) bits);
        }
    }

    private void get(VmThread t, int b) {
        VmClass c = array(t, b);
        long addr = element(t, b, c);
        if (c.isReferenceArray()) {
            t.refs[b] = vm.mem.getInt(addr);
            return;
        }
        long bits = load(vm, addr, c.elemType);
        t.sp = b + 2;
        t.refs[b] = Adapt.box(vm, t, bits, c.elemType);
    }

    private void set(VmThread t, int b) {
        VmClass c = array(t, b);
        element(t, b, c); // the index check comes before the value's: HotSpot's order
        int value = t.refs[b + 2];
        if (c.isReferenceArray()) {
            if (value != 0 && !vm.classOf(value).isAssignableTo(c.component)) {
                throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "array element type mismatch");
            }
            Barrier.putRef(vm.mem, element(t, b, c), value);
            return;
        }
        long bits = ReflectionNatives.unbox(vm, t, value, c.elemType);
        store(vm, element(t, b, c), c.elemType, bits);
    }

    /** The array argument's class, after the null and is-an-array checks. */
    private VmClass array(VmThread t, int b) {
        int a = t.refs[b];
        if (a == 0) {
            throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
        }
        VmClass c = vm.classOf(a);
        if (!c.isArray()) {
            throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "Argument is not an array");
        }
        return c;
    }

    private VmClass primitiveArray(VmThread t, int b) {
        VmClass c = array(t, b);
        if (c.isReferenceArray()) {
            throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "Argument is not an array of primitive type");
        }
        return c;
    }

    /** The address of element prims[b + 1] of array refs[b], after the bounds check. */
    private long element(VmThread t, int b, VmClass c) {
        int index = (int) t.prims[b + 1];
        long a = ObjectLayout.offset(t.refs[b]);
        if (index < 0 || index >= vm.mem.getInt(a + ARRAY_LENGTH_OFFSET)) {
            throw vm.throwing.raise(t, "java/lang/ArrayIndexOutOfBoundsException", null);
        }
        return a + ARRAY_BASE_OFFSET + (long) index * (c.isReferenceArray() ? 4 : c.elemSize);
    }
}
