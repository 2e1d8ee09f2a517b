package dev.uffdgc.toyvm.seam;

import dev.uffdgc.toyvm.heap.HeapAccess;

/**
 * How an object looks: class id, size, layout by class, fillers (layout constants in
 * {@link dev.uffdgc.toyvm.heap.ObjectLayout}). Methods that take a {@code view} read the header from that view —
 * the heap, or a collector's from-space copy of it — so no collector hard-codes header offsets. Callable from
 * any thread; results for an object are stable while the object is not being written by a collector. Methods
 * taking an {@code obj} need the offset of an object's or a filler's header (a start, as a parse of the heap
 * or the mark bitmap finds it); methods taking a {@code classId} need a valid one ({@link #isValidClassId});
 * otherwise they may throw or answer garbage — checking is the verifier's job, not the hot path's.
 */
public interface ObjectModel {
    /** Whether the object at {@code obj} (in the heap) is a filler (a dead gap). */
    boolean isFiller(long obj);

    /** Whether {@code id} names a filler or a loaded class. Safe for any int (the verifier's check). */
    boolean isValidClassId(int id);

    /** The class name of the object at {@code obj}, "&lt;filler&gt;" for a filler; for diagnostics. */
    String className(long obj);

    /** Size in bytes of the object (or filler) at {@code obj} in the heap, 8-aligned. */
    long objectSize(long obj);

    /** Size of the object at {@code obj} in {@code view}. */
    long objectSize(HeapAccess view, long obj);

    /** The class id in the header at {@code obj} of {@code view}. */
    int classId(HeapAccess view, long obj);

    /** The array length in the header at {@code obj} of {@code view}; 0 for instances and fillers. */
    int arrayLength(HeapAccess view, long obj);

    /** Element size in bytes of an array class; 0 for instance classes and the filler. */
    int elementSize(int classId);

    /** Whether {@code classId} is an array of references. */
    boolean isReferenceArray(int classId);

    /** Size of an object of class {@code classId} with array length {@code length} (ignored for instances). */
    long sizeOf(int classId, int length);

    /** Offsets of the reference fields of an instance class (none for arrays and the filler). */
    int[] referenceOffsets(int classId);

    /**
     * Writes a filler of {@code bytes} (>= 8, 8-aligned, < 2 GiB: its size is the header's second int) at
     * {@code off} in the heap, so a parse steps over the gap. By a collector while it owns the pause, or on
     * memory no mutator can reach yet.
     */
    void writeFiller(long off, long bytes);

    /** Writes a filler of {@code bytes} at {@code off} of {@code view} (a page being built, a from-space copy). */
    void writeFiller(HeapAccess view, long off, long bytes);
}
