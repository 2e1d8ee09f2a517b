package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.thread.GuestException;
import dev.uffdgc.toyvm.thread.VmThread;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.thread.Safepoints;

/**
 * What compiled code (dev.uffdgc.toyvm.jit) calls: the interpreter's slow paths and out-of-line instructions,
 * with the same side effects on the frame (t.framePcs at the current depth, t.sp) the interpreter has at the
 * same instruction, so a collection, a stack trace or a handler search cannot tell the tiers apart.
 * Arguments {@code pc} and {@code sp} are the compiled instruction's decoded pc and absolute operand-stack top.
 */
public final class CompilerSupport {
    private final Vm vm;
    private final Interpreter interp;
    private final Rare rare;
    private final ColdAccess cold;
    private final Resolver resolver;
    public final HeapAccess mem;
    public final Safepoints safepoints;
    public final long[] staticPrims;
    public final int[] staticRefs;

    public CompilerSupport(Vm vm) {
        this.vm = vm;
        this.interp = vm.interp;
        this.rare = interp.rare();
        this.cold = new ColdAccess(vm, rare);
        this.resolver = interp.resolver();
        this.mem = vm.mem;
        this.safepoints = vm.safepoints;
        this.staticPrims = vm.statics.prims;
        this.staticRefs = vm.statics.refs;
    }

    /**
     * The frame compiled code {@code cc} would build at {@code base} does not fit (depth, frame arrays or stack
     * segment): the interpreter's slow path runs the whole call (Interpreter.overflow), the prologue returns.
     */
    public void overflow(VmThread t, CompiledCode cc, VmMethod m, Code c, int base) {
        interp.overflow(t, m, c, cc, base);
    }

    /** The method an invokevirtual of vtable slot {@code vtableIndex} on the (non-null) receiver runs. */
    public VmMethod virtualTarget(int receiver, int vtableIndex) {
        return vm.classes.table()[mem.getInt(ObjectLayout.offset(receiver))].vtable[vtableIndex];
    }

    /** The method an invokeinterface at {@code site} on the (non-null) receiver runs (the site's inline cache). */
    public VmMethod interfaceTarget(VmThread t, int pc, int sp, Object site, int receiver) {
        t.framePcs[t.depth] = pc;
        t.sp = sp;
        return ((InterfaceSite) site).target(t, vm.classes.table()[mem.getInt(ObjectLayout.offset(receiver))]);
    }

    public void poll(VmThread t, int pc, int sp) {
        t.framePcs[t.depth] = pc;
        t.sp = sp;
        safepoints.poll(t);
    }

    /**
     * Calls compiled code made through the interpreter's call path because the callee had no entry code (not
     * compiled yet, synchronized, an intrinsic). Racy and approximate on purpose (a plain field on a slow path);
     * JitTest reads it to check that compiled-to-compiled calls are direct.
     */
    public long interpretedCalls;

    public void invoke(VmThread t, int pc, int sp, VmMethod callee, int nb) {
        interpretedCalls++;
        t.framePcs[t.depth] = pc;
        t.sp = sp;
        interp.invoke(t, callee, nb);
    }

    public void invokeDirect(VmThread t, int pc, int sp, VmMethod callee, int nb) {
        t.framePcs[t.depth] = pc;
        if (t.refs[nb] == 0) {
            throw rare.nullPointer(t);
        }
        t.sp = sp;
        interp.invoke(t, callee, nb);
    }

    public void invokeVirtual(VmThread t, int pc, int sp, int vtableIndex, int nb) {
        t.framePcs[t.depth] = pc;
        int receiver = t.refs[nb];
        if (receiver == 0) {
            throw rare.nullPointer(t);
        }
        VmMethod callee = vm.classes.table()[mem.getInt(ObjectLayout.offset(receiver))].vtable[vtableIndex];
        t.sp = sp;
        interp.invoke(t, callee, nb);
    }

    public void invokeInterface(VmThread t, int pc, int sp, Object site, int nb) {
        t.framePcs[t.depth] = pc;
        int receiver = t.refs[nb];
        if (receiver == 0) {
            throw rare.nullPointer(t);
        }
        VmClass rc = vm.classes.table()[mem.getInt(ObjectLayout.offset(receiver))];
        t.sp = sp;
        interp.invoke(t, ((InterfaceSite) site).target(t, rc), nb);
    }

    public void invokedynamic(VmThread t, Code c, int pc, int sp) {
        t.framePcs[t.depth] = pc;
        t.sp = sp;
        resolver.invokedynamic(t, c, pc, sp);
    }

    /** Hands the frame to the interpreter at pc (an instruction the compiled code does not translate). */
    public void resume(VmThread t, VmMethod m, Code c, int base, int pc, int sp) {
        t.framePcs[t.depth] = pc;
        t.sp = sp;
        interp.resume(t, m, c, base, pc, sp);
    }

