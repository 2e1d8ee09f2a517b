package dev.uffdgc.toyvm.interp;

/**
 * A method's decoded body: the instruction ints, the side pool their operands index (constant-pool entries,
 * replaced by resolved classes/methods/call sites on first use), the exception table and the line table.
 */
public final class Code {
    public final int[] code;
    public final Object[] pool;
    public final int maxLocals;
    public final int maxStack;
    /** Quads: start pc (inclusive), end pc (exclusive), handler pc, pool index of the catch class or -1. */
    public final int[] handlers;
    /** Pairs sorted by pc: first pc of a line, line number. */
    public final int[] lines;
    /** The JVM instruction each decoded instruction came from (by decoded pc; null elsewhere): the compiler's types. */
    public java.lang.classfile.Instruction[] sources;
    /** Pairs sorted by pc: the pc of each decoded instruction, its bytecode index in the class file. */
    public int[] bcis;

    // Tiering (dev.uffdgc.toyvm.jit). Counters are racy on purpose, like HotSpot's: a lost increment only
    // delays a compilation. compiled is read without a lock; its object has only final fields.
    /** Compiled code for this method, or null: then the interpreter runs it. */
    public CompiledCode compiled;
    public int invocations;
    public int backedges;
    /** Compilations so far (a method that keeps deoptimising stops being recompiled). */
    public int compilations;
    /** Set when the compiler cannot translate this method (e.g. host code size): it stays interpreted. */
    public boolean notCompilable;

    public Code(int[] code, Object[] pool, int maxLocals, int maxStack, int[] handlers, int[] lines) {
        this.code = code;
        this.pool = pool;
        this.maxLocals = maxLocals;
        this.maxStack = maxStack;
        this.handlers = handlers;
        this.lines = lines;
    }

    /** The bytecode index of the instruction decoded at {@code pc}, or -1 if no instruction starts there. */
    public int bciAt(int pc) {
        int lo = 0;
        int hi = bcis.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = bcis[2 * mid];
            if (at == pc) {
                return bcis[2 * mid + 1];
            }
            if (at < pc) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** The source line of the instruction at {@code pc}, or -1 without line information. */
    public int lineAt(int pc) {
        int line = -1;
        for (int i = 0; i < lines.length; i += 2) {
            if (lines[i] > pc) {
                break;
            }
            line = lines[i + 1];
        }
        return line;
    }

    /** The source line of the instruction at bytecode index {@code bci} (StackWalker's frames keep bcis), or -1. */
    public int lineAtBci(int bci) {
        for (int i = 0; i < bcis.length; i += 2) {
            if (bcis[i + 1] == bci) {
                return lineAt(bcis[i]);
            }
        }
        return -1;
    }
}
