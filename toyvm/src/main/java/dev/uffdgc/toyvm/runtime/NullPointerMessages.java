package dev.uffdgc.toyvm.runtime;

import java.lang.classfile.Attributes;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.attribute.LocalVariableInfo;
import java.lang.classfile.attribute.LocalVariableTableAttribute;
import java.lang.classfile.constantpool.ConstantDynamicEntry;
import java.lang.classfile.constantpool.MethodHandleEntry;
import java.lang.classfile.constantpool.MethodTypeEntry;
import java.lang.classfile.instruction.*;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.List;

/**
 * Helpful NullPointerException messages (JEP 358), as HotSpot words them: the JDK's NullPointerException asks its
 * native getExtendedNPEMessage() when getMessage() is first called, and HotSpot answers from the bytecode at the
 * top frame's bci (interpreter/bytecodeUtils.cpp). The same algorithm here, over java.lang.classfile's model:
 * a simulation of the operand stack that records, for every slot, the bci of the instruction that pushed it
 * (forgotten where two paths that pushed it differently meet); then the failed action is named from the
 * instruction at the bci ("Cannot read field \"next\""), and what was null from the instruction that pushed the
 * null slot, followed back through field reads and array loads up to five levels ("because \"a.b[i]\" is null").
 * Locals are named from the LocalVariableTable (javac -g); without it, "&lt;local4&gt;", or "&lt;parameter2&gt;"
 * and "this" for slots no path has written yet. HotSpot's quirks are kept, since the output must be the same:
 * the linear passes stop when the bci is first reached with a stack, switches also flow to the next
 * instruction, iinc does not count as a write, sipush prints unsigned, and "java.lang." is cut off any parameter
 * type starting with "java.lang.Object" or "java.lang.String" (so "StringBuilder" too).
 */
public final class NullPointerMessages {
    private static final int INVALID = -1;
    /** Explicitly constructed ({@code new NullPointerException()}: an invokespecial of an init). */
    private static final int EXPLICIT = -2;
    private static final int MAX_CAUSE_DETAIL = 5;
    /** HotSpot's bound on the analysis (stack entries over all bcis), for giant methods. */
    private static final int MAX_ENTRIES = 1_000_000;

    private final MethodModel method;
    private final boolean isStatic;
    private final CodeAttribute code;
    /** The instruction starting at each bci, or null. */
    private final Instruction[] at;
    /** The simulated stack before each bci, or null where no path has reached yet. */
    private final Stack[] stacks;
    private int entries;
    private boolean addedOne = true;
    private boolean allProcessed;

    private NullPointerMessages(MethodModel method, boolean isStatic, CodeAttribute code) {
        this.method = method;
        this.isStatic = isStatic;
        this.code = code;
        int len = code.codeLength();
        at = new Instruction[len + 1];
        stacks = new Stack[len + 1];
        int bci = 0;
        for (var e : code) {
            if (e instanceof Instruction ins) {
                at[bci] = ins;
                bci += ins.sizeInBytes();
            }
        }
    }

    /**
     * The message of a NullPointerException raised at {@code bci} of {@code method}, or null where HotSpot gives
     * none (an explicitly constructed one, or an instruction that cannot throw it).
     */
    public static String message(MethodModel method, boolean isStatic, int bci) {
        CodeAttribute code = (CodeAttribute) method.code().orElse(null);
        if (code == null || bci < 0 || bci >= code.codeLength()) {
            return null;
        }
        NullPointerMessages b = new NullPointerMessages(method, isStatic, code);
        if (b.at[bci] == null) {
            return null;
        }
        int slot = b.nullSlot(bci);
        if (slot < 0) {
            return null;
        }
        b.analyse(bci);
        StringBuilder sb = new StringBuilder();
        b.failedAction(sb, bci);
        if (b.cause(sb, bci, slot, MAX_CAUSE_DETAIL, false, " because \"")) {
            sb.append("\" is null");
        }
        return sb.toString();
    }

