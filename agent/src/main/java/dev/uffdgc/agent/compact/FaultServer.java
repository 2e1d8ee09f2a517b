package dev.uffdgc.agent.compact;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.Uffd;
import dev.uffdgc.kernel.UffdEvent;

/**
 * The userfaultfd handler thread. It waits for faults in poll(2) (native state, so it never holds up a HotSpot
 * safepoint), resolves a fault on an unbuilt page by building it first (or waiting for the thread that claimed
 * it), and finishes a cycle once its last page is mapped, so mutators never pay for the finish.
 */
final class FaultServer {
    private static final long POLL_MILLIS = 2;
    private final Uffd uffd;
    private final Compactor owner;
    private final Thread thread;
    private volatile boolean stopped;

    FaultServer(Uffd uffd, Compactor owner) {
        this.uffd = uffd;
        this.owner = owner;
        this.thread = Thread.ofPlatform().daemon().name("uffd-gc-faults").start(this::loop);
    }

    void watch(Cycle c) {
        nudge();
    }

    void nudge() {
        java.util.concurrent.locks.LockSupport.unpark(thread);
    }

    void stop() {
        stopped = true;
        nudge();
    }

    /** After {@link #stop}: waits until the handler thread has ended; false if it still runs at the deadline. */
    boolean join(long deadlineNanos) throws InterruptedException {
        return Threads.join(thread, deadlineNanos);
    }

    private void loop() {
        while (!stopped) {
            Cycle c = owner.active();
            if (c == null) {
                // No timeout: a timed wake every 50 ms fell inside a pause now and then (a 0.3-1 ms pause is 1-2% of
                // 50 ms) and took the pausing thread's CPU (perf sched_switch: the hrtimer wake, then the switch). The
                // flip's watch() unparks it; a permit given before the park makes the park return at once.
                java.util.concurrent.locks.LockSupport.park(this);
                continue;
            }
            try {
                UffdEvent e = uffd.readEvent(POLL_MILLIS);
                if (e != null && e.isPagefault()) {
                    serve(c, e);
                }
                if (c.states.complete()) {
                    owner.finish(c);
                }
            } catch (RuntimeException ex) {
                // Keep serving: a dead handler would leave faulting threads blocked for good.
                owner.backgroundFailed(new IllegalStateException("fault handler: " + ex, ex));
            }
        }
    }

    private void serve(Cycle c, UffdEvent e) {
        long t = System.nanoTime();
        long base = c.heapRange().address();
        long page = (e.pageAddress() - base) >>> dev.uffdgc.toyvm.heap.ObjectLayout.PAGE_SHIFT;
        if (page >= 0 && page < c.pages()) {
            c.ensureMapped((int) page, CycleStats.LONE_FAULT);
        }
        if (!c.emergency()) {
            uffd.wake(e.pageAddress(), Memory.PAGE_SIZE);
        }
        owner.fault(c, (int) page, System.nanoTime() - t);
    }
}
