package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.heap.Barrier;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.thread.GuestException;
import dev.uffdgc.toyvm.thread.Safepoints;
import dev.uffdgc.toyvm.thread.VmThread;

/**
 * The dispatch loop. One host call of {@link #run} per guest frame; the common instructions are inline, the
 * rare ones and every slow path live in {@link Rare} and {@link Resolver} so that this method stays under
 * HotSpot's huge-method limit (8000 bytes of bytecode) and gets JIT-compiled.
 *
 * Frames: t.depth is restored by the return instructions; when an exception leaves a frame, the catching
 * frame (or host code that catches it) resets t.depth to its own depth.
 *
 * Values: an int, float, byte, char, short or boolean is its (sign-extended) int bits in one prims slot; a
 * long or double is its long bits in the first of two slots; a reference is a heap offset in the refs slot.
 */
public final class Interpreter {
    private final Vm vm;
    private final HeapAccess mem;
    private final Rare rare;
    private final ColdAccess cold;
    private final Resolver resolver;
    private final Safepoints safepoints;
    /** The compiler tier, or null when everything is interpreted (-Xint). Set once, before guest code runs. */
    private Compiler jit;

    public Interpreter(Vm vm) {
        this.vm = vm;
        this.mem = vm.mem;
        this.safepoints = vm.safepoints;
        this.rare = new Rare(vm, this);
        this.cold = new ColdAccess(vm, rare);
        this.resolver = new Resolver(vm, this);
    }

    public void setCompiler(Compiler jit) {
        this.jit = jit;
    }

    public Compiler compiler() {
        return jit;
    }

    public Rare rare() {
        return rare;
    }

    public Resolver resolver() {
        return resolver;
    }

    /** Calls {@code m} with its arguments at {@code [base, base + argSlots)}; the result lands at {@code base}. */
    public void invoke(VmThread t, VmMethod m, int base) {
        if (m.synchronizedMethod) {
            rare.invokeSynchronized(t, m, base);
            return;
        }
        invokeUnlocked(t, m, base);
    }

    /** {@link #invoke} without the monitor of a synchronized method (the caller holds it). */
    void invokeUnlocked(VmThread t, VmMethod m, int base) {
        Intrinsic in = m.intrinsic;
        if (in != null) {
            in.invoke(t, base);
            if (m.retSlots > 0 && m.returnType != 'L' && m.returnType != '[') {
                t.refs[base] = 0;
                t.refs[base + m.retSlots - 1] = 0;
            }
            return;
        }
        Code c = m.code;
        if (c == null) {
            c = rare.prepare(t, m);
        }
        CompiledCode cc = c.compiled;
        if (cc == null && jit != null && ++c.invocations >= jit.invocationThreshold()) {
            cc = jit.compile(t, m, c);
        }
        if (cc != null) {
            cc.run(t, base, -1);
            return;
        }
        run(t, m, c, base, -1, 0);
    }

    /**
     * Continues an existing frame (depth {@code t.depth}) in the interpreter at {@code pc} with operand stack top
     * {@code sp}: compiled code hands over here at an instruction it does not translate (deoptimisation).
     */
    public void resume(VmThread t, VmMethod m, Code c, int base, int pc, int sp) {
        run(t, m, c, base, pc, sp);
    }

    /** Host code calling guest code: arguments pushed above t.sp; afterwards t.sp is past the result. */
    public void call(VmThread t, VmMethod m) {
        int base = t.sp - m.argSlots;
        invoke(t, m, base);
        t.sp = base + m.retSlots;
    }

