package dev.uffdgc.kernel.testing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A host thread that forces a HotSpot safepoint (System.gc()) every millisecond until closed — the other half of
 * every test of the safepoint deadlock (DESIGN.md): a thread blocked in a userfault in Java state holds each of
 * these safepoints up forever. Run such tests in a child JVM under {@link ChildJvm}.
 */
public final class SafepointForcer implements AutoCloseable {
    private final AtomicLong gcs = new AtomicLong();
    private volatile boolean stop;
    private final Thread thread;

    private SafepointForcer() {
        thread = Thread.ofPlatform().daemon().name("safepoint-forcer").start(() -> {
            while (!stop) {
                System.gc();
                gcs.incrementAndGet();
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

    /** Completed System.gc() calls so far: + 2 after a moment means one whole safepoint ran after it. */
    public long gcs() {
        return gcs.get();
    }

    /** Stops the thread and waits for it (at most 30 s: it ends after its current System.gc()). */
    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(30_000);
    }
}
