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

    public Code(int[] code, Object[] pool, int maxLocals, int maxStack, int[] handlers, int[] lines) {
        this.code = code;
        this.pool = pool;
        this.maxLocals = maxLocals;
        this.maxStack = maxStack;
        this.handlers = handlers;
        this.lines = lines;
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
}
