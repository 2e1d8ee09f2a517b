package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.thread.VmThread;

/**
 * Value adaptation between call shapes, as MethodHandle.asType does for lambdas: boxing a primitive to its
 * wrapper (through the guest's valueOf, so caches and identity match), unboxing, and primitive widening. Core
 * reflection (runtime/ReflectionNatives) boxes, unboxes and widens through the same methods.
 */
public final class Adapt {
    private Adapt() {
    }

    static boolean isRef(char t) {
        return t == 'L' || t == '[';
    }

    /** Pushes the value in stack slot {@code slot} (of type {@code from}) converted to {@code to}. */
    static void pushFromSlot(Vm vm, VmThread t, int slot, char from, char to) {
        if (isRef(from)) {
            pushRef(vm, t, t.refs[slot], to);
        } else {
            pushPrim(vm, t, t.prims[slot], from, to);
        }
    }

    /** Pushes the field at heap offset {@code addr} (of type {@code from}) converted to {@code to}. */
    static void pushFromField(Vm vm, VmThread t, long addr, char from, char to) {
        if (isRef(from)) {
            pushRef(vm, t, vm.mem.getInt(addr), to);
        } else {
            pushPrim(vm, t, readPrim(vm, addr, from), from, to);
        }
    }

    static void storeField(Vm vm, long addr, char type, VmThread t, int slot) {
        long p = t.prims[slot];
        switch (type) {
            case 'J', 'D' -> vm.mem.putLong(addr, p);
            case 'I', 'F' -> vm.mem.putInt(addr, (int) p);
            case 'B', 'Z' -> vm.mem.putByte(addr, (byte) p);
            case 'C', 'S' -> vm.mem.putShort(addr, (short) p);
            default -> dev.uffdgc.toyvm.heap.Barrier.putRef(vm.mem, addr, t.refs[slot]);
        }
    }

    private static long readPrim(Vm vm, long addr, char type) {
        return switch (type) {
            case 'J', 'D' -> vm.mem.getLong(addr);
            case 'I', 'F' -> vm.mem.getInt(addr);
            case 'B', 'Z' -> vm.mem.getByte(addr);
            case 'C' -> vm.mem.getChar(addr);
            default -> vm.mem.getShort(addr);
        };
    }

    private static void pushRef(Vm vm, VmThread t, int ref, char to) {
        if (isRef(to)) {
            t.pushRef(ref);
            return;
        }
        if (ref == 0) {
            throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
        }
        VmClass box = vm.classOf(ref);
        char from = primOfBox(box.name);
        if (from == 0) {
            throw vm.throwing.raise(t, "java/lang/ClassCastException", "class " + box.binaryName() + " cannot be unboxed");
        }
        pushPrim(vm, t, readPrim(vm, ObjectLayout.offset(ref) + box.findField("value").offset, from), from, to);
    }

    private static void pushPrim(Vm vm, VmThread t, long bits, char from, char to) {
        if (isRef(to)) {
            t.pushRef(box(vm, t, bits, from));
            return;
        }
        long v = widen(bits, from, to);
        if (to == 'J' || to == 'D') {
            t.pushLong(v);
        } else {
            t.pushInt((int) v);
        }
    }

    /** JLS 5.1.2: whether primitive descriptor {@code from} widens to {@code to} (identity included). */
    public static boolean widens(char from, char to) {
        if (from == to) {
            return true;
        }
        return switch (from) {
            case 'B' -> "SIJFD".indexOf(to) >= 0;
            case 'S', 'C' -> "IJFD".indexOf(to) >= 0;
            case 'I' -> "JFD".indexOf(to) >= 0;
            case 'J' -> "FD".indexOf(to) >= 0;
            case 'F' -> to == 'D';
            default -> false;
        };
    }

    public static long widen(long bits, char from, char to) {
        if (from == to) {
            return bits;
        }
        switch (from) {
            case 'J' -> {
                return to == 'F' ? Float.floatToRawIntBits((float) bits) : to == 'D' ? Double.doubleToRawLongBits((double) bits) : bits;
            }
            case 'F' -> {
                return to == 'D' ? Double.doubleToRawLongBits(Float.intBitsToFloat((int) bits)) : bits;
            }
            case 'D' -> {
                return bits;
            }
            default -> {
                int v = (int) bits;
                return switch (to) {
                    case 'J' -> v;
                    case 'F' -> Float.floatToRawIntBits((float) v);
                    case 'D' -> Double.doubleToRawLongBits((double) v);
                    default -> v;
                };
            }
        }
    }

    /** A box for a primitive via the guest's Xxx.valueOf. May collect. */
    public static int box(Vm vm, VmThread t, long bits, char type) {
        String boxClass = switch (type) {
            case 'I' -> "java/lang/Integer";
            case 'J' -> "java/lang/Long";
            case 'D' -> "java/lang/Double";
            case 'F' -> "java/lang/Float";
            case 'Z' -> "java/lang/Boolean";
            case 'C' -> "java/lang/Character";
            case 'B' -> "java/lang/Byte";
            default -> "java/lang/Short";
        };
        VmClass c = vm.classes.load(boxClass);
        vm.init.initialize(t, c);
        VmMethod valueOf = c.methods.get("valueOf(" + type + ")L" + boxClass + ";");
        if (type == 'J' || type == 'D') {
            t.pushLong(bits);
        } else {
            t.pushInt((int) bits);
        }
        vm.interp.call(t, valueOf);
        return t.popRef();
    }

    public static char primOfBox(String name) {
        return switch (name) {
            case "java/lang/Integer" -> 'I';
            case "java/lang/Long" -> 'J';
            case "java/lang/Double" -> 'D';
            case "java/lang/Float" -> 'F';
            case "java/lang/Boolean" -> 'Z';
            case "java/lang/Character" -> 'C';
            case "java/lang/Byte" -> 'B';
            case "java/lang/Short" -> 'S';
            default -> 0;
        };
    }

    /** Converts the callee's result at {@code slot} (type {@code from}) into the caller's result slot {@code base}. */
    static void returnValue(Vm vm, VmThread t, int slot, char from, char to, int base) {
        if (to == 'V') {
            return;
        }
        t.sp = slot + (from == 'J' || from == 'D' ? 2 : from == 'V' ? 0 : 1);
        if (isRef(from)) {
            int ref = t.popRef();
            pushRef(vm, t, ref, to);
        } else {
            long bits = t.prims[slot];
            t.sp = slot;
            pushPrim(vm, t, bits, from, to);
        }
        if (isRef(to)) {
            t.refs[base] = t.refs[slot];
        } else {
            t.prims[base] = t.prims[slot];
        }
    }
}