    @SuppressWarnings("fallthrough")
    /** {@code resumePc < 0}: a new frame for a call; otherwise continue the frame at t.depth (see {@link #resume}). */
    private void run(VmThread t, VmMethod m, Code c, int base, int resumePc, int resumeSp) {
        final int depth;
        int sp;
        int pc;
        if (resumePc < 0) {
            depth = enter(t, m, c, base);
            if (depth < 0) {
                return; // run by overflow (on the next stack segment, or after growing the frame arrays)
            }
            sp = base + c.maxLocals;
            pc = 0;
        } else {
            depth = t.depth;
            sp = resumeSp;
            pc = resumePc;
        }
        // Loaded after enter: this frame's segment. It is the same for the whole frame (a callee that does not fit
        // runs on the next segment, and the thread is back on this one when the call returns or throws).
        final long[] P = t.prims;
        final int[] R = t.refs;
        final int[] code = c.code;
        final Object[] pool = c.pool;
        final HeapAccess mem = this.mem;
        CompiledCode osrCode = null;
        dispatch:
        for (;;) {
                try {
                    for (;;) {
                        switch (code[pc]) {
                            case Op.NOP -> pc += 1;
                            case Op.ACONST_NULL -> {
                                R[sp++] = 0;
                                pc += 1;
                            }
                            case Op.PCONST1 -> {
                                R[sp] = 0;
                                P[sp++] = code[pc + 1];
                                pc += 2;
                            }
                            case Op.PCONST2 -> {
                                R[sp] = 0;
                                R[sp + 1] = 0;
                                P[sp] = ((long) code[pc + 1] << 32) | (code[pc + 2] & 0xFFFFFFFFL);
                                sp += 2;
                                pc += 3;
                            }
                            case Op.LDC_REF -> {
                                R[sp++] = vm.globals.get(code[pc + 1]);
                                pc += 2;
                            }
                            case Op.PLOAD1 -> {
                                R[sp] = 0;
                                P[sp++] = P[base + code[pc + 1]];
                                pc += 2;
                            }
                            case Op.PLOAD2 -> {
                                R[sp] = 0;
                                R[sp + 1] = 0;
                                P[sp] = P[base + code[pc + 1]];
                                sp += 2;
                                pc += 2;
                            }
                            case Op.ALOAD -> {
                                R[sp++] = R[base + code[pc + 1]];
                                pc += 2;
                            }
                            case Op.PSTORE1 -> {
                                P[base + code[pc + 1]] = P[--sp];
                                pc += 2;
                            }
                            case Op.PSTORE2 -> {
                                sp -= 2;
                                P[base + code[pc + 1]] = P[sp];
                                pc += 2;
                            }
                            case Op.ASTORE -> {
                                R[base + code[pc + 1]] = R[--sp];
                                pc += 2;
                            }
                            case Op.IINC -> {
                                int i = base + code[pc + 1];
                                P[i] = (int) P[i] + code[pc + 2];
                                pc += 3;
                            }
                            case Op.IALOAD -> {
                                long a = element(t, pc, R[sp - 2], (int) P[sp - 1], 4);
                                P[--sp - 1] = mem.getInt(a);
                                pc += 1;
                            }
                            case Op.LALOAD -> {
                                P[sp - 2] = mem.getLong(element(t, pc, R[sp - 2], (int) P[sp - 1], 8));
                                pc += 1;
                            }
                            case Op.BALOAD -> {
                                long a = element(t, pc, R[sp - 2], (int) P[sp - 1], 1);
                                P[--sp - 1] = mem.getByte(a);
                                pc += 1;
                            }
                            case Op.CALOAD -> {
                                long a = element(t, pc, R[sp - 2], (int) P[sp - 1], 2);
                                P[--sp - 1] = mem.getChar(a);
                                pc += 1;
                            }
                            case Op.AALOAD -> {
                                long a = element(t, pc, R[sp - 2], (int) P[sp - 1], 4);
                                R[--sp - 1] = mem.getInt(a);
                                pc += 1;
                            }
                            case Op.IASTORE -> {
                                mem.putInt(element(t, pc, R[sp - 3], (int) P[sp - 2], 4), (int) P[sp - 1]);
                                sp -= 3;
                                pc += 1;
                            }
                            case Op.LASTORE -> {
                                mem.putLong(element(t, pc, R[sp - 4], (int) P[sp - 3], 8), P[sp - 2]);
                                sp -= 4;
                                pc += 1;
                            }
                            case Op.BASTORE -> {
                                mem.putByte(element(t, pc, R[sp - 3], (int) P[sp - 2], 1), (byte) P[sp - 1]);
                                sp -= 3;
                                pc += 1;
                            }
                            case Op.CASTORE -> {
                                mem.putShort(element(t, pc, R[sp - 3], (int) P[sp - 2], 2), (short) P[sp - 1]);
                                sp -= 3;
                                pc += 1;
                            }
                            case Op.AASTORE -> {
                                t.framePcs[depth] = pc;
                                t.sp = sp;
                                rare.aastore(t, R[sp - 3], (int) P[sp - 2], R[sp - 1]);
                                sp -= 3;
                                pc += 1;
                            }
                            case Op.POP -> {
                                sp -= 1;
                                pc += 1;
                            }
                            case Op.POP2 -> {
                                sp -= 2;
                                pc += 1;
                            }
                            case Op.DUP -> {
                                P[sp] = P[sp - 1];
                                R[sp] = R[sp - 1];
                                sp++;
                                pc += 1;
                            }
                            case Op.DUP2 -> {
                                P[sp] = P[sp - 2];
                                R[sp] = R[sp - 2];
                                P[sp + 1] = P[sp - 1];
                                R[sp + 1] = R[sp - 1];
                                sp += 2;
                                pc += 1;
                            }
                            case Op.DUP_X1, Op.DUP_X2, Op.DUP2_X1, Op.DUP2_X2, Op.SWAP -> {
                                sp = Rare.stackOp(code[pc], P, R, sp);
                                pc += 1;
                            }
                            case Op.IADD -> {
                                P[sp - 2] = (int) P[sp - 2] + (int) P[sp - 1];
                                sp--;
                                pc += 1;
                            }
                            case Op.ISUB -> {
                                P[sp - 2] = (int) P[sp - 2] - (int) P[sp - 1];
                                sp--;
                                pc += 1;
                            }
                            case Op.IMUL -> {
                                P[sp - 2] = (int) P[sp - 2] * (int) P[sp - 1];
                                sp--;
                                pc += 1;
                            }
                            case Op.IAND -> {
                                P[sp - 2] = (int) P[sp - 2] & (int) P[sp - 1];
                                sp--;
                                pc += 1;
                            }
                            case Op.IOR -> {
                                P[sp - 2] = (int) P[sp - 2] | (int) P[sp - 1];
                                sp--;
                                pc += 1;
                            }
                            case Op.LADD -> {
                                P[sp - 4] = P[sp - 4] + P[sp - 2];
                                sp -= 2;
                                pc += 1;
                            }
                            case Op.LMUL -> {
                                P[sp - 4] = P[sp - 4] * P[sp - 2];
                                sp -= 2;
                                pc += 1;
                            }
                            case Op.DADD -> {
                                P[sp - 4] = Double.doubleToRawLongBits(Double.longBitsToDouble(P[sp - 4]) + Double.longBitsToDouble(P[sp - 2]));
                                sp -= 2;
                                pc += 1;
                            }
                            case Op.DSUB -> {
                                P[sp - 4] = Double.doubleToRawLongBits(Double.longBitsToDouble(P[sp - 4]) - Double.longBitsToDouble(P[sp - 2]));
                                sp -= 2;
                                pc += 1;
                            }
                            case Op.DMUL -> {
                                P[sp - 4] = Double.doubleToRawLongBits(Double.longBitsToDouble(P[sp - 4]) * Double.longBitsToDouble(P[sp - 2]));
                                sp -= 2;
                                pc += 1;
                            }
                            case Op.DDIV -> {
                                P[sp - 4] = Double.doubleToRawLongBits(Double.longBitsToDouble(P[sp - 4]) / Double.longBitsToDouble(P[sp - 2]));
                                sp -= 2;
                                pc += 1;
                            }
                            case Op.LXOR -> {
                                P[sp - 4] ^= P[sp - 2];
                                sp -= 2;
                                pc += 1;
                            }
                            case Op.LSHL -> {
                                P[sp - 3] = P[sp - 3] << (int) P[sp - 1];
                                sp -= 1;
                                pc += 1;
                            }
                            case Op.LUSHR -> {
                                P[sp - 3] = P[sp - 3] >>> (int) P[sp - 1];
                                sp -= 1;
                                pc += 1;
                            }
                            case Op.LCMP -> {
                                P[sp - 4] = Long.compare(P[sp - 4], P[sp - 2]);
                                sp -= 3;
                                pc += 1;
                            }
                            case Op.I2L -> {
                                R[sp] = 0;
                                sp++;
                                pc += 1;
                            }
                            case Op.L2I -> {
                                P[sp - 2] = (int) P[sp - 2];
                                sp--;
                                pc += 1;
                            }
                            case Op.I2C -> {
                                P[sp - 1] = (char) P[sp - 1];
                                pc += 1;
                            }
                            case Op.I2B -> {
                                P[sp - 1] = (byte) P[sp - 1];
                                pc += 1;
                            }
                            case Op.IDIV, Op.IREM, Op.INEG, Op.ISHL, Op.ISHR, Op.IUSHR, Op.IXOR,
                                 Op.LSUB, Op.LAND, Op.LOR, Op.LSHR, Op.I2D, Op.D2I, Op.DNEG, Op.L2D,
                                 Op.LDIV, Op.LREM, Op.LNEG,
                                 Op.FADD, Op.FSUB, Op.FMUL, Op.FDIV, Op.FREM, Op.FNEG, Op.DREM,
                                 Op.I2F, Op.L2F, Op.F2I, Op.F2L, Op.F2D,
                                 Op.D2L, Op.D2F, Op.I2S,
                                 Op.FCMPL, Op.FCMPG, Op.DCMPL, Op.DCMPG -> {
                                t.framePcs[depth] = pc;
                                t.sp = sp;
                                sp = rare.arithmetic(t, code[pc], P, R, sp);
                                pc += 1;
                            }
                            case Op.IFEQ -> pc = (int) P[--sp] == 0 ? code[pc + 1] : pc + 2;
                            case Op.IFNE -> pc = (int) P[--sp] != 0 ? code[pc + 1] : pc + 2;
                            case Op.IFLT -> pc = (int) P[--sp] < 0 ? code[pc + 1] : pc + 2;
                            case Op.IFGE -> pc = (int) P[--sp] >= 0 ? code[pc + 1] : pc + 2;
                            case Op.IFGT -> pc = (int) P[--sp] > 0 ? code[pc + 1] : pc + 2;
                            case Op.IFLE -> pc = (int) P[--sp] <= 0 ? code[pc + 1] : pc + 2;
                            case Op.IF_ICMPEQ -> {
                                sp -= 2;
                                pc = (int) P[sp] == (int) P[sp + 1] ? code[pc + 1] : pc + 2;
                            }
                            case Op.IF_ICMPNE -> {
                                sp -= 2;
                                pc = (int) P[sp] != (int) P[sp + 1] ? code[pc + 1] : pc + 2;
                            }
                            case Op.IF_ICMPLT -> {
                                sp -= 2;
                                pc = (int) P[sp] < (int) P[sp + 1] ? code[pc + 1] : pc + 2;
                            }
                            case Op.IF_ICMPGE -> {
                                sp -= 2;
                                pc = (int) P[sp] >= (int) P[sp + 1] ? code[pc + 1] : pc + 2;
                            }
                            case Op.IF_ICMPGT -> {
                                sp -= 2;
                                pc = (int) P[sp] > (int) P[sp + 1] ? code[pc + 1] : pc + 2;
                            }
                            case Op.IF_ICMPLE -> {
                                sp -= 2;
                                pc = (int) P[sp] <= (int) P[sp + 1] ? code[pc + 1] : pc + 2;
                            }
                            case Op.IF_ACMPEQ -> {
                                sp -= 2;
                                pc = R[sp] == R[sp + 1] ? code[pc + 1] : pc + 2;
                            }
                            case Op.IF_ACMPNE -> {
                                sp -= 2;
                                pc = R[sp] != R[sp + 1] ? code[pc + 1] : pc + 2;
                            }
                            case Op.IFNULL -> pc = R[--sp] == 0 ? code[pc + 1] : pc + 2;
                            case Op.IFNONNULL -> pc = R[--sp] != 0 ? code[pc + 1] : pc + 2;
                            case Op.GOTO -> pc = code[pc + 1];
                            case Op.GOTO_POLL -> {
                                if (safepoints.requested) {
                                    t.framePcs[depth] = pc;
                                    t.sp = sp;
                                    safepoints.poll(t);
                                }
                                pc = code[pc + 1];
                                if (jit != null && ++c.backedges >= jit.backedgeThreshold()
                                        && (osrCode = osrCompile(t, m, c, pc, sp)) != null) {
                                    break dispatch; // outside the try: the compiled frame does its own handlers
                                }
                            }
                            case Op.TABLESWITCH -> pc = Rare.tableSwitch(code, pc, (int) P[--sp]);
                            case Op.LOOKUPSWITCH -> pc = Rare.lookupSwitch(code, pc, (int) P[--sp]);
                            case Op.IRETURN -> {
                                P[base] = P[sp - 1];
                                t.depth = depth - 1;
                                return;
                            }
                            case Op.LRETURN -> {
                                P[base] = P[sp - 2];
                                t.depth = depth - 1;
                                return;
                            }
                            case Op.ARETURN -> {
                                R[base] = R[sp - 1];
                                t.depth = depth - 1;
                                return;
                            }
                            case Op.RETURN -> {
                                t.depth = depth - 1;
                                return;
                            }
                            case Op.GETSTATIC_A -> {
                                R[sp++] = vm.statics.refs[code[pc + 1]];
                                pc += 2;
                            }
                            case Op.GETFIELD_I -> {
                                P[sp - 1] = mem.getInt(object(t, pc, R[sp - 1]) + code[pc + 1]);
                                pc += 2;
                            }
                            case Op.GETFIELD_J -> {
                                P[sp - 1] = mem.getLong(object(t, pc, R[sp - 1]) + code[pc + 1]);
                                R[sp] = 0;
                                sp++;
                                pc += 2;
                            }
                            case Op.GETFIELD_A -> {
                                R[sp - 1] = mem.getInt(object(t, pc, R[sp - 1]) + code[pc + 1]);
                                pc += 2;
                            }
                            case Op.PUTFIELD_I -> {
                                mem.putInt(object(t, pc, R[sp - 2]) + code[pc + 1], (int) P[sp - 1]);
                                sp -= 2;
                                pc += 2;
                            }
                            case Op.PUTFIELD_J -> {
                                mem.putLong(object(t, pc, R[sp - 3]) + code[pc + 1], P[sp - 2]);
                                sp -= 3;
                                pc += 2;
                            }
                            case Op.PUTFIELD_A -> {
                                Barrier.putRef(mem, object(t, pc, R[sp - 2]) + code[pc + 1], R[sp - 1]);
                                sp -= 2;
                                pc += 2;
                            }
                            case Op.INVOKE_STATIC -> {
                                VmMethod callee = (VmMethod) pool[code[pc + 1]];
                                int nb = sp - callee.argSlots;
                                t.framePcs[depth] = pc;
                                t.sp = sp;
                                invoke(t, callee, nb);
                                sp = nb + callee.retSlots;
                                pc += 3;
                            }
                            case Op.INVOKE_DIRECT -> {
                                VmMethod callee = (VmMethod) pool[code[pc + 1]];
                                int nb = sp - callee.argSlots;
                                t.framePcs[depth] = pc;
                                object(t, pc, R[nb]);
                                t.sp = sp;
                                invoke(t, callee, nb);
                                sp = nb + callee.retSlots;
                                pc += 3;
                            }
                            case Op.INVOKE_VIRTUAL -> {
                                int nb = sp - code[pc + 2];
                                t.framePcs[depth] = pc;
                                VmMethod callee = vm.classes.table()[mem.getInt(object(t, pc, R[nb]))].vtable[code[pc + 1]];
                                t.sp = sp;
                                invoke(t, callee, nb);
                                sp = nb + callee.retSlots;
                                pc += 3;
                            }
                            case Op.INVOKE_INTERFACE -> {
                                int nb = sp - code[pc + 2];
                                t.framePcs[depth] = pc;
                                VmClass rc = vm.classes.table()[mem.getInt(object(t, pc, R[nb]))];
                                t.sp = sp;
                                VmMethod callee = ((InterfaceSite) pool[code[pc + 1]]).target(t, rc);
                                invoke(t, callee, nb);
                                sp = nb + callee.retSlots;
                                pc += 3;
                            }
                            case Op.INVOKEDYNAMIC -> {
                                t.framePcs[depth] = pc;
                                t.sp = sp;
                                sp = resolver.invokedynamic(t, c, pc, sp);
                                pc += 3;
                            }
                            case Op.NEW -> {
                                t.framePcs[depth] = pc;
                                t.sp = sp;
                                R[sp] = vm.alloc.instance(t, (VmClass) pool[code[pc + 1]]);
                                sp++;
                                pc += 2;
                            }
                            case Op.NEWARRAY -> {
                                t.framePcs[depth] = pc;
                                t.sp = sp;
                                R[sp - 1] = vm.alloc.array(t, (VmClass) pool[code[pc + 1]], (int) P[sp - 1]);
                                pc += 2;
                            }
                            case Op.ARRAYLENGTH -> {
                                P[sp - 1] = mem.getInt(object(t, pc, R[sp - 1]) + ARRAY_LENGTH_OFFSET);
                                pc += 1;
                            }
                            case Op.ATHROW -> {
                                t.framePcs[depth] = pc;
                                throw t.throwGuest(ObjectLayout.ref(object(t, pc, R[sp - 1])));
                            }
                            case Op.CHECKCAST -> {
                                int r = R[sp - 1];
                                if (r != 0) {
                                    VmClass target = (VmClass) pool[code[pc + 1]];
                                    VmClass rc = vm.classes.table()[mem.getInt(ObjectLayout.offset(r))];
                                    if (rc != target && !rc.isAssignableTo(target)) {
                                        t.framePcs[depth] = pc;
                                        t.sp = sp;
                                        throw rare.classCast(t, rc, target);
                                    }
                                }
                                pc += 2;
                            }
                            case Op.INSTANCEOF -> {
                                int r = R[sp - 1];
                                VmClass target = (VmClass) pool[code[pc + 1]];
                                P[sp - 1] = r != 0 && vm.classes.table()[mem.getInt(ObjectLayout.offset(r))].isAssignableTo(target) ? 1 : 0;
                                pc += 2;
                            }
                            case Op.MONITORENTER, Op.MONITOREXIT, Op.VOLATILE_FIELD -> {
                                t.framePcs[depth] = pc;
                                t.sp = sp;
                                sp = rare.monitorOrVolatile(t, c, pc, sp);
                                pc += code[pc] == Op.VOLATILE_FIELD ? 2 : 1;
                            }
                            case Op.GETFIELD_B, Op.GETFIELD_C, Op.GETFIELD_S, Op.PUTFIELD_B, Op.PUTFIELD_Z,
                                 Op.PUTFIELD_S, Op.SALOAD, Op.GETSTATIC_1, Op.GETSTATIC_2, Op.PUTSTATIC_1,
                                 Op.PUTSTATIC_2, Op.PUTSTATIC_A -> {
                                t.framePcs[depth] = pc;
                                t.sp = sp;
                                sp = cold.execute(t, code, pc, sp);
                                pc += Op.LENGTH[code[pc]];
                            }
                            case Op.MULTIANEWARRAY -> {
                                t.framePcs[depth] = pc;
                                t.sp = sp;
                                sp = rare.multiNewArray(t, c, code[pc + 1], code[pc + 2], sp);
                                pc += 3;
                            }
                            default -> {
                                t.framePcs[depth] = pc;
                                t.sp = sp;
                                resolver.resolve(t, m, c, pc);
                            }
                        }
                    }
                } catch (GuestException e) {
                    t.depth = depth;
                    int handler = rare.findHandler(t, c, pc, t.pendingException);
                    if (handler < 0) {
                        throw e;
                    }
                    sp = base + c.maxLocals;
                    R[sp++] = t.pendingException;
                    t.pendingException = 0;
                    pc = handler;
                }
        }
        t.sp = sp;
        osrCode.run(t, base, pc);
    }

