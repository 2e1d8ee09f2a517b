package dev.uffdgc.toyvm.thread;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One inflated guest monitor: owner, recursion count, entry queue and wait set, on a host lock that is held
 * only for bookkeeping (never while guest code runs). {@link #interest} counts the enters not yet matched by
 * exits plus threads on their way in, so {@link Monitors} can drop the monitor once nobody needs it.
 */
final class Monitor {
    final ReentrantLock lock = new ReentrantLock();
    private final Condition entry = lock.newCondition();
    private final Condition waitSet = lock.newCondition();
    private VmThread owner;
    private int count;
    /** Guarded by the Monitors table (changed only inside ConcurrentHashMap.compute for this key). */
    int interest;

    /** Fast path: takes a free or already owned monitor without blocking. */
    boolean tryEnter(VmThread t) {
        lock.lock();
        try {
            if (owner == t) {
                count++;
                return true;
            }
            if (owner == null) {
                owner = t;
                count = 1;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Slow path, called while the thread is BLOCKED. */
    void enterBlocking(VmThread t, Safepoints safepoints) {
        lock.lock();
        try {
            while (owner != null) {
                if (safepoints.exiting()) {
                    throw new Safepoints.ThreadDeath();
                }
                try {
                    entry.await(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    // the VM exiting, checked above; a guest interrupt does not stop monitor entry
                }
            }
            owner = t;
            count = 1;
        } finally {
            lock.unlock();
        }
    }

    boolean isOwnedBy(VmThread t) {
        lock.lock();
        try {
            return owner == t;
        } finally {
            lock.unlock();
        }
    }

    /** Returns false if {@code t} does not own the monitor. */
    boolean exit(VmThread t) {
        lock.lock();
        try {
            if (owner != t) {
                return false;
            }
            if (--count == 0) {
                owner = null;
                entry.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Object.wait: releases the monitor completely, waits for a notify, the timeout (0 = none) or a host
     * interrupt, then re-enters with the same recursion count. Called while BLOCKED. Returns true when woken by
     * a host interrupt.
     */
    boolean await(VmThread t, long nanos, Safepoints safepoints) {
        lock.lock();
        try {
            int saved = count;
            owner = null;
            count = 0;
            entry.signal();
            boolean interrupted = false;
            try {
                if (!t.interrupted) {
                    if (nanos > 0) {
                        waitSet.awaitNanos(nanos);
                    } else {
                        waitSet.await();
                    }
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            while (owner != null) {
                if (safepoints.exiting()) {
                    return true; // the VM is ending: unblock unwinds this thread, don't wait for the monitor
                }
                try {
                    entry.await(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            owner = t;
            count = saved;
            return interrupted;
        } finally {
            lock.unlock();
        }
    }

    void notifyOne() {
        lock.lock();
        try {
            waitSet.signal();
        } finally {
            lock.unlock();
        }
    }

    void notifyAllWaiters() {
        lock.lock();
        try {
            waitSet.signalAll();
        } finally {
            lock.unlock();
        }
    }

    static long nanos(long millis) {
        return millis <= 0 ? 0 : TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
