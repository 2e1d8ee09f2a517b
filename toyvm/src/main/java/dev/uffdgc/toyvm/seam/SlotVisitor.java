package dev.uffdgc.toyvm.seam;

/**
 * Visits the heap offset of one 32-bit reference slot inside an object (the slot, not its value: the collector
 * reads and, if it moves the target, writes it). Called by {@link Scanning#scanObject}.
 */
@FunctionalInterface
public interface SlotVisitor {
    void visit(long slot);
}
