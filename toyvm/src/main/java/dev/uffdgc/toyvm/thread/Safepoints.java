package dev.uffdgc.toyvm.thread;

import dev.uffdgc.toyvm.Vm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stop-the-world for guest threads, HotSpot style. Each guest thread is RUNNING (may touch the heap), BLOCKED
 * (in sleep, wait, join, park, monitor entry, not started or ended: it touches nothing until it unblocks) or
 * STOPPED (parked at a poll). A pause sets {@link #requested}; RUNNING threads see it at their next poll
 * (method entry, backward branch, allocation slow path) and stop; BLOCKED threads already count as stopped and
 * {@link #unblock} holds them until the world resumes. So a pause waits only for threads actually running
 * guest code, and the time to reach it is bounded by the longest stretch of bytecode without a poll.
 *
 * Reaching the safepoint takes no lock. Measured first with one lock for every transition: threads that had
 * reached their poll then queued for that lock, and each hand-off waited for the scheduler to run the next
 * waiter while the CPUs (2 here) were still busy with the threads not yet stopped — that convoy was most of
 * the time to safepoint. Now a thread publishes its state with a volatile write and unparks the requester; the
 * requester parks until no thread is RUNNING. Going back to RUNNING is Dekker-style: write RUNNING, then
 * re-check {@link #active}; the requester writes {@code active} before it reads the states, so with volatile
 * (sequentially consistent) accesses one of them always sees the other. The lock serialises only who owns a
 * pause and the wait for its end. Rule for the rest of the VM: never hold a host lock across a poll, an
 * allocation or guest code, and wait for anything only while BLOCKED. The thread list (what a pause scans)
 * changes only by a RUNNING thread: a parent starting a thread, a thread ending before it blocks for good
 * (GuestThreads.terminate), so no pause sees it change.
 */
public final class Safepoints {
    /** Polled by every running guest thread; true while a pause is requested or the VM is exiting. */
    public volatile boolean requested;
    private final Vm vm;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition resumed = lock.newCondition();
    private volatile boolean active;
    private volatile Thread owner;
    /** The requester while it waits for threads to stop: whoever stops or blocks unparks it. */
    private volatile Thread waiter;
    /** -Xsafepoint-timeout's reporter, or null when off. */
    private final SafepointTimeout diagnostic;
    private int nesting;
    private volatile boolean exiting;
    private long lastEnd;
    private long begin;
    private long reached;
    private String reason;
    private long[] ttsp = new long[64];
    private int pauses;

    public Safepoints(Vm vm) {
        this.vm = vm;
        this.lastEnd = System.nanoTime();
        this.diagnostic = vm.options.safepointTimeoutMillis > 0 ? new SafepointTimeout(vm) : null;
    }

    /** The slow path of a poll: stops here while a pause is active; unwinds the thread if the VM is exiting. */
    public void poll(VmThread t) {
        if (active && owner != Thread.currentThread()) {
            park(t, VmThread.STOPPED);
        }
        checkExit();
    }

    /** Before a thread waits for anything: from now on it counts as stopped and must not touch the heap. */
    public void block(VmThread t) {
        t.state = VmThread.BLOCKED;
        wakeWaiter();
    }

    /** After the wait: back to running guest code, once no pause is in progress. */
    public void unblock(VmThread t) {
        if (diagnostic != null) {
            diagnostic.noteThread(t);
        }
        t.state = VmThread.RUNNING;
        if (active && owner != Thread.currentThread()) {
            park(t, VmThread.BLOCKED);
        }
        checkExit();
    }

    /** Counts as stopped in {@code how} until no pause by another thread is active, then runs again. */
    private void park(VmThread t, int how) {
        Thread me = Thread.currentThread();
        do {
            t.state = how;
            wakeWaiter();
            awaitResume(me);
            t.state = VmThread.RUNNING; // then re-check: a new pause may have begun (see the class comment)
        } while (active && owner != me);
    }

    private void awaitResume(Thread me) {
        lock.lock();
        try {
            while (active && owner != me) {
                resumed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    private void wakeWaiter() {
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /**
     * Stops every guest thread other than the caller. Returns true when the caller now owns the pause (it must
     * call {@link #resumeTheWorld}); false when another pause ran while the caller waited as a stopped thread
     * (a collector then simply retries its allocation). Reentrant for the owner.
     */
    public boolean stopTheWorld(VmThread self, String why) {
        Thread me = Thread.currentThread();
        if (active && owner == me) {
            nesting++;
            return true;
        }
        lock.lock();
        boolean mine = !active;
        if (mine) {
            begin = System.nanoTime();
            owner = me;
            nesting = 1;
            reason = why;
            active = true;
            requested = true;
        }
        lock.unlock();
        if (!mine) {
            if (self != null) {
                park(self, VmThread.STOPPED);
            } else {
                awaitResume(me);
            }
            checkExit();
            return false;
        }
        awaitStopped(self);
        reached = System.nanoTime();
        if (diagnostic != null) {
            diagnostic.reached();
        }
        return true;
    }

    /**
     * Parks until no thread but {@code self} runs; every thread that stops or blocks unparks it. With
     * -Xsafepoint-timeout, a pause that waits longer reports once where each late thread is, like HotSpot's
     * SafepointTimeout.
     */
    private void awaitStopped(VmThread self) {
        long timeout = vm.options.safepointTimeoutMillis * 1_000_000L;
        boolean reported = timeout == 0;
        waiter = Thread.currentThread();
        try {
            while (someoneRunning(self)) {
                if (reported) {
                    LockSupport.park(this);
                    continue;
                }
                long left = begin + timeout - System.nanoTime();
                if (left <= 0) {
                    diagnostic.report(running(self), begin);
                    reported = true;
                } else {
                    LockSupport.parkNanos(this, left);
                }
            }
        } finally {
            waiter = null;
        }
    }

    private List<VmThread> running(VmThread self) {
        List<VmThread> r = new ArrayList<>();
        for (VmThread t : vm.threads) {
            if (t != self && t.state == VmThread.RUNNING) {
                r.add(t);
            }
        }
        return r;
    }

    private boolean someoneRunning(VmThread self) {
        for (VmThread t : vm.threads) {
            if (t != self && t.state == VmThread.RUNNING) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ends the pause the caller owns and logs it in HotSpot's -Xlog:safepoint shape. Returns System.nanoTime() at
     * the moment the stopped threads were released (the log line is written after that, outside the pause); for a
     * nested pause, which does not release anyone, the time of the call.
     */
    public long resumeTheWorld() {
        long end;
        if (!active || owner != Thread.currentThread()) {
            throw new IllegalStateException("toyvm: resumeTheWorld by a thread that does not own the pause");
        }
        if (--nesting > 0) {
            return System.nanoTime();
        }
        lock.lock();
        try {
            end = System.nanoTime();
            record(reached - begin);
            requested = exiting;
            active = false;
            owner = null;
            resumed.signalAll();
        } finally {
            lock.unlock();
        }
        vm.safepointLog.line("safepoint", String.format(Locale.ROOT,
                "Safepoint \"%s\", Time since last: %d ns, Reaching safepoint: %d ns, At safepoint: %d ns, Total: %d ns",
                reason, begin - lastEnd, reached - begin, end - reached, end - begin));
        lastEnd = end;
        return end;
    }

    /** True while the calling host thread owns a pause. */
    public boolean ownsPause() {
        return active && owner == Thread.currentThread();
    }

    /** The VM is ending (System.exit): every thread unwinds at its next poll or when it unblocks. */
    public void beginExit() {
        lock.lock();
        try {
            exiting = true;
            requested = true;
            resumed.signalAll();
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
