package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmField;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The interpreter's concurrency instructions: monitorenter/monitorexit, synchronized methods and volatile
 * field accesses (instance fields through HeapAccess's volatile accessors, statics through volatile array
 * element access on the static tables). Plain field accesses stay plain, as the Java memory model allows.
 */
final class SyncOps {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

    private final Vm vm;
    private final Interpreter interp;
    private final HeapAccess mem;

    SyncOps(Vm vm, Interpreter interp) {
        this.vm = vm;
        this.interp = interp;
        this.mem = vm.mem;
    }

    /** MONITORENTER, MONITOREXIT or VOLATILE_FIELD at pc; t.sp == sp on entry. Returns the new sp. */
    int execute(VmThread t, Code c, int pc, int sp) {
        int op = c.code[pc];
        if (op == Op.VOLATILE_FIELD) {
            return access(t, (VolatileAccess) c.pool[c.code[pc + 1]], sp);
        }
        int ref = t.refs[sp - 1];
        if (ref == 0) {
            throw vm.throwing.failedNullCheck(t);
        }
        if (op == Op.MONITORENTER) {
            // The reference stays on the operand stack (below t.sp) while the thread may block, so a
            // collection during the wait updates it.
            vm.monitors.enter(t, ref);
        } else {
            vm.monitors.exit(t, ref);
        }
        t.refs[sp - 1] = 0;
        return sp - 1;
    }

    /** A synchronized method: the lock object lives in a handle (a root) for the call's duration. */
    void invokeSynchronized(VmThread t, VmMethod m, int base) {
        int lock = m.isStatic() ? vm.mirrors.mirror(t, m.owner) : t.refs[base];
        if (lock == 0) {
            throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
        }
        int h = t.pushHandle(lock);
        vm.monitors.enter(t, lock);
        int depth = t.depth;
        try {
            interp.invokeUnlocked(t, m, base);
        } finally {
            int saved = t.pendingException;
            t.depth = depth;
            vm.monitors.exit(t, t.handle(h));
            t.pendingException = saved;
            t.popHandles(h);
        }
    }

    private int access(VmThread t, VolatileAccess a, int sp) {
        VmField f = a.field();
        char type = f.type();
        if (f.isStatic) {
            return a.put() ? putStatic(f, type, sp, t) : getStatic(f, type, sp, t);
        }
        int width = type == 'J' || type == 'D' ? 2 : 1;
        int objSlot = a.put() ? sp - 1 - width : sp - 1;
        int obj = t.refs[objSlot];
        if (obj == 0) {
            throw vm.throwing.failedNullCheck(t);
        }
        long at = ObjectLayout.offset(obj) + (long) f.offset;
        if (a.put()) {
            long v = t.prims[sp - width];
            switch (type) {
                case 'J', 'D' -> mem.putLongVolatile(at, v);
                case 'I', 'F' -> mem.putIntVolatile(at, (int) v);
                case 'B' -> mem.putByteVolatile(at, (byte) v);
                case 'Z' -> mem.putByteVolatile(at, (byte) (v & 1));
                case 'C', 'S' -> mem.putShortVolatile(at, (short) v);
                default -> dev.uffdgc.toyvm.heap.Barrier.putRefVolatile(mem, at, t.refs[sp - 1]);
            }
            for (int i = objSlot; i < sp; i++) {
                t.refs[i] = 0;
            }
            return objSlot;
        }
        t.refs[objSlot] = 0;
        switch (type) {
            case 'J', 'D' -> {
                t.prims[objSlot] = mem.getLongVolatile(at);
                t.refs[objSlot + 1] = 0;
                return objSlot + 2;
            }
            case 'I', 'F' -> t.prims[objSlot] = mem.getIntVolatile(at);
            case 'B', 'Z' -> t.prims[objSlot] = mem.getByteVolatile(at);
            case 'C' -> t.prims[objSlot] = (char) mem.getShortVolatile(at);
            case 'S' -> t.prims[objSlot] = mem.getShortVolatile(at);
            default -> t.refs[objSlot] = mem.getIntVolatile(at);
        }
        return objSlot + 1;
    }

    private int getStatic(VmField f, char type, int sp, VmThread t) {
        if (f.isReference()) {
            t.refs[sp] = (int) INTS.getVolatile(vm.statics.refs, f.offset);
            return sp + 1;
        }
        t.refs[sp] = 0;
        t.prims[sp] = (long) LONGS.getVolatile(vm.statics.prims, f.offset);
        if (type == 'J' || type == 'D') {
            t.refs[sp + 1] = 0;
            return sp + 2;
        }
        return sp + 1;
    }

    private int putStatic(VmField f, char type, int sp, VmThread t) {
        if (f.isReference()) {
            INTS.setVolatile(vm.statics.refs, f.offset, t.refs[sp - 1]);
            t.refs[sp - 1] = 0;
            return sp - 1;
        }
        int width = type == 'J' || type == 'D' ? 2 : 1;
        long v = t.prims[sp - width];
        if (type == 'Z') {
            v &= 1;
        } else if (type == 'B') {
            v = (byte) v;
        } else if (type == 'C') {
            v = (char) v;
        } else if (type == 'S') {
            v = (short) v;
        }
        LONGS.setVolatile(vm.statics.prims, f.offset, v);
        return sp - width;
    }
}
