package dev.uffdgc.toyvm.interp;

/**
 * The interpreter's own instruction set: JVM bytecode pre-decoded into an int[] per method. Operands follow the
 * opcode inline; branch targets are absolute indices into the int[]. Typed loads and stores become PLOAD/ALOAD
 * (primitive or reference stack), so the stack maps of references are implicit. {@code *_UNRES} instructions
 * resolve their constant-pool entry on first execution and rewrite themselves into the quick form of the
 * same length. LENGTH[op] is the size in ints; 0 means variable (switches).
 */
public final class Op {
    private Op() {
    }

    public static final int NOP = 0;
    public static final int ACONST_NULL = 1;
    public static final int PCONST1 = 2;
    public static final int PCONST2 = 3;
    public static final int LDC_UNRES = 4;
    public static final int LDC_REF = 5;
    public static final int PLOAD1 = 6;
    public static final int PLOAD2 = 7;
    public static final int ALOAD = 8;
    public static final int PSTORE1 = 9;
    public static final int PSTORE2 = 10;
    public static final int ASTORE = 11;
    public static final int IINC = 12;
    public static final int IALOAD = 13;
    public static final int LALOAD = 14;
    public static final int BALOAD = 15;
    public static final int CALOAD = 16;
    public static final int SALOAD = 17;
    public static final int AALOAD = 18;
    public static final int IASTORE = 19;
    public static final int LASTORE = 20;
    public static final int BASTORE = 21;
    public static final int CASTORE = 22;
    public static final int AASTORE = 23;
    public static final int POP = 24;
    public static final int POP2 = 25;
    public static final int DUP = 26;
    public static final int DUP_X1 = 27;
    public static final int DUP_X2 = 28;
    public static final int DUP2 = 29;
    public static final int DUP2_X1 = 30;
    public static final int DUP2_X2 = 31;
    public static final int SWAP = 32;
    public static final int IADD = 33;
    public static final int ISUB = 34;
    public static final int IMUL = 35;
    public static final int IDIV = 36;
    public static final int IREM = 37;
    public static final int INEG = 38;
    public static final int ISHL = 39;
    public static final int ISHR = 40;
    public static final int IUSHR = 41;
    public static final int IAND = 42;
    public static final int IOR = 43;
    public static final int IXOR = 44;
    public static final int LADD = 45;
    public static final int LSUB = 46;
    public static final int LMUL = 47;
    public static final int LDIV = 48;
    public static final int LREM = 49;
    public static final int LNEG = 50;
    public static final int LSHL = 51;
    public static final int LSHR = 52;
    public static final int LUSHR = 53;
    public static final int LAND = 54;
    public static final int LOR = 55;
    public static final int LXOR = 56;
    public static final int FADD = 57;
    public static final int FSUB = 58;
    public static final int FMUL = 59;
    public static final int FDIV = 60;
    public static final int FREM = 61;
    public static final int FNEG = 62;
    public static final int DADD = 63;
    public static final int DSUB = 64;
    public static final int DMUL = 65;
    public static final int DDIV = 66;
    public static final int DREM = 67;
    public static final int DNEG = 68;
    public static final int I2L = 69;
    public static final int I2F = 70;
    public static final int I2D = 71;
    public static final int L2I = 72;
    public static final int L2F = 73;
    public static final int L2D = 74;
    public static final int F2I = 75;
    public static final int F2L = 76;
    public static final int F2D = 77;
    public static final int D2I = 78;
    public static final int D2L = 79;
    public static final int D2F = 80;
    public static final int I2B = 81;
    public static final int I2C = 82;
    public static final int I2S = 83;
    public static final int LCMP = 84;
    public static final int FCMPL = 85;
    public static final int FCMPG = 86;
    public static final int DCMPL = 87;
    public static final int DCMPG = 88;
    public static final int IFEQ = 89;
    public static final int IFNE = 90;
    public static final int IFLT = 91;
    public static final int IFGE = 92;
    public static final int IFGT = 93;
    public static final int IFLE = 94;
    public static final int IF_ICMPEQ = 95;
    public static final int IF_ICMPNE = 96;
    public static final int IF_ICMPLT = 97;
    public static final int IF_ICMPGE = 98;
    public static final int IF_ICMPGT = 99;
    public static final int IF_ICMPLE = 100;
    public static final int IF_ACMPEQ = 101;
    public static final int IF_ACMPNE = 102;
    public static final int IFNULL = 103;
    public static final int IFNONNULL = 104;
    public static final int GOTO = 105;
    public static final int TABLESWITCH = 106;
    public static final int LOOKUPSWITCH = 107;
    public static final int IRETURN = 108;
    public static final int LRETURN = 109;
    public static final int ARETURN = 110;
    public static final int RETURN = 111;
    public static final int GETSTATIC_UNRES = 112;
    public static final int PUTSTATIC_UNRES = 113;
    public static final int GETFIELD_UNRES = 114;
    public static final int PUTFIELD_UNRES = 115;
    public static final int GETSTATIC_1 = 116;
    public static final int GETSTATIC_2 = 117;
    public static final int GETSTATIC_A = 118;
    public static final int PUTSTATIC_1 = 119;
    public static final int PUTSTATIC_2 = 120;
    public static final int PUTSTATIC_A = 121;
    public static final int GETFIELD_I = 122;
    public static final int GETFIELD_J = 123;
    public static final int GETFIELD_B = 124;
    public static final int GETFIELD_C = 125;
    public static final int GETFIELD_S = 126;
    public static final int GETFIELD_A = 127;
    public static final int PUTFIELD_I = 128;
    public static final int PUTFIELD_J = 129;
    public static final int PUTFIELD_B = 130;
    public static final int PUTFIELD_Z = 131;
    public static final int PUTFIELD_S = 132;
    public static final int PUTFIELD_A = 133;
    public static final int INVOKEVIRTUAL_UNRES = 134;
    public static final int INVOKESPECIAL_UNRES = 135;
    public static final int INVOKESTATIC_UNRES = 136;
    public static final int INVOKEINTERFACE_UNRES = 137;
    public static final int INVOKEDYNAMIC = 138;
    public static final int INVOKE_VIRTUAL = 139;
    public static final int INVOKE_DIRECT = 140;
    public static final int INVOKE_STATIC = 141;
    public static final int INVOKE_INTERFACE = 142;
    public static final int NEW_UNRES = 143;
    public static final int NEW = 144;
    public static final int NEWARRAY_UNRES = 145;
    public static final int NEWARRAY = 146;
    public static final int MULTIANEWARRAY = 147;
    public static final int ARRAYLENGTH = 148;
    public static final int ATHROW = 149;
    public static final int CHECKCAST_UNRES = 150;
    public static final int CHECKCAST = 151;
    public static final int INSTANCEOF_UNRES = 152;
    public static final int INSTANCEOF = 153;
    public static final int MONITORENTER = 154;
    public static final int MONITOREXIT = 155;
    /** A backward goto: a safepoint poll, then the jump (conditional backward branches jump to one). */
    public static final int GOTO_POLL = 156;
    /** A get/put of a volatile field: operand = pool index of a {@link VolatileAccess}. */
    public static final int VOLATILE_FIELD = 157;

