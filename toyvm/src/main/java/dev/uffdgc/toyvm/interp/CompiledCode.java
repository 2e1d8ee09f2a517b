package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.thread.VmThread;
/**
 * A guest method translated to host bytecode (see dev.uffdgc.toyvm.jit). It runs one guest frame in exactly
 * the interpreter's layout (the same prims/refs slots, depth, framePcs), so the two tiers can hand a frame to
 * each other at any instruction boundary.
 */
public abstract class CompiledCode {
    /**
     * Runs the frame whose arguments are at {@code base}. {@code entryPc < 0}: a new call (the compiled code
     * builds the frame, as {@code Interpreter.run} does). Otherwise the frame already exists at depth
     * {@code t.depth} (the interpreter built it) and execution continues at decoded pc {@code entryPc}, with the
     * operand stack as the interpreter left it: an on-stack replacement at a backward branch's target.
     */
    public abstract void run(VmThread t, int base, int entryPc);
}
