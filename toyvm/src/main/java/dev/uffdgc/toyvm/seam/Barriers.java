package dev.uffdgc.toyvm.seam;

/**
 * Mutator barriers (MMTk's {@code Barriers}): what the VM calls around heap stores so that a collector running
 * concurrently with mutators sees every reference store. Empty today: every collector marks with the world
 * stopped, so no store needs to be reported. Concurrent marking, the next step, fills it: a reference-store barrier
 * called by every bytecode and native that writes a reference into the heap, on the mutator thread, before the
 * store, with the world running.
 */
public interface Barriers {
}
