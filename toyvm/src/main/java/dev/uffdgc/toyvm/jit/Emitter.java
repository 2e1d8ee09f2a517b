package dev.uffdgc.toyvm.jit;

import dev.uffdgc.toyvm.thread.VmThread;
import static java.lang.constant.ConstantDescs.*;

import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.interp.Code;
import dev.uffdgc.toyvm.interp.Op;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.ConvertInstruction;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates one decoded method into the {@code run(VmThread, int base, int entryPc)} method of a subclass of
 * {@link CompiledMethod}: a template compiler, one host-bytecode template per decoded instruction, with every
 * operand-stack slot addressed as {@code base + constant} (see {@link StackDepths}).
 *
 * <p>Root discipline, as in the interpreter: every guest value lives in the thread's prims/refs slots (host
 * locals hold only the thread, base, depth and the frame's arrays), so a reference is never in a host local
 * across a call, an allocation or a safepoint poll, and the collector sees the same refs[0, t.sp) it sees for
 * an interpreted frame. Before each instruction that can call, allocate, poll or throw, t.framePcs[depth] and
 * t.sp get what the interpreter would store. Guest exceptions: one host handler over the whole body asks the
 * interpreter's handler table (CompilerSupport.handler) and jumps to the compiled handler. Instructions not
 * yet resolved when compiling jump to a deopt stub that hands the frame to the interpreter.
 */
final class Emitter {
    // From class literals, so a class that moves package (VmThread is due to) breaks the build, not the tier.
    private static ClassDesc desc(Class<?> c) {
        return c.describeConstable().orElseThrow();
    }

    static final ClassDesc CD_SUPPORT = desc(dev.uffdgc.toyvm.interp.CompilerSupport.class);
    static final ClassDesc CD_THREAD = desc(dev.uffdgc.toyvm.thread.VmThread.class);
    static final ClassDesc CD_MUTATOR = desc(dev.uffdgc.toyvm.heap.Mutator.class);
    static final ClassDesc CD_METHOD = desc(VmMethod.class);
    static final ClassDesc CD_CODE = desc(Code.class);
    static final ClassDesc CD_MEM = desc(dev.uffdgc.toyvm.heap.HeapAccess.class);
    static final ClassDesc CD_LAYOUT = desc(dev.uffdgc.toyvm.heap.ObjectLayout.class);
    static final ClassDesc CD_SAFEPOINTS = desc(dev.uffdgc.toyvm.thread.Safepoints.class);
    static final ClassDesc CD_GUEST_EXCEPTION = desc(dev.uffdgc.toyvm.thread.GuestException.class);
    static final ClassDesc CD_BARRIER = desc(dev.uffdgc.toyvm.heap.Barrier.class);
    static final ClassDesc CD_JIT = desc(Jit.class);
    static final ClassDesc CD_BASE = desc(CompiledMethod.class);
    static final ClassDesc CD_COMPILED = desc(dev.uffdgc.toyvm.interp.CompiledCode.class);
    static final MethodTypeDesc MTD_INIT = MethodTypeDesc.of(CD_void, CD_JIT, CD_SUPPORT, CD_METHOD, CD_CODE, CD_Object.arrayType());
    static final MethodTypeDesc MTD_RUN = MethodTypeDesc.of(CD_void, CD_THREAD, CD_int, CD_int);
    private static final MethodTypeDesc MTD_GEX = MethodTypeDesc.of(CD_GUEST_EXCEPTION, CD_THREAD, CD_int);
    private static final MethodTypeDesc MTD_CALL = MethodTypeDesc.of(CD_void, CD_THREAD, CD_int, CD_int, CD_METHOD, CD_int);

    // Host locals of run().
    private static final int THIS = 0, T = 1, BASE = 2, ENTRY = 3, P = 4, R = 5, DEPTH = 6, SUP = 7, MEM = 8, K = 9,
            SAFEPOINTS = 10, EXC = 11, CALLEE = 12, ENTRY_CODE = 13, NEW_AT = 14, NEW_SIZE = 16, PRIM0 = 18;

    private final VmMethod m;
    private final Code c;
    private final int[] code;
    private final Object[] pool;
    private final int[] depth;
    private final List<Object> consts = new ArrayList<>();
    private final Map<Integer, Integer> loopHeaders = new LinkedHashMap<>();
    private CodeBuilder b;
    private Label[] labels;
    private final List<int[]> deopts = new ArrayList<>();
    private final List<Label> deoptLabels = new ArrayList<>();

    Emitter(VmMethod m, Code c, int[] code, Object[] pool) {
        this.m = m;
        this.c = c;
        this.code = code;
        this.pool = pool;
        this.depth = StackDepths.compute(c);
        this.slots = c.maxLocals + c.maxStack;
        if (PRIM0 + 2 * slots > 0xFFFF) {
            throw new IllegalArgumentException("frame too large for host locals: " + slots + " slots");
        }
    }

    /** Frame slots (locals and operand stack), each a host long local. */
    private final int slots;

    Object[] consts() {
        return consts.toArray();
    }