    private void analyse(int target) {
        stacks[0] = new Stack();
        for (ExceptionCatch ec : code.exceptionHandlers()) {
            int h = code.labelToBci(ec.handler());
            if (stacks[h] == null) {
                stacks[h] = new Stack();
                stacks[h].push(h, 1);
            }
        }
        int len = code.codeLength();
        while (!allProcessed && addedOne) {
            allProcessed = true;
            addedOne = false;
            for (int i = 0; i < len; ) {
                i += step(i);
                if (target == i && stacks[i] != null) {
                    allProcessed = true;
                    break;
                }
                if (entries > MAX_ENTRIES) {
                    return;
                }
            }
        }
    }

    /** Simulates the instruction at {@code bci} on the stack that reaches it; returns its length. */
    private int step(int bci) {
        Instruction ins = at[bci];
        int len = ins.sizeInBytes();
        if (stacks[bci] == null) {
            allProcessed = false;
            return len;
        }
        Stack s = stacks[bci].copy();
        boolean flowEnded = false;
        List<Integer> dests = new ArrayList<>(2);
        switch (ins) {
            case LoadInstruction li -> s.push(bci, li.typeKind().slotSize());
            case ConstantInstruction ci -> s.push(bci, constantSize(ci));
            case IncrementInstruction ii -> { }
            case NopInstruction n -> { }
            case StoreInstruction st -> {
                s.written(st.slot());
                s.pop(st.typeKind().slotSize());
            }
            case ArrayLoadInstruction al -> {
                s.pop(2);
                s.push(bci, al.typeKind().slotSize());
            }
            case ArrayStoreInstruction as -> s.pop(2 + as.typeKind().slotSize());
            case StackInstruction si -> s.stackOp(si.opcode());
            case OperatorInstruction oi -> operator(s, oi, bci);
            case ConvertInstruction cv -> {
                s.pop(cv.fromType().slotSize());
                s.push(bci, cv.toType().slotSize());
            }
            case BranchInstruction br -> {
                flowEnded = br.opcode() == Opcode.GOTO || br.opcode() == Opcode.GOTO_W;
                s.pop(switch (br.opcode()) {
                    case GOTO, GOTO_W -> 0;
                    case IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE, IF_ACMPEQ, IF_ACMPNE -> 2;
                    default -> 1;
                });
                dests.add(code.labelToBci(br.target()));
            }
            case TableSwitchInstruction ts -> {
                s.pop(1);
                dests.add(code.labelToBci(ts.defaultTarget()));
                ts.cases().forEach(c -> dests.add(code.labelToBci(c.target())));
            }
            case LookupSwitchInstruction ls -> {
                s.pop(1);
                dests.add(code.labelToBci(ls.defaultTarget()));
                ls.cases().forEach(c -> dests.add(code.labelToBci(c.target())));
            }
            case ReturnInstruction r -> {
                s.pop(r.typeKind().slotSize());
                flowEnded = true;
            }
            case ThrowInstruction th -> {
                s.pop(1);
                flowEnded = true;
            }
            case FieldInstruction fi -> {
                int size = TypeKind.from(fi.typeSymbol()).slotSize();
                switch (fi.opcode()) {
                    case GETSTATIC -> s.push(bci, size);
                    case GETFIELD -> {
                        s.pop(1);
                        s.push(bci, size);
                    }
                    case PUTSTATIC -> s.pop(size);
                    default -> s.pop(size + 1);
                }
            }
            case InvokeInstruction iv -> {
                if (iv.opcode() != Opcode.INVOKESTATIC) {
                    s.pop(1);
                }
                s.pop(argSlots(iv.typeSymbol()));
                s.push(bci, TypeKind.from(iv.typeSymbol().returnType()).slotSize());
            }
            case InvokeDynamicInstruction id -> {
                s.pop(argSlots(id.typeSymbol()));
                s.push(bci, TypeKind.from(id.typeSymbol().returnType()).slotSize());
            }
            case NewObjectInstruction n -> s.push(bci, 1);
            case NewPrimitiveArrayInstruction n -> {
                s.pop(1);
                s.push(bci, 1);
            }
            case NewReferenceArrayInstruction n -> {
                s.pop(1);
                s.push(bci, 1);
            }
            case NewMultiArrayInstruction n -> {
                s.pop(n.dimensions());
                s.push(bci, 1);
            }
            case TypeCheckInstruction tc -> {
                if (tc.opcode() == Opcode.INSTANCEOF) {
                    s.pop(1);
                    s.push(bci, 1);
                }
            }
            case MonitorInstruction mi -> s.pop(1);
            case DiscontinuedInstruction.JsrInstruction jsr -> {
                s.push(bci, 1);
                dests.add(code.labelToBci(jsr.target()));
                flowEnded = true;
            }
            case DiscontinuedInstruction.RetInstruction ret -> flowEnded = true;
            default -> throw new IllegalStateException("no stack effect for " + ins);
        }
        if (!flowEnded) {
            merge(bci + len, s);
        }
        for (int d : dests) {
            merge(d, s);
        }
        return len;
    }

