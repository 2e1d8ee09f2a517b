package dev.uffdgc.toyvm.seam;

/**
 * Visits one root reference and returns its (possibly moved) new value, which the VM stores back into the root.
 * Called by {@link Scanning#forEachRoot} only, with the world stopped; never with null (0).
 */
@FunctionalInterface
public interface RootVisitor {
    int visit(int ref);
}
