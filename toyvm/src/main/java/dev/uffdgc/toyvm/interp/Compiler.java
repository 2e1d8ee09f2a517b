package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.thread.VmThread;
import dev.uffdgc.toyvm.classfile.VmMethod;

/** The second tier as the interpreter sees it: when to compile, and the compilation itself. */
public interface Compiler {
    /** Invocations of a method before it is compiled. */
    int invocationThreshold();

    /** Backward branches taken in one method (over all its frames) before a running frame moves to compiled code. */
    int backedgeThreshold();

    /** Compiles {@code m} and installs the result in {@code c.compiled}; returns it, or null to stay interpreted. */
    CompiledCode compile(VmThread t, VmMethod m, Code c);

    /** Counts a running interpreted frame moving to compiled code (on-stack replacement). */
    void onStackReplacement();
}
