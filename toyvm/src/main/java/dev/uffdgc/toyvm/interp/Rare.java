package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.LinkageException;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.thread.GuestException;
import dev.uffdgc.toyvm.thread.VmThread;

/** The interpreter's out-of-line instructions and slow paths (kept out of the dispatch loop to keep it small). */
public final class Rare {
    private final Vm vm;
    private final SyncOps sync;

    Rare(Vm vm, Interpreter interp) {
        this.vm = vm;
        this.sync = new SyncOps(vm, interp);
    }

    void invokeSynchronized(VmThread t, VmMethod m, int base) {
        sync.invokeSynchronized(t, m, base);
    }

    int monitorOrVolatile(VmThread t, Code c, int pc, int sp) {
        return sync.execute(t, c, pc, sp);
    }

    Code prepare(VmThread t, VmMethod m) {
        if (m.isAbstract()) {
            throw vm.throwing.raise(t, "java/lang/AbstractMethodError", m.owner.binaryName() + "." + m.name + m.descriptor);
        }
        try {
            // java.lang.classfile models parse lazily and are not thread-safe (two threads decoding one method
            // at once made CodeImpl.exceptionHandlers throw UnsupportedOperationException, seen in
            // ParallelBinaryTrees): decode under one lock. Pure host code, no poll or allocation inside, and each
            // method is decoded once, so the lock is short and rare.
            synchronized (VmClass.MODEL_LOCK) {
                if (m.code == null) {
                    m.code = Decoder.decode(m);
                }
            }
        } catch (LinkageException e) {
            throw vm.throwing.raise(t, e.guestClass, e.getMessage());
        }
        return m.code;
    }

    GuestException stackOverflow(VmThread t) {
        return vm.throwing.stackOverflow(t);
    }

    GuestException nullPointer(VmThread t) {
        return vm.throwing.failedNullCheck(t);
    }

    GuestException divideByZero(VmThread t) {
        return vm.throwing.raise(t, "java/lang/ArithmeticException", "/ by zero");
    }

    GuestException indexOutOfBounds(VmThread t, int index, int length) {
        return vm.throwing.raise(t, "java/lang/ArrayIndexOutOfBoundsException",
                "Index " + index + " out of bounds for length " + length);
    }

    GuestException classCast(VmThread t, VmClass from, VmClass to) {
        return vm.throwing.raise(t, "java/lang/ClassCastException", CastMessage.of(from, to));
    }

    void aastore(VmThread t, int array, int index, int value) {
        if (array == 0) {
            throw nullPointer(t);
        }
        int length = vm.mem.getInt(ObjectLayout.offset(array) + ARRAY_LENGTH_OFFSET);
        if (Integer.compareUnsigned(index, length) >= 0) {
            throw indexOutOfBounds(t, index, length);
        }
        if (value != 0) {
            VmClass[] table = vm.classes.table();
            VmClass elem = table[vm.mem.getInt(ObjectLayout.offset(array))].component;
            VmClass vc = table[vm.mem.getInt(ObjectLayout.offset(value))];
            if (vc != elem && !vc.isAssignableTo(elem)) {
                throw vm.throwing.raise(t, "java/lang/ArrayStoreException", vc.binaryName());
            }
        }
        dev.uffdgc.toyvm.heap.Barrier.putRef(vm.mem, ObjectLayout.offset(array) + ARRAY_BASE_OFFSET + 4L * index, value);
    }

    /** dup_x1, dup_x2, dup2_x1, dup2_x2 and swap, on both stacks at once. */
    static int stackOp(int op, long[] p, int[] r, int sp) {
        switch (op) {
            case Op.DUP_X1 -> {
                move(p, r, sp - 1, sp);
                move(p, r, sp - 2, sp - 1);
                move(p, r, sp, sp - 2);
                return sp + 1;
            }
            case Op.DUP_X2 -> {
                move(p, r, sp - 1, sp);
                move(p, r, sp - 2, sp - 1);
                move(p, r, sp - 3, sp - 2);
                move(p, r, sp, sp - 3);
                return sp + 1;
            }
            case Op.DUP2_X1 -> {
                move(p, r, sp - 1, sp + 1);
                move(p, r, sp - 2, sp);
                move(p, r, sp - 3, sp - 1);
                move(p, r, sp, sp - 3);
                move(p, r, sp + 1, sp - 2);
                return sp + 2;
            }
            case Op.DUP2_X2 -> {
                move(p, r, sp - 1, sp + 1);
                move(p, r, sp - 2, sp);
                move(p, r, sp - 3, sp - 1);
                move(p, r, sp - 4, sp - 2);
                move(p, r, sp, sp - 4);
                move(p, r, sp + 1, sp - 3);
                return sp + 2;
            }
            case Op.SWAP -> {
                move(p, r, sp - 1, sp);
                move(p, r, sp - 2, sp - 1);
                move(p, r, sp, sp - 2);
                return sp;
            }
            default -> throw new IllegalStateException("not a stack op " + op);
        }
    }

