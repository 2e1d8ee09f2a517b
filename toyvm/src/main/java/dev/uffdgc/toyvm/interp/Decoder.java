package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.classfile.LinkageException;
import dev.uffdgc.toyvm.classfile.VmMethod;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a method's bytecode (as java.lang.classfile models it) into {@link Code}: typed loads and stores split
 * into primitive/reference forms, constant-pool operands moved to a side pool for lazy resolution, labels
 * turned into absolute instruction indices.
 */
public final class Decoder {
    private final IntList out = new IntList();
    private final List<Object> pool = new ArrayList<>();
    private final Map<Label, Integer> labels = new IdentityHashMap<>();
    private final Map<Integer, Label> fixups = new HashMap<>();
    private final IntList lines = new IntList();
    /** (operand index, backward target) of conditional backward branches, patched to trampolines. */
    private final List<int[]> trampolines = new ArrayList<>();

    public static Code decode(VmMethod m) {
        CodeModel cm = m.model.code().orElseThrow(() -> new LinkageException("java/lang/AbstractMethodError", m.toString()));
        return new Decoder().run(cm, m);
    }

    private Code run(CodeModel cm, VmMethod m) {
        for (CodeElement e : cm) {
            switch (e) {
                case LabelTarget lt -> labels.put(lt.label(), out.size);
                case LineNumber ln -> {
                    lines.add(out.size);
                    lines.add(ln.line());
                }
                case Instruction ins -> {
                    source(out.size, ins);
                    bcis.add(out.size);
                    bcis.add(bci);
                    bci += ins.sizeInBytes();
                    emit(ins, m);
                }
                default -> { }
            }
        }
        for (var f : fixups.entrySet()) {
            out.data[f.getKey()] = target(f.getValue());
        }
        emitTrampolines();
        IntList handlers = new IntList();
        for (ExceptionCatch ec : cm.exceptionHandlers()) {
            handlers.add(target(ec.tryStart()));
            handlers.add(target(ec.tryEnd()));
            handlers.add(target(ec.handler()));
            handlers.add(ec.catchType().map(this::poolIndex).orElse(-1));
        }
        var attr = (java.lang.classfile.attribute.CodeAttribute) cm;
        int maxLocals = attr.maxLocals();
        int maxStack = attr.maxStack();
        Code code = new Code(out.toArray(), pool.toArray(), maxLocals, maxStack, handlers.toArray(), lines.toArray());
        code.sources = java.util.Arrays.copyOf(sources, out.size);
        code.bcis = bcis.toArray();
        return code;
    }

    private Instruction[] sources = new Instruction[64];
    /** (decoded pc, bci) of every instruction, for the JDK's helpful NullPointerException messages. */
    private final IntList bcis = new IntList();
    private int bci;

    private void source(int pc, Instruction ins) {
        if (pc >= sources.length) {
            sources = java.util.Arrays.copyOf(sources, Math.max(pc + 1, sources.length * 2));
        }
        sources[pc] = ins;
    }

    private int target(Label l) {
        Integer t = labels.get(l);
        if (t == null) {
            throw new IllegalStateException("unbound label");
        }
        return t;
    }

    private int poolIndex(Object o) {
        pool.add(o);
        return pool.size() - 1;
    }

    private void op(int op, int... operands) {
        out.add(op);
        for (int x : operands) {
            out.add(x);
        }
    }

    /**
     * Backward branches are safepoint polls: a backward goto becomes GOTO_POLL; a backward conditional branch
     * jumps to a GOTO_POLL trampoline appended after the method's code (so no pc shifts).
     */
    private void branch(int op, Label l) {
        boolean backward = labels.containsKey(l);
        if (backward && op == Op.GOTO) {
            op = Op.GOTO_POLL;
        }
        out.add(op);
        if (backward && op != Op.GOTO_POLL) {
            trampolines.add(new int[] {out.size, labels.get(l)});
            out.add(-1);
            return;
        }
        fixups.put(out.size, l);
        out.add(-1);
    }

    private void emitTrampolines() {
        for (int[] tr : trampolines) {
            out.data[tr[0]] = out.size;
            out.add(Op.GOTO_POLL);
            out.add(tr[1]);
        }
    }

    private static boolean isRef(TypeKind k) {
        return k == TypeKind.REFERENCE;
    }

