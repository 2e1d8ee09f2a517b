package dev.uffdgc.toyvm.thread;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.interp.VmThread;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stop-the-world for guest threads, HotSpot style. Each guest thread is RUNNING (may touch the heap), BLOCKED
 * (in sleep, wait, join, park, monitor entry, not started or ended: it touches nothing until it unblocks) or
 * STOPPED (parked at a poll). A pause sets {@link #requested}; RUNNING threads see it at their next poll
 * (method entry, backward branch, allocation slow path) and stop; BLOCKED threads already count as stopped and
 * {@link #unblock} holds them until the world resumes. So a pause waits only for threads actually running
 * guest code, and the time to reach it is bounded by the longest stretch of bytecode without a poll.
 *
 * All state changes happen under one lock: transitions are rare (blocking calls, pauses), the hot path is one
 * volatile read of {@link #requested}. Rule for the rest of the VM: never hold a host lock across a poll, an
 * allocation or guest code, and wait for anything only while BLOCKED.
 */
public final class Safepoints {
    /** Polled by every running guest thread; true while a pause is requested or the VM is exiting. */
    public volatile boolean requested;
    private final Vm vm;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean active;
    private Thread owner;
    private int nesting;
    private boolean exiting;
    private long lastEnd;
    private long begin;
    private long reached;
    private String reason;
    private long[] ttsp = new long[64];
    private int pauses;

    public Safepoints(Vm vm) {
        this.vm = vm;
        this.lastEnd = System.nanoTime();
    }

    /** The slow path of a poll: stops here while a pause is active; unwinds the thread if the VM is exiting. */
    public void poll(VmThread t) {
        lock.lock();
        try {
            if (active && owner != Thread.currentThread()) {
                t.state = VmThread.STOPPED;
                changed.signalAll();
                while (active) {
                    changed.awaitUninterruptibly();
                }
                t.state = VmThread.RUNNING;
            }
            checkExit();
        } finally {
            lock.unlock();
        }
    }

    /** Before a thread waits for anything: from now on it counts as stopped and must not touch the heap. */
    public void block(VmThread t) {
        lock.lock();
        try {
            t.state = VmThread.BLOCKED;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** After the wait: back to running guest code, once no pause is in progress. */
    public void unblock(VmThread t) {
        lock.lock();
        try {
            while (active && owner != Thread.currentThread()) {
                changed.awaitUninterruptibly();
            }
            t.state = VmThread.RUNNING;
            checkExit();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops every guest thread other than the caller. Returns true when the caller now owns the pause (it must
     * call {@link #resumeTheWorld}); false when another pause ran while the caller waited as a stopped thread
     * (a collector then simply retries its allocation). Reentrant for the owner.
     */
    public boolean stopTheWorld(VmThread self, String why) {
        lock.lock();
        try {
            if (active && owner == Thread.currentThread()) {
                nesting++;
                return true;
            }
            if (active) {
                if (self != null) {
                    self.state = VmThread.STOPPED;
                    changed.signalAll();
                }
                while (active) {
                    changed.awaitUninterruptibly();
                }
                if (self != null) {
                    self.state = VmThread.RUNNING;
                }
                checkExit();
                return false;
            }
            begin = System.nanoTime();
            active = true;
            owner = Thread.currentThread();
            nesting = 1;
            reason = why;
            requested = true;
            while (someoneRunning(self)) {
                changed.awaitUninterruptibly();
            }
            reached = System.nanoTime();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean someoneRunning(VmThread self) {
        for (VmThread t : vm.threads) {
            if (t != self && t.state == VmThread.RUNNING) {
                return true;
            }
        }
        return false;
    }

    /** Ends the pause the caller owns and logs it in HotSpot's -Xlog:safepoint shape. */
    public void resumeTheWorld() {
        long end;
        lock.lock();
        try {
            if (!active || owner != Thread.currentThread()) {
                throw new IllegalStateException("toyvm: resumeTheWorld by a thread that does not own the pause");
            }
            if (--nesting > 0) {
                return;
            }
            end = System.nanoTime();
            record(reached - begin);
            active = false;
            owner = null;
            requested = exiting;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        vm.safepointLog.line("safepoint", String.format(Locale.ROOT,
                "Safepoint \"%s\", Time since last: %d ns, Reaching safepoint: %d ns, At safepoint: %d ns, Total: %d ns",
                reason, begin - lastEnd, reached - begin, end - reached, end - begin));
        lastEnd = end;
    }

    /** True while the calling host thread owns a pause. */
    public boolean ownsPause() {
        lock.lock();
        try {
            return active && owner == Thread.currentThread();
        } finally {
            lock.unlock();
        }
    }

    /** The VM is ending (System.exit): every thread unwinds at its next poll or when it unblocks. */
    public void beginExit() {
        lock.lock();
        try {
            exiting = true;
            requested = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean exiting() {
        return exiting;
    }

    private void checkExit() {
        if (exiting) {
            throw new ThreadDeath();
        }
    }

    private void record(long nanos) {
        if (pauses == ttsp.length) {
            ttsp = Arrays.copyOf(ttsp, pauses * 2);
        }
        ttsp[pauses++] = nanos;
    }

    /** Time to safepoint of every pause so far, in nanoseconds. */
    public long[] timesToSafepoint() {
        lock.lock();
        try {
            return Arrays.copyOf(ttsp, pauses);
        } finally {
            lock.unlock();
        }
    }

    /** Unwinds a guest thread when the VM exits; host code lets it pass (it is not a guest exception). */
    public static final class ThreadDeath extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ThreadDeath() {
            super("toyvm exiting", null, false, false);
        }
    }
}