    private static void move(long[] p, int[] r, int from, int to) {
        p[to] = p[from];
        r[to] = r[from];
    }

    private static float f(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    private static long f(float v) {
        return Float.floatToRawIntBits(v);
    }

    private static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static long d(double v) {
        return Double.doubleToRawLongBits(v);
    }

    /** The less common arithmetic, comparisons and conversions; returns the new sp. */
    int arithmetic(VmThread t, int op, long[] p, int[] r, int sp) {
        switch (op) {
            case Op.LDIV, Op.LREM -> {
                long b = p[sp - 2];
                if (b == 0) {
                    throw divideByZero(t);
                }
                p[sp - 4] = op == Op.LDIV ? p[sp - 4] / b : p[sp - 4] % b;
                return sp - 2;
            }
            case Op.IDIV, Op.IREM -> {
                int b = (int) p[sp - 1];
                if (b == 0) {
                    throw divideByZero(t);
                }
                int a = (int) p[sp - 2];
                p[sp - 2] = op == Op.IDIV ? a / b : a % b;
                return sp - 1;
            }
            case Op.INEG -> p[sp - 1] = -(int) p[sp - 1];
            case Op.ISHL -> { p[sp - 2] = (int) p[sp - 2] << (int) p[sp - 1]; return sp - 1; }
            case Op.ISHR -> { p[sp - 2] = (int) p[sp - 2] >> (int) p[sp - 1]; return sp - 1; }
            case Op.IUSHR -> { p[sp - 2] = (int) p[sp - 2] >>> (int) p[sp - 1]; return sp - 1; }
            case Op.IXOR -> { p[sp - 2] = (int) p[sp - 2] ^ (int) p[sp - 1]; return sp - 1; }
            case Op.LSUB -> { p[sp - 4] -= p[sp - 2]; return sp - 2; }
            case Op.LNEG -> p[sp - 2] = -p[sp - 2];
            case Op.LSHL -> { p[sp - 3] = p[sp - 3] << (int) p[sp - 1]; return sp - 1; }
            case Op.LSHR -> { p[sp - 3] = p[sp - 3] >> (int) p[sp - 1]; return sp - 1; }
            case Op.LUSHR -> { p[sp - 3] = p[sp - 3] >>> (int) p[sp - 1]; return sp - 1; }
            case Op.LAND -> { p[sp - 4] &= p[sp - 2]; return sp - 2; }
            case Op.LOR -> { p[sp - 4] |= p[sp - 2]; return sp - 2; }
            case Op.LXOR -> { p[sp - 4] ^= p[sp - 2]; return sp - 2; }
            case Op.LCMP -> { p[sp - 4] = Long.compare(p[sp - 4], p[sp - 2]); r[sp - 4] = 0; return sp - 3; }
            case Op.FADD -> { p[sp - 2] = f(f(p[sp - 2]) + f(p[sp - 1])); return sp - 1; }
            case Op.FSUB -> { p[sp - 2] = f(f(p[sp - 2]) - f(p[sp - 1])); return sp - 1; }
            case Op.FMUL -> { p[sp - 2] = f(f(p[sp - 2]) * f(p[sp - 1])); return sp - 1; }
            case Op.FDIV -> { p[sp - 2] = f(f(p[sp - 2]) / f(p[sp - 1])); return sp - 1; }
            case Op.FREM -> { p[sp - 2] = f(f(p[sp - 2]) % f(p[sp - 1])); return sp - 1; }
            case Op.FNEG -> p[sp - 1] = f(-f(p[sp - 1]));
            case Op.DREM -> { p[sp - 4] = d(d(p[sp - 4]) % d(p[sp - 2])); return sp - 2; }
            case Op.DNEG -> p[sp - 2] = d(-d(p[sp - 2]));
            case Op.I2L -> { r[sp] = 0; return sp + 1; }
            case Op.I2F -> p[sp - 1] = f((float) (int) p[sp - 1]);
            case Op.I2D -> { p[sp - 1] = d((double) (int) p[sp - 1]); r[sp] = 0; return sp + 1; }
            case Op.L2I -> { p[sp - 2] = (int) p[sp - 2]; return sp - 1; }
            case Op.L2F -> { p[sp - 2] = f((float) p[sp - 2]); return sp - 1; }
            case Op.L2D -> p[sp - 2] = d((double) p[sp - 2]);
            case Op.F2I -> p[sp - 1] = (int) f(p[sp - 1]);
            case Op.F2L -> { p[sp - 1] = (long) f(p[sp - 1]); r[sp] = 0; return sp + 1; }
            case Op.F2D -> { p[sp - 1] = d((double) f(p[sp - 1])); r[sp] = 0; return sp + 1; }
            case Op.D2I -> { p[sp - 2] = (int) d(p[sp - 2]); return sp - 1; }
            case Op.D2L -> p[sp - 2] = (long) d(p[sp - 2]);
            case Op.D2F -> { p[sp - 2] = f((float) d(p[sp - 2])); return sp - 1; }
            case Op.I2B -> p[sp - 1] = (byte) p[sp - 1];
            case Op.I2C -> p[sp - 1] = (char) p[sp - 1];
            case Op.I2S -> p[sp - 1] = (short) p[sp - 1];
            case Op.FCMPL, Op.FCMPG -> {
                float b = f(p[sp - 1]);
                float a = f(p[sp - 2]);
                p[sp - 2] = a > b ? 1 : a == b ? 0 : a < b ? -1 : op == Op.FCMPG ? 1 : -1;
                return sp - 1;
            }
            case Op.DCMPL, Op.DCMPG -> {
                double b = d(p[sp - 2]);
                double a = d(p[sp - 4]);
                p[sp - 4] = a > b ? 1 : a == b ? 0 : a < b ? -1 : op == Op.DCMPG ? 1 : -1;
                r[sp - 4] = 0;
                return sp - 3;
            }
            default -> throw new IllegalStateException("not an arithmetic op " + Op.NAME[op]);
        }
        return sp;
    }

    static int tableSwitch(int[] code, int pc, int key) {
        int low = code[pc + 2];
        return key < low || key > code[pc + 3] ? code[pc + 1] : code[pc + 4 + key - low];
    }

    static int lookupSwitch(int[] code, int pc, int key) {
        int n = code[pc + 2];
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int k = code[pc + 3 + 2 * mid];
            if (k < key) {
                lo = mid + 1;
            } else if (k > key) {
                hi = mid - 1;
            } else {
                return code[pc + 4 + 2 * mid];
            }
        }
        return code[pc + 1];
    }

