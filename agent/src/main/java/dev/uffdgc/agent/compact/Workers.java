package dev.uffdgc.agent.compact;

/**
 * The background compaction threads: each waits for a cycle, takes runs of pages until none are left, and
 * waits for the next. Daemon threads: they never keep the VM alive.
 */
final class Workers {
    private final Thread[] threads;
    private Cycle cycle;
    private long generation;
    private boolean stopped;
    private final Failures failures;

    Workers(int count, Failures failures) {
        this.failures = failures;
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
                failures.record("worker " + Thread.currentThread().getName(), e);
                System.err.println("uffd-gc: worker " + Thread.currentThread().getName() + " failed: " + e);
                e.printStackTrace();
            }
        }
    }
}
