package dev.uffdgc.toyvm.heap;

/**
 * A snapshot-at-the-beginning (SATB) pre-write barrier, the collector's half of {@link Barrier}: while a
 * concurrent mark runs, every reference a mutator is about to overwrite in a heap slot is handed to it, so the
 * marker still reaches every object that was reachable when marking began (Yuasa's deletion barrier, as G1 and
 * Shenandoah use it).
 *
 * <p>Called on the mutator thread, with the world running, before the store, with the slot's current value
 * (never 0: overwriting null loses nothing). Also for stores into objects allocated during the mark (harmless:
 * whatever they held was reachable). Must not allocate in the guest heap, stop the world, or block on anything a
 * safepoint waits for; it may be called concurrently by every mutator.
 *
 * <p>{@link Barrier#keepAlive} calls it too, with the referent a {@code Reference.get()} returns: not an
 * overwritten value but one that must be marked for the same reason (it was not reachable through strong
 * references when marking began, and may be stored where the mark has already been).
 */
public interface ReferenceStoreBarrier {
    void overwriting(int oldRef);
}