    byte[] generate(ClassFile cf, ClassDesc name) {
        return cf.build(name, cb -> cb
                .withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)
                .withSuperclass(CD_BASE)
                .withMethodBody(INIT_NAME, MTD_INIT, ClassFile.ACC_PUBLIC, ib -> ib
                        .aload(0).aload(1).aload(2).aload(3).aload(4).aload(5)
                        .invokespecial(CD_BASE, INIT_NAME, MTD_INIT)
                        .return_())
                .withMethodBody("run", MTD_RUN, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL, this::run));
    }

    private void run(CodeBuilder cob) {
        // The classfile API runs this again in a fresh builder when the first attempt needs long jumps (bodies
        // over 32 KiB): labels of the first attempt must not leak into the second.
        deopts.clear();
        deoptLabels.clear();
        loopHeaders.clear();
        pendingStore = -1;
        b = cob;
        labels = new Label[code.length];
        for (int pc = 0; pc < code.length; pc++) {
            if (depth[pc] >= 0) {
                labels[pc] = b.newLabel();
                if (code[pc] == Op.GOTO_POLL) {
                    loopHeaders.put(code[pc + 1], code[pc + 1]);
                }
            }
        }
        b.aload(T).getfield(CD_THREAD, "prims", CD_long.arrayType()).astore(P);
        b.aload(T).getfield(CD_THREAD, "refs", CD_int.arrayType()).astore(R);
        b.aload(THIS).getfield(CD_BASE, "sup", CD_SUPPORT).astore(SUP);
        b.aload(SUP).getfield(CD_SUPPORT, "mem", CD_MEM).astore(MEM);
        b.aload(SUP).getfield(CD_SUPPORT, "safepoints", CD_SAFEPOINTS).astore(SAFEPOINTS);
        b.aload(THIS).getfield(CD_BASE, "k", CD_Object.arrayType()).astore(K);
        for (int k = 0; k < slots; k++) {
            b.lconst_0().lstore(prim(k)); // definitely assigned for the verifier; the JIT drops the dead ones
        }
        Label newFrame = b.newLabel();
        b.iload(ENTRY).iflt(newFrame);
        // On-stack replacement: the interpreter built the frame; continue at a loop header.
        b.aload(T).getfield(CD_THREAD, "depth", CD_int).istore(DEPTH);
        Label other = b.newLabel();
        List<SwitchCase> osr = new ArrayList<>();
        Map<Integer, Label> osrStubs = new LinkedHashMap<>();
        for (int pc : loopHeaders.keySet()) {
            Label stub = b.newLabel();
            osrStubs.put(pc, stub);
            osr.add(SwitchCase.of(pc, stub));
        }
        b.iload(ENTRY).lookupswitch(other, osr);
        for (Map.Entry<Integer, Label> e : osrStubs.entrySet()) {
            b.labelBinding(e.getValue());
            reload(0, c.maxLocals + depth[e.getKey()]); // the interpreter's frame, as it left it
            b.goto_(labels[e.getKey()]);
        }
        b.labelBinding(other);
        b.aload(THIS).aload(T).iload(BASE).iload(ENTRY)
                .invokevirtual(CD_BASE, "enterInterpreted", MethodTypeDesc.of(CD_void, CD_THREAD, CD_int, CD_int))
                .return_();
        b.labelBinding(newFrame);
        Label overflow = b.newLabel();
        prologue(overflow);
        reload(0, m.argSlots);
        Label start = b.newLabel();
        Label end = b.newLabel();
        b.labelBinding(start);
        for (int pc = 0; pc < code.length; pc += StackDepths.length(code, pc)) {
            if (depth[pc] >= 0) {
                b.labelBinding(labels[pc]);
                instruction(pc, c.maxLocals + depth[pc]);
            }
        }
        b.labelBinding(end);
        Label handler = b.newLabel();
        b.exceptionCatch(start, end, handler, CD_GUEST_EXCEPTION);
        b.labelBinding(handler);
        b.astore(EXC);
        b.aload(SUP).aload(T).aload(THIS).getfield(CD_BASE, "code", CD_CODE).iload(DEPTH).iload(BASE)
                .loadConstant(c.maxLocals).iadd()
                .invokevirtual(CD_SUPPORT, "handler", MethodTypeDesc.of(CD_int, CD_THREAD, CD_CODE, CD_int, CD_int));
        Label rethrow = b.newLabel();
        List<SwitchCase> handlers = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < c.handlers.length; i += 4) {
            int h = c.handlers[i + 2];
            if (seen.add(h)) {
                handlers.add(SwitchCase.of(h, labels[h]));
            }
        }
        b.lookupswitch(rethrow, handlers);
        b.labelBinding(rethrow);
        b.aload(EXC).athrow();
        for (int i = 0; i < deopts.size(); i++) {
            b.labelBinding(deoptLabels.get(i));
            flush(0, deopts.get(i)[1]);
            b.aload(THIS).aload(T).iload(BASE).loadConstant(deopts.get(i)[0]);
            sp(deopts.get(i)[1]);
            b.invokevirtual(CD_BASE, "deopt", MethodTypeDesc.of(CD_void, CD_THREAD, CD_int, CD_int, CD_int)).return_();
        }
        b.labelBinding(overflow); // the frame does not fit: the interpreter's slow path runs the whole call
        b.aload(SUP).aload(T).aload(THIS).aload(THIS).getfield(CD_BASE, "method", CD_METHOD)
                .aload(THIS).getfield(CD_BASE, "code", CD_CODE).iload(BASE);
        support("overflow", MethodTypeDesc.of(CD_void, CD_THREAD, CD_COMPILED, CD_METHOD, CD_CODE, CD_int));
        b.return_();
    }

    /** Unrolled zeroing up to this many non-argument ref locals; Arrays.fill above. */
    private static final int UNROLL_ZEROING = 8;

    /**
     * Interpreter.enter, inline with this method's constants (measured: the call through CompilerSupport.enter,
     * its loop over the locals and its loads of maxLocals/argSlots were ~1/6 of a call's cost in Richards):
     * the depth and stack checks, the frame's method, zeroed non-argument ref locals, t.sp past the locals (so
     * a VM-raised exception sees every local as a root), and the safepoint poll at method entry.
     */
    private void prologue(Label overflow) {
        b.aload(T).getfield(CD_THREAD, "depth", CD_int).iconst_1().iadd().istore(DEPTH);
        b.iload(DEPTH).aload(T).getfield(CD_THREAD, "frameRoom", CD_int).if_icmpgt(overflow);
        sp(c.maxLocals + c.maxStack + dev.uffdgc.toyvm.thread.VmThread.STACK_OVERFLOW_HEADROOM);
        b.aload(R).arraylength().if_icmpgt(overflow);
        b.aload(T).iload(DEPTH).putfield(CD_THREAD, "depth", CD_int);
        b.aload(T).getfield(CD_THREAD, "frameMethodIds", CD_int.arrayType()).iload(DEPTH).loadConstant(m.id).iastore();
        int from = m.argSlots;
        int to = c.maxLocals;
        if (to - from <= UNROLL_ZEROING) {
            for (int k = from; k < to; k++) {
                zeroR(k);
            }
        } else {
            b.aload(R);
            sp(from);
            sp(to);
            b.iconst_0().invokestatic(desc(java.util.Arrays.class), "fill",
                    MethodTypeDesc.of(CD_void, CD_int.arrayType(), CD_int, CD_int, CD_int));
        }
        b.aload(T);
        sp(c.maxLocals);
        b.putfield(CD_THREAD, "sp", CD_int);
        Label go = b.newLabel();
        b.aload(SAFEPOINTS).getfield(CD_SAFEPOINTS, "requested", CD_boolean).ifeq(go);
        supTPc(0);
        sp(c.maxLocals);
        support("poll", MethodTypeDesc.of(CD_void, CD_THREAD, CD_int, CD_int));
        b.labelBinding(go);
    }

    /**
     * A call of the VmMethod on the host stack with its arguments at slot nb: straight into its compiled code
     * when it has entry code (a direct call: no Interpreter.invoke, no counters, no synchronized/intrinsic
     * checks), otherwise through the interpreter's call path, which counts and compiles. Either way the frame
     * state is the interpreter's at a call (t.framePcs[depth] = pc, t.sp = the stack top), so the callee's
     * collections see this frame's refs, its stack traces this pc, and an exception it throws comes back to
     * this method's handler with the right pc.
     */
    private void call(int pc, int s, int nb) {
        flush(nb, s); // the arguments, where the callee's frame reads them
        b.astore(CALLEE);
        b.aload(T).getfield(CD_THREAD, "framePcs", CD_int.arrayType()).iload(DEPTH).loadConstant(pc).iastore();
        b.aload(T);
        sp(s);
        b.putfield(CD_THREAD, "sp", CD_int);
        Label slow = b.newLabel();
        Label done = b.newLabel();
        b.aload(CALLEE).getfield(CD_METHOD, "entry", CD_COMPILED).dup().astore(ENTRY_CODE).ifnull(slow);
        b.aload(ENTRY_CODE).aload(T);
        sp(nb);
        b.iconst_m1().invokevirtual(CD_COMPILED, "run", MTD_RUN).goto_(done);
        b.labelBinding(slow);
        supTPc(pc);
        sp(s);
        b.aload(CALLEE);
        sp(nb);
        support("invoke", MTD_CALL);
        b.labelBinding(done);
        reload(nb, nb + 2); // the result (a slot above it is dead)
    }

    // ---- slot addressing: k is a slot offset from base ----

    private void sp(int k) {
        b.iload(BASE);
        if (k != 0) {
            b.loadConstant(k).iadd();
        }
    }

    /**
     * Primitive slots live in host locals ({@link #PRIM0} + 2k, longs), not in the thread's prims array: the
     * host JIT keeps them in registers and needs no bounds check. Collectors never read prims (roots are refs),
     * so only code that reads or writes this frame's prims array sees them: a callee's arguments and result
     * ({@link #flush}/{@link #reload} around calls), the interpreter after a deoptimisation, an OSR entry,
     * and the out-of-line instructions that work on the frame in place.
     * pAt(k) ... storeP() is the store into slot k of the value pushed in between.
     */
    private int pendingStore = -1;

    private void pAt(int k) {
        if (pendingStore >= 0) {
            throw new IllegalStateException("nested primitive store");
        }
        pendingStore = k;
    }

    private void storeP() {
        b.lstore(prim(pendingStore));
        pendingStore = -1;
    }

    private int prim(int k) {
        if (k < 0 || k >= slots) {
            throw new IllegalStateException("slot " + k + " outside the frame (" + slots + ")");
        }
        return PRIM0 + 2 * k;
    }

    /** prims[base + k] = host local k, for k in [from, to) (clamped to the frame). */
    private void flush(int from, int to) {
        for (int k = Math.max(0, from); k < Math.min(to, slots); k++) {
            b.aload(P);
            sp(k);
            b.lload(prim(k)).lastore();
        }
    }

    /** host local k = prims[base + k], for k in [from, to) (clamped to the frame). */
    private void reload(int from, int to) {
        for (int k = Math.max(0, from); k < Math.min(to, slots); k++) {
            b.aload(P);
            sp(k);
            b.laload().lstore(prim(k));
        }
    }

    private void rAt(int k) {
        b.aload(R);
        sp(k);
    }

    private void loadP(int k) {
        b.lload(prim(k));
    }

    private void loadInt(int k) {
        loadP(k);
        b.l2i();
    }

    private void loadR(int k) {
        rAt(k);
        b.iaload();
    }

    private void zeroR(int k) {
        rAt(k);
        b.iconst_0().iastore();
    }

    private void constant(Object o) {
        int i = consts.indexOf(o);
        if (i < 0) {
            consts.add(o);
            i = consts.size() - 1;
        }
        b.aload(K).loadConstant(i).aaload();
    }

    /** sup, t, pc: the first arguments of most CompilerSupport calls. */
    private void supTPc(int pc) {
        b.aload(SUP).aload(T).loadConstant(pc);
    }

    private void support(String name, MethodTypeDesc type) {
        b.invokevirtual(CD_SUPPORT, name, type);
    }

    private void nullCheck(int pc, int k) {
        Label ok = b.newLabel();
        loadR(k);
        b.ifne(ok);
        supTPc(pc);
        support("nullPointer", MTD_GEX);
        b.athrow();
        b.labelBinding(ok);
    }

    /** Pushes the heap offset of field {@code offset} of the (null-checked) object in slot k. */
    private void fieldAddress(int k, int offset) {
        loadR(k);
        b.invokestatic(CD_LAYOUT, "offset", MethodTypeDesc.of(CD_long, CD_int)).loadConstant((long) offset).ladd();
    }

    /**
     * Pushes mem and the checked element offset of array R[k], index P[k + 1]: the null and bounds checks inline,
     * and only an access that fails them calls CompilerSupport.element, which raises the exception. The call was
     * every array access's (C1 does not inline it: too large), 3% of Richards' samples and more of array loops.
     */
    private void element(int pc, int k, int size) {
        Label slow = b.newLabel();
        Label done = b.newLabel();
        b.aload(MEM);
        loadR(k);
        b.ifeq(slow);
        loadInt(k + 1);
        b.iflt(slow);
        loadInt(k + 1);
        b.aload(MEM);
        fieldAddress(k, dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET);
        mem("getInt", GET_I);
        b.if_icmpge(slow);
        fieldAddress(k, dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET);
        loadP(k + 1);
        b.l2i().i2l().loadConstant((long) size).lmul().ladd();
        b.goto_(done);
        b.labelBinding(slow);
        supTPc(pc);
        loadR(k);
        loadInt(k + 1);
        b.loadConstant(size);
        support("element", MethodTypeDesc.of(CD_long, CD_THREAD, CD_int, CD_int, CD_int, CD_int));
        b.labelBinding(done);
    }

    private void mem(String name, MethodTypeDesc type) {
        b.invokevirtual(CD_MEM, name, type);
    }

    private static final MethodTypeDesc GET_I = MethodTypeDesc.of(CD_int, CD_long);
    private static final MethodTypeDesc GET_J = MethodTypeDesc.of(CD_long, CD_long);
    private static final MethodTypeDesc GET_B = MethodTypeDesc.of(CD_byte, CD_long);
    private static final MethodTypeDesc GET_C = MethodTypeDesc.of(CD_char, CD_long);
    private static final MethodTypeDesc GET_S = MethodTypeDesc.of(CD_short, CD_long);
    private static final MethodTypeDesc PUT_I = MethodTypeDesc.of(CD_void, CD_long, CD_int);
    private static final MethodTypeDesc PUT_J = MethodTypeDesc.of(CD_void, CD_long, CD_long);
    private static final MethodTypeDesc PUT_B = MethodTypeDesc.of(CD_void, CD_long, CD_byte);
    private static final MethodTypeDesc PUT_S = MethodTypeDesc.of(CD_void, CD_long, CD_short);
    private static final MethodTypeDesc PUT_REF = MethodTypeDesc.of(CD_void, CD_MEM, CD_long, CD_int);

    private void epilogue() {
        b.aload(T).iload(DEPTH).iconst_1().isub().putfield(CD_THREAD, "depth", CD_int);
        b.return_();
    }

    private void deopt(int pc, int s) {
        Label l = b.newLabel();
        deopts.add(new int[] {pc, s});
        deoptLabels.add(l);
        b.goto_(l);
    }

    /** Emits the instruction at pc; s = the operand-stack top before it, as a slot offset from base. */
    private void instruction(int pc, int s) {
        int op = code[pc];
        switch (op) {
            case Op.NOP, Op.POP, Op.POP2 -> { }
            case Op.ACONST_NULL -> zeroR(s);
            case Op.PCONST1 -> {
                zeroR(s);
                pAt(s);
                b.loadConstant((long) code[pc + 1]);
                storeP();
            }
            case Op.PCONST2 -> {
                zeroR(s);
                zeroR(s + 1);
                pAt(s);
                b.loadConstant(((long) code[pc + 1] << 32) | (code[pc + 2] & 0xFFFFFFFFL));
                storeP();
            }
            case Op.LDC_REF -> {
                rAt(s);
                b.aload(SUP).loadConstant(code[pc + 1]);
                support("ldc", MethodTypeDesc.of(CD_int, CD_int));
                b.iastore();
            }
            case Op.PLOAD1, Op.PLOAD2 -> {
                zeroR(s);
                if (op == Op.PLOAD2) {
                    zeroR(s + 1);
                }
                pAt(s);
                loadP(code[pc + 1]);
                storeP();
            }
            case Op.ALOAD -> {
                rAt(s);
                loadR(code[pc + 1]);
                b.iastore();
            }
            case Op.PSTORE1, Op.PSTORE2 -> {
                pAt(code[pc + 1]);
                loadP(op == Op.PSTORE1 ? s - 1 : s - 2);
                storeP();
            }
            case Op.ASTORE -> {
                rAt(code[pc + 1]);
                loadR(s - 1);
                b.iastore();
            }
            case Op.IINC -> {
                pAt(code[pc + 1]);
                loadInt(code[pc + 1]);
                b.loadConstant(code[pc + 2]).iadd().i2l();
                storeP();
            }
            case Op.IALOAD, Op.BALOAD, Op.CALOAD, Op.SALOAD -> {
                pAt(s - 2);
                int size = op == Op.IALOAD ? 4 : op == Op.BALOAD ? 1 : 2;
                element(pc, s - 2, size);
                mem(op == Op.IALOAD ? "getInt" : op == Op.BALOAD ? "getByte" : op == Op.CALOAD ? "getChar" : "getShort",
                        op == Op.IALOAD ? GET_I : op == Op.BALOAD ? GET_B : op == Op.CALOAD ? GET_C : GET_S);
                b.i2l();
                storeP();
            }
            case Op.LALOAD -> {
                pAt(s - 2);
                element(pc, s - 2, 8);
                mem("getLong", GET_J);
                storeP();
            }
            case Op.AALOAD -> {
                rAt(s - 2);
                element(pc, s - 2, 4);
                mem("getInt", GET_I);
                b.iastore();
            }
            case Op.IASTORE, Op.BASTORE, Op.CASTORE -> {
                int size = op == Op.IASTORE ? 4 : op == Op.BASTORE ? 1 : 2;
                element(pc, s - 3, size);
                loadInt(s - 1);
                if (op == Op.IASTORE) {
                    mem("putInt", PUT_I);
                } else if (op == Op.BASTORE) {
                    b.i2b();
                    mem("putByte", PUT_B);
                } else {
                    b.i2s();
                    mem("putShort", PUT_S);
                }
            }
            case Op.LASTORE -> {
                element(pc, s - 4, 8);
                loadP(s - 2);
                mem("putLong", PUT_J);
            }
            case Op.AASTORE -> {
                supTPc(pc);
                sp(s);
                loadR(s - 3);
                loadInt(s - 2);
                loadR(s - 1);
                support("aastore", MethodTypeDesc.of(CD_void, CD_THREAD, CD_int, CD_int, CD_int, CD_int, CD_int));
            }
            case Op.DUP -> move(s - 1, s);
            case Op.DUP2 -> {
                move(s - 2, s);
                move(s - 1, s + 1);
            }
            case Op.DUP_X1, Op.DUP_X2, Op.DUP2_X1, Op.DUP2_X2, Op.SWAP -> {
                int low = Math.max(c.maxLocals, s - 4); // the deepest slot dup2_x2 touches
                flush(low, s);
                b.loadConstant(op).aload(P).aload(R);
                sp(s);
                b.invokestatic(CD_SUPPORT, "stackOp", MethodTypeDesc.of(CD_void, CD_int, CD_long.arrayType(), CD_int.arrayType(), CD_int));
                reload(low, s + 2);
            }
            case Op.IFEQ, Op.IFNE, Op.IFLT, Op.IFGE, Op.IFGT, Op.IFLE -> {
                loadInt(s - 1);
                b.branch(Opcode.valueOf(Op.NAME[op]), labels[code[pc + 1]]);
            }
            case Op.IF_ICMPEQ, Op.IF_ICMPNE, Op.IF_ICMPLT, Op.IF_ICMPGE, Op.IF_ICMPGT, Op.IF_ICMPLE -> {
                loadInt(s - 2);
                loadInt(s - 1);
                b.branch(Opcode.valueOf(Op.NAME[op]), labels[code[pc + 1]]);
            }
            case Op.IF_ACMPEQ, Op.IF_ACMPNE -> {
                loadR(s - 2);
                loadR(s - 1);
                b.branch(op == Op.IF_ACMPEQ ? Opcode.IF_ICMPEQ : Opcode.IF_ICMPNE, labels[code[pc + 1]]);
            }
            case Op.IFNULL, Op.IFNONNULL -> {
                loadR(s - 1);
                b.branch(op == Op.IFNULL ? Opcode.IFEQ : Opcode.IFNE, labels[code[pc + 1]]);
            }
            case Op.GOTO -> b.goto_(labels[code[pc + 1]]);
            case Op.GOTO_POLL -> {
                Label go = labels[code[pc + 1]];
                b.aload(SAFEPOINTS).getfield(CD_SAFEPOINTS, "requested", CD_boolean).ifeq(go);
                supTPc(pc);
                sp(s);
                support("poll", MethodTypeDesc.of(CD_void, CD_THREAD, CD_int, CD_int));
                b.goto_(go);
            }
            case Op.TABLESWITCH -> {
                loadInt(s - 1);
                int low = code[pc + 2];
                int high = code[pc + 3];
                List<SwitchCase> cases = new ArrayList<>();
                for (int k = low; k <= high; k++) {
                    cases.add(SwitchCase.of(k, labels[code[pc + 4 + k - low]]));
                }
                b.tableswitch(low, high, labels[code[pc + 1]], cases);
            }
            case Op.LOOKUPSWITCH -> {
                loadInt(s - 1);
                List<SwitchCase> cases = new ArrayList<>();
                for (int i = 0, n = code[pc + 2]; i < n; i++) {
                    cases.add(SwitchCase.of(code[pc + 3 + 2 * i], labels[code[pc + 4 + 2 * i]]));
                }
                b.lookupswitch(labels[code[pc + 1]], cases);
            }
            case Op.IRETURN, Op.LRETURN -> {
                b.aload(P);
                sp(0);
                loadP(op == Op.IRETURN ? s - 1 : s - 2);
                b.lastore();
                epilogue();
            }
            case Op.ARETURN -> {
                rAt(0);
                loadR(s - 1);
                b.iastore();
                epilogue();
            }
            case Op.RETURN -> epilogue();
            case Op.GETSTATIC_A -> {
                rAt(s);
                b.aload(SUP).getfield(CD_SUPPORT, "staticRefs", CD_int.arrayType()).loadConstant(code[pc + 1]).iaload();
                b.iastore();
            }
            case Op.GETSTATIC_1, Op.GETSTATIC_2 -> {
                zeroR(s);
                if (op == Op.GETSTATIC_2) {
                    zeroR(s + 1);
                }
                pAt(s);
                b.aload(SUP).getfield(CD_SUPPORT, "staticPrims", CD_long.arrayType()).loadConstant(code[pc + 1]).laload();
                storeP();
            }
            case Op.PUTSTATIC_1, Op.PUTSTATIC_2 -> {
                b.aload(SUP).getfield(CD_SUPPORT, "staticPrims", CD_long.arrayType()).loadConstant(code[pc + 1]);
                loadP(op == Op.PUTSTATIC_1 ? s - 1 : s - 2);
                b.lastore();
            }
            case Op.PUTSTATIC_A -> {
                b.aload(SUP).getfield(CD_SUPPORT, "staticRefs", CD_int.arrayType()).loadConstant(code[pc + 1]);
                loadR(s - 1);
                b.iastore();
            }
            case Op.GETFIELD_I, Op.GETFIELD_B, Op.GETFIELD_C, Op.GETFIELD_S, Op.GETFIELD_J -> {
                nullCheck(pc, s - 1);
                pAt(s - 1);
                b.aload(MEM);
                fieldAddress(s - 1, code[pc + 1]);
                switch (op) {
                    case Op.GETFIELD_I -> mem("getInt", GET_I);
                    case Op.GETFIELD_B -> mem("getByte", GET_B);
                    case Op.GETFIELD_C -> mem("getChar", GET_C);
                    case Op.GETFIELD_S -> mem("getShort", GET_S);
                    default -> mem("getLong", GET_J);
                }
                if (op != Op.GETFIELD_J) {
                    b.i2l();
                }
                storeP();
                if (op == Op.GETFIELD_J) {
                    zeroR(s);
                }
            }
            case Op.GETFIELD_A -> {
                nullCheck(pc, s - 1);
                rAt(s - 1);
                b.aload(MEM);
                fieldAddress(s - 1, code[pc + 1]);
                mem("getInt", GET_I);
                b.iastore();
            }
            case Op.PUTFIELD_I, Op.PUTFIELD_B, Op.PUTFIELD_Z, Op.PUTFIELD_S -> {
                nullCheck(pc, s - 2);
                b.aload(MEM);
                fieldAddress(s - 2, code[pc + 1]);
                loadInt(s - 1);
                switch (op) {
                    case Op.PUTFIELD_I -> mem("putInt", PUT_I);
                    case Op.PUTFIELD_B -> {
                        b.i2b();
                        mem("putByte", PUT_B);
                    }
                    case Op.PUTFIELD_Z -> {
                        b.iconst_1().iand().i2b();
                        mem("putByte", PUT_B);
                    }
                    default -> {
                        b.i2s();
                        mem("putShort", PUT_S);
                    }
                }
            }
            case Op.PUTFIELD_J -> {
                nullCheck(pc, s - 3);
                b.aload(MEM);
                fieldAddress(s - 3, code[pc + 1]);
                loadP(s - 2);
                mem("putLong", PUT_J);
            }
            case Op.PUTFIELD_A -> {
                nullCheck(pc, s - 2);
                b.aload(MEM);
                fieldAddress(s - 2, code[pc + 1]);
                loadR(s - 1);
                b.invokestatic(CD_BARRIER, "putRef", PUT_REF);
            }
            case Op.INVOKE_STATIC, Op.INVOKE_DIRECT -> {
                VmMethod callee = (VmMethod) pool[code[pc + 1]];
                int nb = s - callee.argSlots;
                if (op == Op.INVOKE_STATIC && hostMath(callee, nb)) {
                    return;
                }
                if (op == Op.INVOKE_DIRECT) {
                    nullCheck(pc, nb);
                }
                if (doesNothing(callee, 0)) {
                    return; // its arguments are dead slots now; it returns nothing
                }
                constant(callee);
                b.checkcast(CD_METHOD);
                call(pc, s, nb);
            }
            case Op.INVOKE_VIRTUAL -> {
                int nb = s - code[pc + 2];
                nullCheck(pc, nb);
                b.aload(SUP);
                loadR(nb);
                b.loadConstant(code[pc + 1]);
                support("virtualTarget", MethodTypeDesc.of(CD_METHOD, CD_int, CD_int));
                call(pc, s, nb);
            }
            case Op.INVOKE_INTERFACE -> {
                int nb = s - code[pc + 2];
                nullCheck(pc, nb);
                supTPc(pc);
                sp(s);
                constant(pool[code[pc + 1]]);
                loadR(nb);
                support("interfaceTarget", MethodTypeDesc.of(CD_METHOD, CD_THREAD, CD_int, CD_int, CD_Object, CD_int));
                call(pc, s, nb);
            }
            case Op.INVOKEDYNAMIC -> {
                flush(c.maxLocals, s);
                b.aload(SUP).aload(T).aload(THIS).getfield(CD_BASE, "code", CD_CODE).loadConstant(pc);
                sp(s);
                support("invokedynamic", MethodTypeDesc.of(CD_void, CD_THREAD, CD_CODE, CD_int, CD_int));
                reload(c.maxLocals, s + 2);
            }
            case Op.NEW -> {
                Label done = b.newLabel();
                newInTlab((dev.uffdgc.toyvm.classfile.VmClass) pool[code[pc + 1]], s, done);
                rAt(s);
                supTPc(pc);
                sp(s);
                constant(pool[code[pc + 1]]);
                support("newInstance", MethodTypeDesc.of(CD_int, CD_THREAD, CD_int, CD_int, CD_Object));
                b.iastore();
                b.labelBinding(done);
            }
            case Op.NEWARRAY -> {
                Label done = b.newLabel();
                newArrayInTlab((dev.uffdgc.toyvm.classfile.VmClass) pool[code[pc + 1]], s, done);
                rAt(s - 1);
                supTPc(pc);
                sp(s);
                constant(pool[code[pc + 1]]);
                loadInt(s - 1);
                support("newArray", MethodTypeDesc.of(CD_int, CD_THREAD, CD_int, CD_int, CD_Object, CD_int));
                b.iastore();
                b.labelBinding(done);
            }
            case Op.ARRAYLENGTH -> {
                nullCheck(pc, s - 1);
                pAt(s - 1);
                b.aload(MEM);
                fieldAddress(s - 1, dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET);
                mem("getInt", GET_I);
                b.i2l();
                storeP();
            }
            case Op.ATHROW -> {
                supTPc(pc);
                loadR(s - 1);
                support("athrow", MethodTypeDesc.of(CD_GUEST_EXCEPTION, CD_THREAD, CD_int, CD_int));
                b.athrow();
            }
            case Op.CHECKCAST -> {
                supTPc(pc);
                sp(s);
                loadR(s - 1);
                constant(pool[code[pc + 1]]);
                support("checkcast", MethodTypeDesc.of(CD_void, CD_THREAD, CD_int, CD_int, CD_int, CD_Object));
            }
            case Op.INSTANCEOF -> {
                pAt(s - 1);
                b.aload(SUP);
                loadR(s - 1);
                constant(pool[code[pc + 1]]);
                support("instanceOf", MethodTypeDesc.of(CD_long, CD_int, CD_Object));
                storeP();
            }
            case Op.MONITORENTER, Op.MONITOREXIT, Op.VOLATILE_FIELD, Op.MULTIANEWARRAY -> {
                flush(c.maxLocals, s); // they work on the operand stack in place
                b.aload(SUP).aload(T).aload(THIS).getfield(CD_BASE, "code", CD_CODE).loadConstant(pc);
                sp(s);
                support("outOfLine", MethodTypeDesc.of(CD_void, CD_THREAD, CD_CODE, CD_int, CD_int));
                reload(c.maxLocals, s + 2);
            }
            case Op.IDIV, Op.IREM, Op.LDIV, Op.LREM -> {
                boolean isLong = op == Op.LDIV || op == Op.LREM;
                Label ok = b.newLabel();
                if (isLong) {
                    loadP(s - 2);
                    b.lconst_0().lcmp();
                } else {
                    loadInt(s - 1);
                }
                b.ifne(ok);
                supTPc(pc);
                sp(s);
                support("divideByZero", MethodTypeDesc.of(CD_GUEST_EXCEPTION, CD_THREAD, CD_int, CD_int));
                b.athrow();
                b.labelBinding(ok);
                arithmetic(op, s);
            }
            default -> {
                if (op >= Op.IADD && op <= Op.DCMPG) {
                    arithmetic(op, s);
                } else {
                    deopt(pc, s); // not resolved yet (*_UNRES, LDC_UNRES), or not translated
                }
            }
        }
    }

    /**
     * A floating-point native of java.lang.Math/StrictMath (sqrt, sin, pow, floor...) is bound by HostMirror to the
     * host method of the same name and descriptor; compiled code calls that host method directly on the unpacked
     * slot values: the same function, so the same bits, without HostMirror's generic path (a spreader method
     * handle, boxing, an argument array: measured ~25% of NBody's compiled time). Only functions of D/F/I
     * arguments returning D or F, which cannot throw, touch no guest state and so need no frame state; not
     * random(), which has state. Returns false (emits nothing) for anything else.
     */
    private boolean hostMath(VmMethod callee, int nb) {
        String owner = callee.owner.name;
        if (!callee.isNative() || !(owner.equals("java/lang/Math") || owner.equals("java/lang/StrictMath"))
                || callee.name.equals("random") || callee.intrinsic == null) {
            return false;
        }
        MethodTypeDesc type = MethodTypeDesc.ofDescriptor(callee.descriptor);
        char ret = type.returnType().descriptorString().charAt(0);
        if (ret != 'D' && ret != 'F') {
            return false;
        }
        Class<?>[] params = new Class<?>[type.parameterCount()];
        for (int i = 0; i < params.length; i++) {
            char p = type.parameterType(i).descriptorString().charAt(0);
            if (p != 'D' && p != 'F' && p != 'I') {
                return false;
            }
            params[i] = p == 'D' ? double.class : p == 'F' ? float.class : int.class;
        }
        Class<?> host = owner.equals("java/lang/Math") ? Math.class : StrictMath.class;
        try {
            java.lang.reflect.Method hm = host.getMethod(callee.name, params);
            if (hm.getReturnType() != (ret == 'D' ? double.class : float.class)
                    || !java.lang.reflect.Modifier.isStatic(hm.getModifiers())) {
                return false;
            }
        } catch (NoSuchMethodException e) {
            return false;
        }
        pAt(nb);
        int k = nb;
        for (int i = 0; i < params.length; i++) {
            char p = type.parameterType(i).descriptorString().charAt(0);
            loadTyped(p, k);
            k += size(p);
        }
        b.invokestatic(desc(host), callee.name, type);
        toBits(ret);
        storeP();
        zeroR(nb);
        if (ret == 'D') {
            zeroR(nb + 1);
        }
        return true;
    }

    /**
     * The allocation fast path of {@code new}, inline: the TLAB bump of {@code Alloc.allocate} and the header
     * store and release fence of {@code Alloc.instance}, the same steps in the same order, and a jump to
     * {@code done}; when the TLAB has no room (or the object is large), it falls through to the call of
     * {@code CompilerSupport.newInstance} the caller emits next, which polls, refills (Heap.onSlowPath, the
     * agent's allocation hook, runs there as before) and may collect. The fast path neither polls nor collects,
     * so it needs no frame state; the class was initialised when the instruction was quickened (NEW_UNRES
     * deoptimises). Measured: the call chain newInstance -> Alloc.instance -> allocate was ~13% of binary
     * trees' samples.
     */
    private void newInTlab(dev.uffdgc.toyvm.classfile.VmClass k, int s, Label done) {
        long size = k.instanceSize;
        if (size >= dev.uffdgc.toyvm.heap.ObjectLayout.LARGE_OBJECT_BYTES) {
            return;
        }
        Label slow = b.newLabel();
        b.aload(T).getfield(CD_MUTATOR, "tlabTop", CD_long).lstore(NEW_AT);
        b.lload(NEW_AT).loadConstant(size).ladd().aload(T).getfield(CD_MUTATOR, "tlabEnd", CD_long).lcmp().ifgt(slow);
        b.aload(T).lload(NEW_AT).loadConstant(size).ladd().putfield(CD_MUTATOR, "tlabTop", CD_long);
        b.aload(MEM).lload(NEW_AT).loadConstant((long) dev.uffdgc.toyvm.heap.ObjectLayout.CLASS_ID_OFFSET).ladd()
                .loadConstant(k.id);
        mem("putInt", PUT_I);
        b.invokestatic(CD_MEM, "releaseFence", MethodTypeDesc.of(CD_void));
        rAt(s);
        b.lload(NEW_AT).invokestatic(CD_LAYOUT, "ref", MethodTypeDesc.of(CD_int, CD_long)).iastore(); // offset -> reference
        b.goto_(done);
        b.labelBinding(slow);
    }

    /**
     * {@code newarray}/{@code anewarray}'s fast path, as {@link #newInTlab}: a length that is not negative and an
     * array under {@code LARGE_OBJECT_BYTES} bumped in the TLAB, class id and length stored, the release fence of
     * {@code Alloc.array}; anything else (a refill, a large array, a negative length, which the runtime raises)
     * falls through to the {@code CompilerSupport.newArray} call emitted next.
     */
    private void newArrayInTlab(dev.uffdgc.toyvm.classfile.VmClass k, int s, Label done) {
        Label slow = b.newLabel();
        loadInt(s - 1);
        b.iflt(slow);
        // size = align(ARRAY_BASE_OFFSET + length * elemSize), as ObjectLayout.arraySize
        loadP(s - 1);
        b.l2i().i2l().loadConstant((long) k.elemSize).lmul()
                .loadConstant((long) dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET + dev.uffdgc.toyvm.heap.ObjectLayout.ALIGNMENT - 1).ladd()
                .loadConstant((long) -dev.uffdgc.toyvm.heap.ObjectLayout.ALIGNMENT).land().lstore(NEW_SIZE);
        b.lload(NEW_SIZE).loadConstant(dev.uffdgc.toyvm.heap.ObjectLayout.LARGE_OBJECT_BYTES).lcmp().ifge(slow);
        b.aload(T).getfield(CD_MUTATOR, "tlabTop", CD_long).lstore(NEW_AT);
        b.lload(NEW_AT).lload(NEW_SIZE).ladd().aload(T).getfield(CD_MUTATOR, "tlabEnd", CD_long).lcmp().ifgt(slow);
        b.aload(T).lload(NEW_AT).lload(NEW_SIZE).ladd().putfield(CD_MUTATOR, "tlabTop", CD_long);
        b.aload(MEM).lload(NEW_AT).loadConstant((long) dev.uffdgc.toyvm.heap.ObjectLayout.CLASS_ID_OFFSET).ladd()
                .loadConstant(k.id);
        mem("putInt", PUT_I);
        b.aload(MEM).lload(NEW_AT).loadConstant((long) dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET).ladd();
        loadInt(s - 1);
        mem("putInt", PUT_I);
        b.invokestatic(CD_MEM, "releaseFence", MethodTypeDesc.of(CD_void));
        rAt(s - 1);
        b.lload(NEW_AT).invokestatic(CD_LAYOUT, "ref", MethodTypeDesc.of(CD_int, CD_long)).iastore(); // offset -> reference
        b.goto_(done);
        b.labelBinding(slow);
    }

    /**
     * Whether a call of {@code callee} (static or direct, already null-checked) has no effect to keep: its body is
     * {@code return}, or calls of such methods on {@code this} and then {@code return} — Object's constructor, and
     * so Record's and every constructor that only calls its super's. Compiled callers emit nothing for it (as the
     * host JIT inlines an empty method); what they skip is the callee's frame check and entry poll, which a
     * method without a loop need not take. Measured: Object.<init> was ~5% of binary trees' samples, one call per
     * node. Not for a synchronized, native or intrinsic callee, nor one whose code is not decoded yet.
     */
    private static boolean doesNothing(VmMethod callee, int depth) {
        Code cc = callee.code;
        if (depth > 4 || cc == null || callee.synchronizedMethod || callee.intrinsic != null || callee.isNative()) {
            return false;
        }
        int[] code = cc.code;
        int pc = 0;
        while (code[pc] == Op.ALOAD && code[pc + 1] == 0 && !callee.isStatic()) {
            int call = pc + StackDepths.length(code, pc);
            if (code[call] != Op.INVOKE_DIRECT || !(cc.pool[code[call + 1]] instanceof VmMethod next)
                    || next.argSlots != 1 || !doesNothing(next, depth + 1)) {
                return false;
            }
            pc = call + StackDepths.length(code, call);
        }
        return code[pc] == Op.RETURN;
    }

    private void move(int from, int to) {
        pAt(to);
        loadP(from);
        storeP();
        rAt(to);
        loadR(from);
        b.iastore();
    }

    private static int size(char type) {
        return type == 'L' || type == 'D' ? 2 : 1;
    }

    /** Arithmetic, comparisons and conversions: the host instruction of the same name on unpacked slot values. */
    private void arithmetic(int op, int s) {
        String name = Op.NAME[op];
        char[] in;
        char out;
        char t0 = typeOf(name.charAt(0));
        if (name.length() == 3 && name.charAt(1) == '2') {
            in = new char[] {t0};
            out = typeOf(name.charAt(2));
        } else if (name.equals("LCMP") || name.startsWith("FCMP") || name.startsWith("DCMP")) {
            in = new char[] {t0, t0};
            out = 'I';
        } else if (name.endsWith("NEG")) {
            in = new char[] {t0};
            out = t0;
        } else if (name.endsWith("SHL") || name.endsWith("SHR")) {
            in = new char[] {t0, 'I'};
            out = t0;
        } else {
            in = new char[] {t0, t0};
            out = t0;
        }
        int inSlots = 0;
        for (char ch : in) {
            inSlots += size(ch);
        }
        int at = s - inSlots;
        pAt(at);
        int k = at;
        for (char ch : in) {
            loadTyped(ch, k);
            k += size(ch);
        }
        Opcode host = Opcode.valueOf(name);
        if (in.length == 1 && name.charAt(1) == '2') {
            b.with(ConvertInstruction.of(host));
        } else {
            b.with(OperatorInstruction.of(host));
        }
        toBits(out);
        storeP();
        for (int j = Math.max(s, at); j < at + size(out); j++) {
            zeroR(j);
        }
    }

    private static char typeOf(char c) {
        return c == 'B' || c == 'C' || c == 'S' ? 'I' : c;
    }

    private void loadTyped(char type, int k) {
        loadP(k);
        switch (type) {
            case 'I' -> b.l2i();
            case 'F' -> b.l2i().invokestatic(CD_Float, "intBitsToFloat", MethodTypeDesc.of(CD_float, CD_int));
            case 'D' -> b.invokestatic(CD_Double, "longBitsToDouble", MethodTypeDesc.of(CD_double, CD_long));
            default -> { }
        }
    }

    private void toBits(char type) {
        switch (type) {
            case 'I' -> b.i2l();
            case 'F' -> b.invokestatic(CD_Float, "floatToRawIntBits", MethodTypeDesc.of(CD_int, CD_float)).i2l();
            case 'D' -> b.invokestatic(CD_Double, "doubleToRawLongBits", MethodTypeDesc.of(CD_long, CD_double));
            default -> { }
        }
    }
}
