package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.thread.VmThread;

/** A linked invokedynamic site: consumes its arguments from the stack top and pushes its result. */
@FunctionalInterface
public interface CallSite {
    /** Runs the site with t.sp == sp (arguments on top); returns the new sp. */
    int invoke(VmThread t, int sp);
}
