package dev.uffdgc.kernel.bench;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the current thread, to show that the timed loops allocate nothing. */
final class Allocation {
    private Allocation() {
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Total bytes the calling thread has allocated so far; -1 if the JVM does not track it. */
    static long current() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