    /**
     * Builds a new frame at {@code base} for {@code m}; returns its depth. Frame layout: locals at
     * [base, base + maxLocals), operand stack above. Returns -1 when the frame did not fit (too deep for the
     * frame arrays, or too large for the rest of the stack segment): then {@link #overflow} has already run
     * the whole call, and the caller returns.
     */
    private int enter(VmThread t, VmMethod m, Code c, int base) {
        final int depth = t.depth + 1;
        final int[] R = t.refs;
        final int limit = base + c.maxLocals + c.maxStack;
        if (depth > t.frameRoom || limit > R.length - VmThread.STACK_OVERFLOW_HEADROOM) {
            overflow(t, m, c, null, base);
            return -1;
        }
        t.depth = depth;
        t.frameMethodIds[depth] = m.id;
        for (int i = base + m.argSlots, end = base + c.maxLocals; i < end; i++) {
            R[i] = 0;
        }
        // From here on t.sp >= the end of this frame's locals, so a VM-raised exception (which may collect)
        // sees every local as a root; operand-stack refs are discarded by a throw anyway.
        t.sp = base + c.maxLocals;
        if (safepoints.requested) {
            t.framePcs[depth] = 0;
            safepoints.poll(t);
        }
        return depth;
    }

    /**
     * The slow path of both tiers' frame entry (Interpreter.enter, the compiled prologue), for a new frame of
     * {@code m} at {@code base} that does not fit: runs the whole call and returns when it has returned. Deeper
     * than depthLimit: StackOverflowError. Deeper than the frame arrays: grows them. Larger than what is left of
     * the stack segment: enters the frame at base 0 of the next segment (its arguments copied there), the result
     * copied back on return; no slots left for a segment: StackOverflowError. {@code cc} is the compiled code
     * whose prologue failed, or null for the interpreter.
     */
    public void overflow(VmThread t, VmMethod m, Code c, CompiledCode cc, int base) {
        int depth = t.depth + 1;
        if (depth > t.depthLimit) {
            throw rare.stackOverflow(t);
        }
        if (depth >= t.frameMethodIds.length) {
            t.growFrames(depth);
        }
        int slots = c.maxLocals + c.maxStack + VmThread.STACK_OVERFLOW_HEADROOM;
        if (base + slots <= t.refs.length) {
            runNewFrame(t, m, c, cc, base);
            return;
        }
        if (!t.pushSegment(base, m.argSlots, slots)) {
            throw rare.stackOverflow(t);
        }
        int ret = 0;
        try {
            runNewFrame(t, m, c, cc, 0);
            ret = m.retSlots;
        } finally {
            t.popSegment(base, ret);
        }
    }

