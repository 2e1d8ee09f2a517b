package dev.uffdgc.kernel.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A host thread that forces a HotSpot safepoint every millisecond until closed — the other half of every test of
 * the safepoint deadlock (DESIGN.md): a thread blocked in a userfault in Java state holds each of these safepoints
 * up forever. Run such tests in a child JVM under {@link ChildJvm}.
 *
 * <p>The safepoint is {@link ThreadMXBean#findDeadlockedThreads()}: HotSpot's {@code FindDeadlocks} VM operation,
 * a global safepoint that stops every Java thread like a collection does and then only scans a few monitors
 * (0.05 ms here; WatchdogTest's DeadlockChild shows it hangs on a thread blocked in a userfault in Java state, as
 * a collection does). Every {@value #FULL_GC_EVERY}th one is a {@code System.gc()}, so that the host collector's
 * own pauses stay in the mix. Until 2026-12-07 every one was a {@code System.gc()}: a full G1 collection of a
 * toyvm process's host heap takes 25-35 ms, so "every millisecond" was one every ~30 ms, and host collections took
 * 62 of the 73 s CPU of a SafepointStressTest case (JFR {@code jdk.GCCPUTime}).
 */
public final class SafepointForcer implements AutoCloseable {
    /** One forced safepoint in this many is a full collection of the host heap. */
    static final int FULL_GC_EVERY = 128;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AtomicLong safepoints = new AtomicLong();
    private final AtomicLong fullGcs = new AtomicLong();
    private volatile boolean stop;
    private final Thread thread;

    private SafepointForcer() {
        thread = Thread.ofPlatform().daemon().name("safepoint-forcer").start(() -> {
            while (!stop) {
                if (safepoints.get() % FULL_GC_EVERY == FULL_GC_EVERY - 1) {
                    System.gc();
                    fullGcs.incrementAndGet();
                } else {
                    forceOne();
                }
                safepoints.incrementAndGet();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    public static SafepointForcer start() {
        return new SafepointForcer();
    }

    /**
     * One global safepoint that does no collection: returns when every Java thread has stopped and resumed once.
     * Never returns while a Java-state thread is blocked in a userfault.
     */
    public static void forceOne() {
        THREADS.findDeadlockedThreads();
    }

    /** Completed forced safepoints so far: + 2 after a moment means one whole safepoint ran after it. */
    public long safepoints() {
        return safepoints.get();
    }

    /** How many of {@link #safepoints()} were full collections of the host heap. */
    public long fullGcs() {
        return fullGcs.get();
    }

    /** Stops the thread and waits for it (at most 30 s: it ends after its current safepoint). */
    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(30_000);
    }
}
