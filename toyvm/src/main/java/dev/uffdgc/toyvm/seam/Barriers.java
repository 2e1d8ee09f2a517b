package dev.uffdgc.toyvm.seam;

import dev.uffdgc.toyvm.heap.ReferenceStoreBarrier;

/**
 * Mutator barriers (MMTk's {@code Barriers}): how a collector that marks while mutators run sees every reference
 * store. toyvm routes every reference store a mutator makes into the heap — putfield/aastore in both tiers,
 * volatile stores, System.arraycopy of references, Unsafe's reference put/CAS/exchange, lambda captures — through
 * {@code heap.Barrier}; this turns its snapshot-at-the-beginning hook on and off.
 */
public interface Barriers {
    /**
     * Installs {@code b} as the reference-store barrier (null removes it). Only by the thread that owns a pause
     * (world stopped): every mutator sees the change when it resumes, so after the resume that installed it every
     * overwritten non-null reference slot of the heap is reported to {@code b} before it is overwritten, and after
     * the resume that removed it none is. Stores made before the installing pause are not reported (the
     * collector takes its snapshot — the roots — in that same pause).
     */
    void setReferenceStoreBarrier(ReferenceStoreBarrier b);
}
