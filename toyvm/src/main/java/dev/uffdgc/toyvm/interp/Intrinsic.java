package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.thread.VmThread;

/**
 * A method implemented by the host. Arguments are on the thread's stacks at {@code [base, base + argSlots)}
 * (references in {@code t.refs}, primitives as raw bits in {@code t.prims}); the result goes to slot
 * {@code base}. An intrinsic that allocates must not keep a guest reference in a host variable across the
 * allocation: it re-reads the argument slots (the collector updates them) or uses the thread's handles.
 */
@FunctionalInterface
public interface Intrinsic {
    void invoke(VmThread t, int base);
}
