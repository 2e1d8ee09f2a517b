package dev.uffdgc.toyvm.seam;

/**
 * Visits one root reference and returns its (possibly moved) new value, which the VM stores back into the root.
 * Called by {@link Scanning#forEachRoot} only, on the thread that owns the pause; never with null (0). Must not
 * allocate or return 0 for a live object.
 */
@FunctionalInterface
public interface RootVisitor {
    int visit(int ref);
}