    private static int constantSize(ConstantInstruction ci) {
        if (ci instanceof ConstantInstruction.LoadConstantInstruction ldc && (ldc.constantEntry() instanceof
                MethodHandleEntry || ldc.constantEntry() instanceof MethodTypeEntry
                || ldc.constantEntry() instanceof ConstantDynamicEntry)) {
            // Not among the tags HotSpot's analysis knows: it pushes nothing (its assert is debug-only).
            return 0;
        }
        return ci.typeKind().slotSize();
    }

    private static void operator(Stack s, OperatorInstruction oi, int bci) {
        int size = oi.typeKind().slotSize();
        switch (oi.opcode()) {
            case ARRAYLENGTH -> {
                s.pop(1);
                s.push(bci, 1);
            }
            case LCMP, DCMPL, DCMPG -> {
                s.pop(4);
                s.push(bci, 1);
            }
            case FCMPL, FCMPG -> {
                s.pop(2);
                s.push(bci, 1);
            }
            case INEG, LNEG, FNEG, DNEG -> {
                s.pop(size);
                s.push(bci, size);
            }
            case ISHL, LSHL, ISHR, LSHR, IUSHR, LUSHR -> {
                s.pop(1 + size);
                s.push(bci, size);
            }
            default -> {
                s.pop(2 * size);
                s.push(bci, size);
            }
        }
    }

    private void merge(int bci, Stack s) {
        if (stacks[bci] != null) {
            s.merge(stacks[bci]);
        } else {
            entries += s.size;
            addedOne = true;
        }
        stacks[bci] = s.copy();
    }

    /** The operand-stack slot (0 = top) that held null, or INVALID/EXPLICIT. */
    private int nullSlot(int bci) {
        return switch (at[bci]) {
            case FieldInstruction fi when fi.opcode() == Opcode.GETFIELD -> 0;
            case FieldInstruction fi when fi.opcode() == Opcode.PUTFIELD -> TypeKind.from(fi.typeSymbol()).slotSize();
            case OperatorInstruction oi when oi.opcode() == Opcode.ARRAYLENGTH -> 0;
            case ThrowInstruction th -> 0;
            case MonitorInstruction mi -> 0;
            case ArrayLoadInstruction al -> 1;
            case ArrayStoreInstruction as -> 1 + as.typeKind().slotSize();
            case InvokeInstruction iv when iv.opcode() != Opcode.INVOKESTATIC ->
                    iv.name().equalsString("<init>") ? EXPLICIT : argSlots(iv.typeSymbol());
            default -> INVALID;
        };
    }

    private void failedAction(StringBuilder sb, int bci) {
        switch (at[bci]) {
            case ArrayLoadInstruction al -> sb.append("Cannot load from ").append(arrayKind(al.typeKind())).append(" array");
            case ArrayStoreInstruction as -> sb.append("Cannot store to ").append(arrayKind(as.typeKind())).append(" array");
            case OperatorInstruction oi -> sb.append("Cannot read the array length");
            case ThrowInstruction th -> sb.append("Cannot throw exception");
            case MonitorInstruction mi -> sb.append(mi.opcode() == Opcode.MONITORENTER
                    ? "Cannot enter synchronized block" : "Cannot exit synchronized block");
            case FieldInstruction fi -> sb.append(fi.opcode() == Opcode.GETFIELD ? "Cannot read field \""
                    : "Cannot assign field \"").append(fi.name().stringValue()).append('"');
            case InvokeInstruction iv -> {
                sb.append("Cannot invoke \"");
                methodName(sb, iv);
                sb.append('"');
            }
            default -> throw new IllegalStateException("not a null check: " + at[bci]);
        }
    }