    private void runNewFrame(VmThread t, VmMethod m, Code c, CompiledCode cc, int base) {
        if (cc != null) {
            cc.run(t, base, -1);
        } else {
            run(t, m, c, base, -1, 0);
        }
    }

    /**
     * On-stack replacement at a loop header: the frame moves to compiled code at {@code pc} (the frame layout is
     * the same, so nothing is copied). Returns the code to continue in, or null to stay interpreted.
     */
    private CompiledCode osrCompile(VmThread t, VmMethod m, Code c, int pc, int sp) {
        c.backedges = 0;
        CompiledCode cc = c.compiled;
        if (cc == null && !c.notCompilable) {
            t.framePcs[t.depth] = pc;
            t.sp = sp;
            cc = jit.compile(t, m, c);
        }
        if (cc != null) {
            jit.onStackReplacement();
        }
        return cc;
    }

    /** Null-checks a receiver; returns it as a heap offset. */
    private long object(VmThread t, int pc, int ref) {
        if (ref == 0) {
            t.framePcs[t.depth] = pc;
            throw rare.nullPointer(t);
        }
        return ObjectLayout.offset(ref);
    }

    /** Null- and bounds-checks an array access; returns the element's heap offset. */
    private long element(VmThread t, int pc, int array, int index, int elemSize) {
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
}