    /** The handler pc for an exception thrown at {@code pc}, or -1. */
    int findHandler(VmThread t, Code c, int pc, int exception) {
        int[] h = c.handlers;
        VmClass exClass = vm.classes.table()[vm.mem.getInt(ObjectLayout.offset(exception))];
        for (int i = 0; i < h.length; i += 4) {
            if (pc >= h[i] && pc < h[i + 1]) {
                int type = h[i + 3];
                if (type < 0) {
                    return h[i + 2];
                }
                Object o = c.pool[type];
                VmClass catchClass;
                if (o instanceof VmClass vc) {
                    catchClass = vc;
                } else {
                    catchClass = vm.classes.load(((java.lang.classfile.constantpool.ClassEntry) o).asInternalName());
                    c.pool[type] = catchClass;
                }
                if (exClass.isAssignableTo(catchClass)) {
                    return h[i + 2];
                }
            }
        }
        return -1;
    }

    /** multianewarray: dims counts on the stack, the array on top afterwards; returns the new sp. */
    int multiNewArray(VmThread t, Code c, int poolIndex, int dims, int sp) {
        if (!(c.pool[poolIndex] instanceof VmClass)) {
            c.pool[poolIndex] = vm.resolveClass(t, (String) c.pool[poolIndex]);
        }
        VmClass arrayClass = (VmClass) c.pool[poolIndex];
        int[] counts = new int[dims];
        for (int i = 0; i < dims; i++) {
            counts[i] = (int) t.prims[sp - dims + i];
            if (counts[i] < 0) {
                throw vm.throwing.raise(t, "java/lang/NegativeArraySizeException", Integer.toString(counts[i]));
            }
        }
        sp -= dims;
        t.sp = sp;
        int a = build(t, arrayClass, counts, 0);
        t.refs[sp] = a;
        return sp + 1;
    }

    private int build(VmThread t, VmClass arrayClass, int[] counts, int level) {
        int a = vm.alloc.array(t, arrayClass, counts[level]);
        if (level + 1 == counts.length || counts[level] == 0) {
            return a;
        }
        int h = t.pushHandle(a);
        for (int i = 0; i < counts[level]; i++) {
            int sub = build(t, arrayClass.component, counts, level + 1);
            dev.uffdgc.toyvm.heap.Barrier.putRef(vm.mem, ObjectLayout.offset(t.handle(h)) + ARRAY_BASE_OFFSET + 4L * i, sub);
        }
        a = t.handle(h);
        t.popHandles(h);
        return a;
    }
}