    private static String arrayKind(TypeKind k) {
        return switch (k) {
            case REFERENCE -> "object";
            case BYTE, BOOLEAN -> "byte/boolean";
            default -> k.upperBound().displayName();
        };
    }

    /**
     * Describes the value in {@code slot} before {@code bci} from the instruction that pushed it; false if it
     * cannot (unknown source, too deep). The prefix is printed at the outermost level, except before a call.
     */
    private boolean cause(StringBuilder sb, int bci, int slot, int maxDetail, boolean inner, String prefix) {
        if (maxDetail <= 0 || stacks[bci] == null) {
            return false;
        }
        Stack s = stacks[bci];
        int source = s.get(slot);
        if (source == INVALID) {
            return false;
        }
        Instruction ins = at[source];
        boolean invoke = ins instanceof InvokeInstruction;
        if (maxDetail == MAX_CAUSE_DETAIL && prefix != null && !invoke) {
            sb.append(prefix);
        }
        switch (ins) {
            case LoadInstruction li when li.typeKind() == TypeKind.INT || li.typeKind() == TypeKind.REFERENCE -> {
                localName(sb, source, li.slot(), !s.wasWritten(li.slot()));
                return true;
            }
            case ConstantInstruction ci when ci.opcode() == Opcode.ACONST_NULL -> sb.append("null");
            case ConstantInstruction ci when ci.opcode() == Opcode.SIPUSH ->
                    sb.append(((Integer) ci.constantValue()) & 0xFFFF);
            case ConstantInstruction ci when ci.opcode() == Opcode.BIPUSH || ci.opcode() == Opcode.ICONST_M1
                    || ci.opcode() == Opcode.ICONST_0 || ci.opcode() == Opcode.ICONST_1 || ci.opcode() == Opcode.ICONST_2
                    || ci.opcode() == Opcode.ICONST_3 || ci.opcode() == Opcode.ICONST_4 || ci.opcode() == Opcode.ICONST_5 ->
                    sb.append(ci.constantValue());
            case ArrayLoadInstruction al when al.typeKind() == TypeKind.INT || al.typeKind() == TypeKind.REFERENCE -> {
                if (!cause(sb, source, 1, maxDetail - 1, inner, null)) {
                    sb.append("<array>");
                }
                sb.append('[');
                if (!cause(sb, source, 0, maxDetail, true, null)) {
                    sb.append("...");
                }
                sb.append(']');
            }
            case FieldInstruction fi when fi.opcode() == Opcode.GETSTATIC ->
                    sb.append(klassName(fi.owner().asInternalName())).append('.').append(fi.name().stringValue());
            case FieldInstruction fi when fi.opcode() == Opcode.GETFIELD -> {
                if (cause(sb, source, 0, maxDetail - 1, inner, null)) {
                    sb.append('.');
                }
                sb.append(fi.name().stringValue());
            }
            case InvokeInstruction iv -> {
                if (maxDetail == MAX_CAUSE_DETAIL && !inner) {
                    sb.append(" because the return value of \"");
                }
                methodName(sb, iv);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void localName(StringBuilder sb, int bci, int slot, boolean isParameter) {
        for (var lvt : code.findAttributes(Attributes.localVariableTable())) {
            for (LocalVariableInfo v : ((LocalVariableTableAttribute) lvt).localVariables()) {
                if (bci >= v.startPc() && bci < v.startPc() + v.length() && v.slot() == slot) {
                    sb.append(v.name().stringValue());
                    return;
                }
            }
        }
        if (!isStatic && slot == 0 && isParameter) {
            sb.append("this");
            return;
        }
        int curr = isStatic ? 0 : 1;
        int index = 1;
        for (ClassDesc p : method.methodTypeSymbol().parameterList()) {
            int size = TypeKind.from(p).slotSize();
            if (slot >= curr && slot < curr + size) {
                sb.append(isParameter ? "<parameter" + index + ">" : "<local" + slot + ">");
                return;
            }
            index++;
            curr += size;
        }
        sb.append("<local").append(slot).append('>');
    }

    private static void methodName(StringBuilder sb, InvokeInstruction iv) {
        sb.append(klassName(iv.owner().asInternalName())).append('.').append(iv.name().stringValue()).append('(');
        StringBuilder params = new StringBuilder();
        for (ClassDesc p : iv.typeSymbol().parameterList()) {
            if (!params.isEmpty()) {
                params.append(", ");
            }
            params.append(externalName(p));
        }
        sb.append(trimWellKnown(params.toString())).append(')');
    }

    private static String externalName(ClassDesc d) {
        if (d.isArray()) {
            return externalName(d.componentType()) + "[]";
        }
        return d.isPrimitive() ? d.displayName() : d.descriptorString()
                .substring(1, d.descriptorString().length() - 1).replace('/', '.');
    }

    private static String klassName(String internal) {
        String name = internal.replace('/', '.');
        return name.equals("java.lang.Object") ? "Object" : name.equals("java.lang.String") ? "String" : name;
    }

    /** HotSpot's cut: "java.lang." off every parameter whose name starts with java.lang.Object or String. */
    private static String trimWellKnown(String params) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < params.length()) {
            boolean start = i == 0 || params.startsWith(", ", i - 2);
            if (start && (params.startsWith("java.lang.Object", i) || params.startsWith("java.lang.String", i))) {
                i += "java.lang.".length();
            }
            out.append(params.charAt(i++));
        }
        return out.toString();
    }

    private static int argSlots(MethodTypeDesc type) {
        int n = 0;
        for (ClassDesc p : type.parameterList()) {
            n += TypeKind.from(p).slotSize();
        }
        return n;
    }

    /** A simulated operand stack: per slot the bci that pushed it (INVALID if paths disagree). */
    private static final class Stack {
        int[] slots = new int[8];
        int size;
        /** Local slots a store has written on some path here (slots above 63 count as always written). */
        long written;

        Stack copy() {
            Stack c = new Stack();
            c.slots = slots.clone();
            c.size = size;
            c.written = written;
            return c;
        }

        void push(int bci, int count) {
            for (int i = 0; i < count; i++) {
                if (size == slots.length) {
                    slots = java.util.Arrays.copyOf(slots, size * 2);
                }
                slots[size++] = bci;
            }
        }

        void pop(int count) {
            if (count > size) {
                throw new IllegalStateException("operand stack underflow");
            }
            size -= count;
        }

        int get(int slot) {
            return slots[size - 1 - slot];
        }

        void written(int local) {
            if (local < 64) {
                written |= 1L << local;
            }
        }

        boolean wasWritten(int local) {
            return local > 63 || (written & (1L << local)) != 0;
        }

        void merge(Stack other) {
            if (other.size != size) {
                throw new IllegalStateException("stacks of different depth meet");
            }
            for (int i = 0; i < size; i++) {
                if (slots[i] != other.slots[i]) {
                    slots[i] = INVALID;
                }
            }
            written |= other.written;
        }

        /** pop, pop2, dup*, swap: entries move as they are (a long's two entries are alike). */
        void stackOp(Opcode op) {
            int t1 = size > 0 ? get(0) : INVALID;
            int t2 = size > 1 ? get(1) : INVALID;
            int t3 = size > 2 ? get(2) : INVALID;
            int t4 = size > 3 ? get(3) : INVALID;
            switch (op) {
                case POP -> pop(1);
                case POP2 -> pop(2);
                case DUP -> push(t1, 1);
                case DUP_X1 -> rewrite(2, t1, t2, t1);
                case DUP_X2 -> rewrite(3, t1, t3, t2, t1);
                case DUP2 -> rewrite(2, t2, t1, t2, t1);
                case DUP2_X1 -> rewrite(3, t2, t1, t3, t2, t1);
                case DUP2_X2 -> rewrite(4, t2, t1, t4, t3, t2, t1);
                case SWAP -> rewrite(2, t1, t2);
                default -> throw new IllegalStateException("not a stack instruction: " + op);
            }
        }

        private void rewrite(int popped, int... pushed) {
            pop(popped);
            for (int e : pushed) {
                push(e, 1);
            }
        }
    }
}
