package dev.uffdgc.toyvm.seam;

/**
 * Told by {@link Scanning#scanObjectForTrace} about each weak reference object it scans (MMTk's reference
 * discovery): the object and the heap offset of its referent slot, which the scan did not visit.
 */
@FunctionalInterface
public interface ReferenceDiscovery {
    void discover(long reference, long referentSlot);
}
