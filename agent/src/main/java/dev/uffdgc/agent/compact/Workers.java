package dev.uffdgc.agent.compact;

/**
 * The background compaction threads: each waits for a cycle, takes runs of pages until none are left, and
 * waits for the next. Daemon threads: they never keep the VM alive.
 */
final class Workers {
    private final Thread[] threads;
    private final java.util.function.Consumer<RuntimeException> onFailure;
    private Cycle cycle;
    private long generation;
    private boolean stopped;

    /** {@code onFailure} gets what a worker threw, so that the test or pause that caused it fails. */
    Workers(int count, java.util.function.Consumer<RuntimeException> onFailure) {
        this.onFailure = onFailure;
        threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            threads[i] = Thread.ofPlatform().daemon().name("uffd-gc-worker-" + i).start(this::loop);
        }
    }

    synchronized void start(Cycle c) {
        cycle = c;
        generation++;
        notifyAll();
    }

    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /** After {@link #stop}: waits until every worker has ended; false if one is still running at the deadline. */
    boolean join(long deadlineNanos) throws InterruptedException {
        for (Thread t : threads) {
            if (!Threads.join(t, deadlineNanos)) {
                return false;
            }
        }
        return true;
    }

    private void loop() {
        long seen = 0;
        while (true) {
            Cycle c;
            synchronized (this) {
                while (!stopped && generation == seen) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopped) {
                    return;
                }
                seen = generation;
                c = cycle;
            }
            try {
                c.work();
            } catch (RuntimeException | Error e) {
                onFailure.accept(new IllegalStateException("worker " + Thread.currentThread().getName() + " failed: " + e, e));
            }
        }
    }
}