    public static final int[] LENGTH = {1, 1, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 3, 1, 1, 2, 2, 2, 2, 1, 1, 2, 2};
    public static final String[] NAME = {"NOP", "ACONST_NULL", "PCONST1", "PCONST2", "LDC_UNRES", "LDC_REF", "PLOAD1", "PLOAD2", "ALOAD", "PSTORE1", "PSTORE2", "ASTORE", "IINC", "IALOAD", "LALOAD", "BALOAD", "CALOAD", "SALOAD", "AALOAD", "IASTORE", "LASTORE", "BASTORE", "CASTORE", "AASTORE", "POP", "POP2", "DUP", "DUP_X1", "DUP_X2", "DUP2", "DUP2_X1", "DUP2_X2", "SWAP", "IADD", "ISUB", "IMUL", "IDIV", "IREM", "INEG", "ISHL", "ISHR", "IUSHR", "IAND", "IOR", "IXOR", "LADD", "LSUB", "LMUL", "LDIV", "LREM", "LNEG", "LSHL", "LSHR", "LUSHR", "LAND", "LOR", "LXOR", "FADD", "FSUB", "FMUL", "FDIV", "FREM", "FNEG", "DADD", "DSUB", "DMUL", "DDIV", "DREM", "DNEG", "I2L", "I2F", "I2D", "L2I", "L2F", "L2D", "F2I", "F2L", "F2D", "D2I", "D2L", "D2F", "I2B", "I2C", "I2S", "LCMP", "FCMPL", "FCMPG", "DCMPL", "DCMPG", "IFEQ", "IFNE", "IFLT", "IFGE", "IFGT", "IFLE", "IF_ICMPEQ", "IF_ICMPNE", "IF_ICMPLT", "IF_ICMPGE", "IF_ICMPGT", "IF_ICMPLE", "IF_ACMPEQ", "IF_ACMPNE", "IFNULL", "IFNONNULL", "GOTO", "TABLESWITCH", "LOOKUPSWITCH", "IRETURN", "LRETURN", "ARETURN", "RETURN", "GETSTATIC_UNRES", "PUTSTATIC_UNRES", "GETFIELD_UNRES", "PUTFIELD_UNRES", "GETSTATIC_1", "GETSTATIC_2", "GETSTATIC_A", "PUTSTATIC_1", "PUTSTATIC_2", "PUTSTATIC_A", "GETFIELD_I", "GETFIELD_J", "GETFIELD_B", "GETFIELD_C", "GETFIELD_S", "GETFIELD_A", "PUTFIELD_I", "PUTFIELD_J", "PUTFIELD_B", "PUTFIELD_Z", "PUTFIELD_S", "PUTFIELD_A", "INVOKEVIRTUAL_UNRES", "INVOKESPECIAL_UNRES", "INVOKESTATIC_UNRES", "INVOKEINTERFACE_UNRES", "INVOKEDYNAMIC", "INVOKE_VIRTUAL", "INVOKE_DIRECT", "INVOKE_STATIC", "INVOKE_INTERFACE", "NEW_UNRES", "NEW", "NEWARRAY_UNRES", "NEWARRAY", "MULTIANEWARRAY", "ARRAYLENGTH", "ATHROW", "CHECKCAST_UNRES", "CHECKCAST", "INSTANCEOF_UNRES", "INSTANCEOF", "MONITORENTER", "MONITOREXIT", "GOTO_POLL", "VOLATILE_FIELD"};

    private static final java.util.Map<String, Integer> BY_NAME = new java.util.HashMap<>();

    static {
        for (int i = 0; i < NAME.length; i++) {
            BY_NAME.put(NAME[i], i);
        }
    }

    /** The op for a JVM opcode name that maps one-to-one (arithmetic, stack, conversions, branches). */
    public static int valueOf(String name) {
        Integer op = BY_NAME.get(name);
        if (op == null) {
            throw new IllegalArgumentException("toyvm: no op for " + name);
        }
        return op;
    }
}
