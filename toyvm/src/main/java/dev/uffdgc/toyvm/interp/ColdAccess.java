package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.thread.VmThread;

/**
 * Field, static and array accesses that the samples execute too rarely to earn a case in the dispatch loop
 * (byte/char/short fields, short arrays, primitive statics, static stores). Each inline case costs C2
 * compile time and code in Interpreter.run on every (re)compilation, which on short runs outweighs the call
 * this costs. The caller has published t.framePcs and t.sp, so a NullPointerException here is raised at the
 * right pc. Returns the new sp; the instruction's length is the caller's business.
 */
final class ColdAccess {
    private final Vm vm;
    private final Rare rare;

    ColdAccess(Vm vm, Rare rare) {
        this.vm = vm;
        this.rare = rare;
    }

    int execute(VmThread t, int[] code, int pc, int sp) {
        long[] p = t.prims;
        int[] r = t.refs;
        HeapAccess mem = vm.mem;
        switch (code[pc]) {
            case Op.GETFIELD_B -> p[sp - 1] = mem.getByte(object(t, r[sp - 1]) + code[pc + 1]);
            case Op.GETFIELD_C -> p[sp - 1] = mem.getChar(object(t, r[sp - 1]) + code[pc + 1]);
            case Op.GETFIELD_S -> p[sp - 1] = mem.getShort(object(t, r[sp - 1]) + code[pc + 1]);
            case Op.PUTFIELD_B -> {
                mem.putByte(object(t, r[sp - 2]) + code[pc + 1], (byte) p[sp - 1]);
                return sp - 2;
            }
            case Op.PUTFIELD_Z -> {
                mem.putByte(object(t, r[sp - 2]) + code[pc + 1], (byte) (p[sp - 1] & 1));
                return sp - 2;
            }
            case Op.PUTFIELD_S -> {
                mem.putShort(object(t, r[sp - 2]) + code[pc + 1], (short) p[sp - 1]);
                return sp - 2;
            }
            case Op.SALOAD -> {
                int array = r[sp - 2];
                int index = (int) p[sp - 1];
                if (array == 0) {
                    throw rare.nullPointer(t);
                }
                int length = mem.getInt(ObjectLayout.offset(array) + ARRAY_LENGTH_OFFSET);
                if (Integer.compareUnsigned(index, length) >= 0) {
                    throw rare.indexOutOfBounds(t, index, length);
                }
                p[sp - 2] = mem.getShort(ObjectLayout.offset(array) + ARRAY_BASE_OFFSET + 2L * index);
                return sp - 1;
            }
            case Op.GETSTATIC_1 -> {
                r[sp] = 0;
                p[sp] = vm.statics.prims[code[pc + 1]];
                return sp + 1;
            }
            case Op.GETSTATIC_2 -> {
                r[sp] = 0;
                r[sp + 1] = 0;
                p[sp] = vm.statics.prims[code[pc + 1]];
                return sp + 2;
            }
            case Op.PUTSTATIC_1 -> {
                vm.statics.prims[code[pc + 1]] = p[sp - 1];
                return sp - 1;
            }
            case Op.PUTSTATIC_2 -> {
                vm.statics.prims[code[pc + 1]] = p[sp - 2];
                return sp - 2;
            }
            case Op.PUTSTATIC_A -> {
                vm.statics.refs[code[pc + 1]] = r[sp - 1];
                return sp - 1;
            }
            default -> throw new IllegalStateException("not a cold access " + Op.NAME[code[pc]]);
        }
        return sp;
    }

    private long object(VmThread t, int ref) {
        if (ref == 0) {
            throw rare.nullPointer(t);
        }
        return ObjectLayout.offset(ref);
    }
}
