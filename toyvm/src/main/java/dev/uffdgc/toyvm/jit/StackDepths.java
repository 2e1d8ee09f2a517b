package dev.uffdgc.toyvm.jit;

import dev.uffdgc.toyvm.interp.Code;
import dev.uffdgc.toyvm.interp.Op;
import java.lang.classfile.Instruction;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.*;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The operand-stack depth (in slots) before every decoded instruction, -1 where unreachable. The JVM guarantees
 * one depth per instruction (JVMS 4.10.1), so compiled code can address every stack slot as base + a constant
 * and needs no sp variable. Stack effects come from the JVM instruction each decoded one came from (its types
 * and descriptors), successors from the decoded code (absolute targets, GOTO_POLL trampolines included).
 */
final class StackDepths {
    private StackDepths() {
    }

    static int[] compute(Code c) {
        int[] code = c.code;
        int[] depth = new int[code.length];
        Arrays.fill(depth, -1);
        ArrayDeque<int[]> work = new ArrayDeque<>();
        work.add(new int[] {0, 0});
        for (int i = 0; i < c.handlers.length; i += 4) {
            work.add(new int[] {c.handlers[i + 2], 1});
        }
        while (!work.isEmpty()) {
            int[] w = work.poll();
            int pc = w[0];
            int d = w[1];
            if (depth[pc] >= 0) {
                if (depth[pc] != d) {
                    throw new IllegalStateException("inconsistent stack depth at " + pc + ": " + depth[pc] + " vs " + d);
                }
                continue;
            }
            depth[pc] = d;
            int op = code[pc];
            Instruction src = pc < c.sources.length ? c.sources[pc] : null;
            int after = src == null ? d : d + delta(src);
            switch (op) {
                case Op.GOTO, Op.GOTO_POLL -> work.add(new int[] {code[pc + 1], after});
                case Op.IFEQ, Op.IFNE, Op.IFLT, Op.IFGE, Op.IFGT, Op.IFLE, Op.IF_ICMPEQ, Op.IF_ICMPNE, Op.IF_ICMPLT,
                     Op.IF_ICMPGE, Op.IF_ICMPGT, Op.IF_ICMPLE, Op.IF_ACMPEQ, Op.IF_ACMPNE, Op.IFNULL, Op.IFNONNULL -> {
                    work.add(new int[] {code[pc + 1], after});
                    work.add(new int[] {pc + 2, after});
                }
                case Op.TABLESWITCH -> {
                    work.add(new int[] {code[pc + 1], after});
                    for (int i = 0, n = code[pc + 3] - code[pc + 2] + 1; i < n; i++) {
                        work.add(new int[] {code[pc + 4 + i], after});
                    }
                }
                case Op.LOOKUPSWITCH -> {
                    work.add(new int[] {code[pc + 1], after});
                    for (int i = 0, n = code[pc + 2]; i < n; i++) {
                        work.add(new int[] {code[pc + 4 + 2 * i], after});
                    }
                }
                case Op.IRETURN, Op.LRETURN, Op.ARETURN, Op.RETURN, Op.ATHROW -> { }
                default -> work.add(new int[] {pc + Op.LENGTH[op], after});
            }
        }
        return depth;
    }

    /** Decoded length of the instruction at pc. */
    static int length(int[] code, int pc) {
        return switch (code[pc]) {
            case Op.TABLESWITCH -> 4 + code[pc + 3] - code[pc + 2] + 1;
            case Op.LOOKUPSWITCH -> 3 + 2 * code[pc + 2];
            default -> Op.LENGTH[code[pc]];
        };
    }

    private static int slots(ClassDesc d) {
        return TypeKind.from(d).slotSize();
    }

    private static int args(MethodTypeDesc t) {
        int n = 0;
        for (ClassDesc p : t.parameterList()) {
            n += slots(p);
        }
        return n;
    }

    /** The JVM stack effect of one instruction, in slots. */
    static int delta(Instruction ins) {
        return switch (ins) {
            case LoadInstruction li -> li.typeKind().slotSize();
            case StoreInstruction si -> -si.typeKind().slotSize();
            case IncrementInstruction ii -> 0;
            case ConstantInstruction ci -> ci.typeKind().slotSize();
            case ArrayLoadInstruction al -> -2 + al.typeKind().slotSize();
            case ArrayStoreInstruction as -> -2 - as.typeKind().slotSize();
            case BranchInstruction bi -> switch (bi.opcode()) {
                case GOTO, GOTO_W -> 0;
                case IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE, IF_ACMPEQ, IF_ACMPNE -> -2;
                default -> -1;
            };
            case TableSwitchInstruction ts -> -1;
            case LookupSwitchInstruction ls -> -1;
            case ReturnInstruction ri -> -ri.typeKind().slotSize();
            case FieldInstruction fi -> {
                int s = slots(fi.typeSymbol());
                yield switch (fi.opcode()) {
                    case GETSTATIC -> s;
                    case PUTSTATIC -> -s;
                    case GETFIELD -> s - 1;
                    default -> -1 - s;
                };
            }
            case InvokeInstruction ii -> slots(ii.typeSymbol().returnType()) - args(ii.typeSymbol())
                    - (ii.opcode() == java.lang.classfile.Opcode.INVOKESTATIC ? 0 : 1);
            case InvokeDynamicInstruction id -> slots(id.typeSymbol().returnType()) - args(id.typeSymbol());
            case NewObjectInstruction no -> 1;
            case NewPrimitiveArrayInstruction na -> 0;
            case NewReferenceArrayInstruction na -> 0;
            case NewMultiArrayInstruction nm -> 1 - nm.dimensions();
            case TypeCheckInstruction tc -> 0;
            case ThrowInstruction th -> -1;
            case MonitorInstruction mi -> -1;
            case NopInstruction n -> 0;
            case StackInstruction si -> switch (si.opcode()) {
                case POP -> -1;
                case POP2 -> -2;
                case DUP, DUP_X1, DUP_X2 -> 1;
                case DUP2, DUP2_X1, DUP2_X2 -> 2;
                default -> 0; // SWAP
            };
            case OperatorInstruction oi -> switch (oi.opcode()) {
                case INEG, LNEG, FNEG, DNEG, ARRAYLENGTH -> 0;
                case ISHL, ISHR, IUSHR, LSHL, LSHR, LUSHR -> -1;
                case LCMP, DCMPL, DCMPG -> -3;
                case FCMPL, FCMPG -> -1;
                default -> -oi.typeKind().slotSize();
            };
            case ConvertInstruction ci -> ci.toType().slotSize() - ci.fromType().slotSize();
            default -> throw new IllegalStateException("no stack effect for " + ins);
        };
    }
}