    private void emit(Instruction ins, VmMethod m) {
        switch (ins) {
            case LoadInstruction li -> op(isRef(li.typeKind()) ? Op.ALOAD : li.typeKind().slotSize() == 2 ? Op.PLOAD2 : Op.PLOAD1, li.slot());
            case StoreInstruction si -> op(isRef(si.typeKind()) ? Op.ASTORE : si.typeKind().slotSize() == 2 ? Op.PSTORE2 : Op.PSTORE1, si.slot());
            case IncrementInstruction ii -> op(Op.IINC, ii.slot(), ii.constant());
            case ConstantInstruction ci -> constant(ci);
            case ArrayLoadInstruction al -> op(switch (al.typeKind()) {
                case INT, FLOAT -> Op.IALOAD;
                case LONG, DOUBLE -> Op.LALOAD;
                case BYTE, BOOLEAN -> Op.BALOAD;
                case CHAR -> Op.CALOAD;
                case SHORT -> Op.SALOAD;
                default -> Op.AALOAD;
            });
            case ArrayStoreInstruction as -> op(switch (as.typeKind()) {
                case INT, FLOAT -> Op.IASTORE;
                case LONG, DOUBLE -> Op.LASTORE;
                case BYTE, BOOLEAN -> Op.BASTORE;
                case CHAR, SHORT -> Op.CASTORE;
                default -> Op.AASTORE;
            });
            case BranchInstruction bi -> branch(Op.valueOf(bi.opcode().name().replace("GOTO_W", "GOTO")), bi.target());
            case TableSwitchInstruction ts -> tableSwitch(ts);
            case LookupSwitchInstruction ls -> lookupSwitch(ls);
            case ReturnInstruction ri -> op(switch (ri.typeKind()) {
                case VOID -> Op.RETURN;
                case REFERENCE -> Op.ARETURN;
                case LONG, DOUBLE -> Op.LRETURN;
                default -> Op.IRETURN;
            });
            case FieldInstruction fi -> op(switch (fi.opcode()) {
                case GETSTATIC -> Op.GETSTATIC_UNRES;
                case PUTSTATIC -> Op.PUTSTATIC_UNRES;
                case GETFIELD -> Op.GETFIELD_UNRES;
                default -> Op.PUTFIELD_UNRES;
            }, poolIndex(fi.field()));
            case InvokeInstruction ii -> op(switch (ii.opcode()) {
                case INVOKEVIRTUAL -> Op.INVOKEVIRTUAL_UNRES;
                case INVOKESPECIAL -> Op.INVOKESPECIAL_UNRES;
                case INVOKESTATIC -> Op.INVOKESTATIC_UNRES;
                default -> Op.INVOKEINTERFACE_UNRES;
            }, poolIndex(ii.method()), 0);
            case InvokeDynamicInstruction id -> op(Op.INVOKEDYNAMIC, poolIndex(id.invokedynamic()), 0);
            case NewObjectInstruction no -> op(Op.NEW_UNRES, poolIndex(no.className().asInternalName()));
            case NewPrimitiveArrayInstruction na -> op(Op.NEWARRAY_UNRES, poolIndex("[" + na.typeKind().upperBound().descriptorString()));
            case NewReferenceArrayInstruction na -> op(Op.NEWARRAY_UNRES, poolIndex(arrayOf(na.componentType().asInternalName())));
            case NewMultiArrayInstruction nm -> op(Op.MULTIANEWARRAY, poolIndex(nm.arrayType().asInternalName()), nm.dimensions());
            case TypeCheckInstruction tc -> op(tc.opcode() == java.lang.classfile.Opcode.CHECKCAST ? Op.CHECKCAST_UNRES : Op.INSTANCEOF_UNRES,
                    poolIndex(tc.type().asInternalName()));
            case ThrowInstruction t -> op(Op.ATHROW);
            case MonitorInstruction mi -> op(mi.opcode() == java.lang.classfile.Opcode.MONITORENTER ? Op.MONITORENTER : Op.MONITOREXIT);
            case NopInstruction n -> op(Op.NOP);
            case StackInstruction si -> op(Op.valueOf(si.opcode().name()));
            case OperatorInstruction oi -> op(Op.valueOf(oi.opcode().name()));
            case ConvertInstruction ci -> op(Op.valueOf(ci.opcode().name()));
            default -> throw new LinkageException("java/lang/VerifyError",
                    "toyvm: unsupported bytecode " + ins.opcode() + " in " + m);
        }
    }

    private static String arrayOf(String component) {
        return component.startsWith("[") ? "[" + component : "[L" + component + ";";
    }

    private void constant(ConstantInstruction ci) {
        if (ci.opcode() == java.lang.classfile.Opcode.ACONST_NULL) {
            op(Op.ACONST_NULL);
            return;
        }
        Object v = ci.constantValue();
        switch (v) {
            case null -> op(Op.ACONST_NULL);
            case Integer i -> op(Op.PCONST1, i);
            case Float f -> op(Op.PCONST1, Float.floatToRawIntBits(f));
            case Long l -> op(Op.PCONST2, (int) (l >>> 32), (int) (long) l);
            case Double d -> {
                long bits = Double.doubleToRawLongBits(d);
                op(Op.PCONST2, (int) (bits >>> 32), (int) bits);
            }
            default -> op(Op.LDC_UNRES, poolIndex(((ConstantInstruction.LoadConstantInstruction) ci).constantEntry()));
        }
    }

    private void tableSwitch(TableSwitchInstruction ts) {
        int low = ts.lowValue();
        int high = ts.highValue();
        out.add(Op.TABLESWITCH);
        fixups.put(out.size, ts.defaultTarget());
        out.add(-1);
        out.add(low);
        out.add(high);
        Map<Integer, Label> cases = new HashMap<>();
        for (SwitchCase c : ts.cases()) {
            cases.put(c.caseValue(), c.target());
        }
        for (long k = low; k <= high; k++) {
            fixups.put(out.size, cases.getOrDefault((int) k, ts.defaultTarget()));
            out.add(-1);
        }
    }

    private void lookupSwitch(LookupSwitchInstruction ls) {
        out.add(Op.LOOKUPSWITCH);
        fixups.put(out.size, ls.defaultTarget());
        out.add(-1);
        List<SwitchCase> cases = new ArrayList<>(ls.cases());
        cases.sort((a, b) -> Integer.compare(a.caseValue(), b.caseValue()));
        out.add(cases.size());
        for (SwitchCase c : cases) {
            out.add(c.caseValue());
            fixups.put(out.size, c.target());
            out.add(-1);
        }
    }

    /** A growable int array. */
    static final class IntList {
        int[] data = new int[64];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
