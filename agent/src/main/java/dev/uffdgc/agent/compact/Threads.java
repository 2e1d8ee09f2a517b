package dev.uffdgc.agent.compact;

/** Joining the compactor's background threads against one deadline. */
final class Threads {
    private Threads() {
    }

    /** Waits for {@code t} to end until {@code deadlineNanos} (System.nanoTime); true if it has ended. */
    static boolean join(Thread t, long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            t.join(java.time.Duration.ofNanos(left));
        }
        return !t.isAlive();
    }
}
