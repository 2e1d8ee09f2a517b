package dev.uffdgc.toyvm.jit;

import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.interp.Code;
import dev.uffdgc.toyvm.interp.CompiledCode;
import dev.uffdgc.toyvm.interp.CompilerSupport;
import dev.uffdgc.toyvm.thread.VmThread;

/**
 * The superclass of every hidden class {@link Emitter} generates: what the generated {@code run} reads (the
 * support object, the method, its decoded code, the constants its instructions use) and its way back to the
 * interpreter. All fields final, so compiled code published through {@code Code.compiled} is safe to run from
 * any thread.
 */
public abstract class CompiledMethod extends CompiledCode {
    protected final Jit jit;
    protected final CompilerSupport sup;
    protected final VmMethod method;
    protected final Code code;
    /** Resolved pool objects the compiled instructions use (callees, classes, call sites), by constant index. */
    protected final Object[] k;

    protected CompiledMethod(Jit jit, CompilerSupport sup, VmMethod method, Code code, Object[] k) {
        this.jit = jit;
        this.sup = sup;
        this.method = method;
        this.code = code;
        this.k = k;
    }

    /**
     * Deoptimisation: the instruction at pc was not resolved when this code was compiled (or is not translated);
     * the interpreter runs the rest of this frame, and the method is compiled again later, with what the
     * interpreter will have resolved by then.
     */
    protected final void deopt(VmThread t, int base, int pc, int sp) {
        jit.deoptimised(method, code, this);
        sup.resume(t, method, code, base, pc, sp);
    }

    /** An OSR entry at a pc that is not a loop header of this code (a trampoline, or after a deopt). */
    protected final void enterInterpreted(VmThread t, int base, int pc) {
        sup.resume(t, method, code, base, pc, t.sp);
    }
}