    public GuestException nullPointer(VmThread t, int pc) {
        t.framePcs[t.depth] = pc;
        return rare.nullPointer(t);
    }

    public GuestException divideByZero(VmThread t, int pc, int sp) {
        t.framePcs[t.depth] = pc;
        t.sp = sp;
        return rare.divideByZero(t);
    }

    /**
     * Accesses whose inline null and bounds check failed in compiled code (each then raises here). Racy and
     * approximate, like interpretedCalls; JitTest reads it to check that array accesses are checked inline.
     */
    public long slowElementChecks;

    /**
     * Null- and bounds-checks an array access; returns the element's heap offset. Compiled code checks inline and
     * calls this only when its check failed, to raise the exception with the frame state the interpreter has.
     */
    public long element(VmThread t, int pc, int array, int index, int elemSize) {
        slowElementChecks++;
        if (array == 0) {
            t.framePcs[t.depth] = pc;
            throw rare.nullPointer(t);
        }
        int length = mem.getInt(ObjectLayout.offset(array) + ARRAY_LENGTH_OFFSET);
        if (Integer.compareUnsigned(index, length) >= 0) {
            t.framePcs[t.depth] = pc;
            throw rare.indexOutOfBounds(t, index, length);
        }
        return ObjectLayout.offset(array) + ARRAY_BASE_OFFSET + (long) index * elemSize;
    }

    public void aastore(VmThread t, int pc, int sp, int array, int index, int value) {
        t.framePcs[t.depth] = pc;
        t.sp = sp;
        rare.aastore(t, array, index, value);
    }

    /**
     * Allocations by compiled {@code new} and {@code newarray} that missed the inline TLAB bump (a refill, a large object). Racy and
     * approximate, like interpretedCalls; JitTest reads it to check that compiled code allocates inline.
     */
    public long slowAllocations;

    public int newInstance(VmThread t, int pc, int sp, Object k) {
        slowAllocations++;
        t.framePcs[t.depth] = pc;
        t.sp = sp;
        return vm.alloc.instance(t, (VmClass) k);
    }

    public int newArray(VmThread t, int pc, int sp, Object k, int length) {
        slowAllocations++;
        t.framePcs[t.depth] = pc;
        t.sp = sp;
        return vm.alloc.array(t, (VmClass) k, length);
    }

    public GuestException athrow(VmThread t, int pc, int ref) {
        t.framePcs[t.depth] = pc;
        if (ref == 0) {
            throw rare.nullPointer(t);
        }
        return t.throwGuest(ref);
    }

    public void checkcast(VmThread t, int pc, int sp, int ref, Object target) {
        if (ref != 0) {
            VmClass rc = vm.classes.table()[mem.getInt(ObjectLayout.offset(ref))];
            if (rc != target && !rc.isAssignableTo((VmClass) target)) {
                t.framePcs[t.depth] = pc;
                t.sp = sp;
                throw rare.classCast(t, rc, (VmClass) target);
            }
        }
    }

    public long instanceOf(int ref, Object target) {
        return ref != 0 && vm.classes.table()[mem.getInt(ObjectLayout.offset(ref))].isAssignableTo((VmClass) target) ? 1 : 0;
    }

    public int ldc(int handle) {
        return vm.globals.get(handle);
    }

    /** MONITORENTER, MONITOREXIT, VOLATILE_FIELD and the ColdAccess instructions. */
    public void outOfLine(VmThread t, Code c, int pc, int sp) {
        t.framePcs[t.depth] = pc;
        t.sp = sp;
        int op = c.code[pc];
        if (op == Op.MONITORENTER || op == Op.MONITOREXIT || op == Op.VOLATILE_FIELD) {
            rare.monitorOrVolatile(t, c, pc, sp);
        } else if (op == Op.MULTIANEWARRAY) {
            rare.multiNewArray(t, c, c.code[pc + 1], c.code[pc + 2], sp);
        } else {
            cold.execute(t, c.code, pc, sp);
        }
    }

    /** dup_x1, dup_x2, dup2_x1, dup2_x2, swap. */
    public static void stackOp(int op, long[] p, int[] r, int sp) {
        Rare.stackOp(op, p, r, sp);
    }

    /**
     * The handler pc for the guest exception that left the instruction at t.framePcs[depth], with the frame
     * reset for it (t.depth, the exception pushed at sp, the pending exception cleared); -1 when the frame has
     * no handler for it.
     */
    public int handler(VmThread t, Code c, int depth, int sp) {
        t.depth = depth;
        int handler = rare.findHandler(t, c, t.framePcs[depth], t.pendingException);
        if (handler < 0) {
            return -1;
        }
        t.refs[sp] = t.pendingException;
        t.pendingException = 0;
        return handler;
    }
}
