package dev.uffdgc.agent.compact;

/**
 * What a compactor reports: the GC log and JFR events listen here. Called on the thread where it happened. Each
 * method is a no-op unless overridden (a composite such as {@code Listeners} must forward every one).
 */
public interface CompactorListener {
    /** Cycle {@code id}'s Init Mark pause (roots copied, barrier on) is over: the concurrent mark runs. */
    default void initMarked(int id, String cause, long pauseNanos, long timeToSafepointNanos) {
    }

    /** Cycle {@code id}'s Final Mark pause (SATB drained, barrier off) is over: the concurrent plan runs. */
    default void finalMarked(int id, String cause, long pauseNanos, long timeToSafepointNanos, long concurrentMarkNanos) {
    }

    /**
     * The flip pause (Relocate Start: what was allocated during the plan appended, mremap, register, roots) of
     * cycle {@code id} is over; the world resumes. {@code stats} also holds the earlier pauses and phases.
     */
    default void paused(int id, String cause, CycleStats stats) {
    }

    /** Cycle {@code id} has mapped its last page, unregistered the heap and released its from-space. */
    default void finished(int id, String cause, CycleStats stats) {
    }

    /** A mutator waited {@code nanos} for page {@code page} (at its page-state check, or in a userfault). */
    default void stalled(int id, int page, long nanos, boolean userfault) {
    }

    /** A one-line notice: a fallback and why. */
    default void note(String message) {
    }

    /** Listens to nothing: every method is a no-op by default, a listener overrides what it needs. */
    CompactorListener NONE = new CompactorListener() {
    };
}
