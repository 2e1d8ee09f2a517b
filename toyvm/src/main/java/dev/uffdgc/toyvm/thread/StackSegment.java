package dev.uffdgc.toyvm.thread;

/**
 * One segment of a guest thread's stacks: a pair of parallel arrays (prims, refs) holding whole frames. A frame
 * never straddles two segments, so a frame's arrays never change while it runs: the interpreter and compiled
 * code keep them in locals across calls, allocations and safepoints, as they did with one fixed stack.
 *
 * <p>A thread's segments form a chain. The first frame of a segment is entered from the segment below: its
 * arguments are copied in at slot 0, and {@link #belowTop} records where they were in the segment below, which
 * is also how much of the segment below is live while this one is in use (the caller's frames end at its
 * arguments). A segment that is popped stays linked as {@link #above} of the one below, so a loop that calls
 * across the boundary reuses it instead of allocating.
 */
public final class StackSegment {
    public final long[] prims;
    public final int[] refs;
    /** The segment this one was entered from; null for a thread's first segment. */
    public final StackSegment below;
    /** While this segment is in use: the live top of {@link #below} (the base its first frame's arguments had). */
    public int belowTop;
    /** The next segment up, kept for reuse once allocated (null until a frame first needed it). */
    StackSegment above;

    StackSegment(StackSegment below, int slots) {
        this.below = below;
        this.prims = new long[slots];
        this.refs = new int[slots];
    }

    public int slots() {
        return refs.length;
    }
}
