package dev.uffdgc.toyvm.seam;

/**
 * Weak references, the VM's half (MMTk's {@code ReferenceGlue}): a collector that traces weakly
 * ({@link Scanning#scanObjectForTrace}) finds, once marking is complete, the discovered references whose referent
 * was not marked; it clears their referent slot itself (the slot is the collector's, like any other) and hands each
 * such reference here, as HotSpot's reference processor puts it on the pending list.
 *
 * <p>Which references are weak: {@code java.lang.ref.WeakReference} and {@code PhantomReference} and their
 * subclasses; SoftReferences too in a collection that must clear them (the VM's last one before an
 * OutOfMemoryError, as the Java spec requires), otherwise they are traced strongly (HotSpot clears them earlier only
 * by an LRU policy under memory pressure). Final references are strong (toyvm runs no finalizers).
 */
public interface References {
    /**
     * Puts {@code reference} (marked, its referent just cleared by the caller) on the VM's pending list. Only with
     * the world stopped, by the pause's owner, before anything moves in that pause (the pending list is a root, so
     * the same pause's compaction forwards it). The VM's Reference Handler thread takes the list after the resume
     * and enqueues each reference in its queue (or runs its Cleaner). Must not allocate.
     */
    void enqueuePending(int reference);
}
