package dev.uffdgc.agent.compact;

import dev.uffdgc.toyvm.gc.toolkit.Tracer;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Helper threads of the concurrent mark ({@code markers=N}: N - 1 of them), and the work they share with the marker
 * thread. Why: a cycle starts at allocation failure, so the mutator that needs memory waits through the whole
 * concurrent mark (the GC log's "mark stall"), and with one marker thread the other CPU of this 2-vCPU machine sat
 * idle meanwhile (1 guest thread; with 2, the second one soon fails its allocation too and waits as well).
 *
 * <p>Each thread marks depth-first from its own {@link Tracer} stack, the tracers sharing one bitmap by
 * compare-and-set ({@link Tracer#helper}). A thread that runs out of work waits as "hungry"; a thread with work looks
 * every {@value #CHECK} objects scanned and, if more threads are hungry than packets wait, hands over the oldest half
 * of its stack (the roots of the largest subgraphs it has not entered), at most {@value #MAX_PACKET}. A round ends
 * when no thread holds work and no packet waits, decided under one lock; after that no helper reads the heap (a
 * helper reads it only while it holds work), so abandoning a mark or moving to Final Mark needs nothing more.
 */
final class MarkHelpers {
    /** Objects scanned between two looks at the hungry count (a volatile read). */
    static final int CHECK = 64;
    /**
     * At most this many queued objects are handed over at once. A thread that holds work and loses its CPU holds up
     * the end of the round (nobody can take its stack), so what it may hold is bounded: with half a stack, at load
     * ~10 and 2 guest threads the mark's wall time grew (LiveSetChurn 8 2 102 -Xmx32m: 1.54-1.66 s against 1.24-1.25
     * with one marker, 2 runs each alternated). 32 of LiveSetChurn's trees are ~1.6 ms of marking.
     */
    static final int MAX_PACKET = 32;

    private final Object lock = new Object();
    private final ArrayDeque<int[]> packets = new ArrayDeque<>();
    private final Tracer[] tracers;
    private final Thread[] threads;
    /** Threads waiting for a packet; written under the lock, read without it in the drain loop. */
    private volatile int hungry;
    /** Threads holding work (a non-empty stack or one being filled); the round ends at 0 with no packet left. */
    private int busy;
    private boolean open;
    private long round;
    private boolean shutdown;
    private Throwable failure;
    /** The helpers' CPU time in the rounds of this mark (thread CPU, so a wait for a CPU is not counted). */
    private long cpuNanos;

    MarkHelpers(Tracer main, int helpers) {
        tracers = new Tracer[helpers];
        threads = new Thread[helpers];
        for (int i = 0; i < helpers; i++) {
            tracers[i] = Tracer.helper(main);
            int at = i;
            threads[i] = Thread.ofPlatform().daemon().name("uffd-gc-marker-" + (i + 1)).start(() -> loop(at));
        }
    }

    /** A new mark, before its first round (marker thread): the helpers' tracers reset, in parallel mode. */
    void begin(long markStartTop, Tracer.Hook hook) {
        synchronized (lock) {
            for (Tracer t : tracers) {
                t.begin(markStartTop, hook, true);
            }
            cpuNanos = 0;
        }
    }

    /** The helpers' CPU time in this mark's rounds so far (read after a round). */
    long cpuNanos() {
        synchronized (lock) {
            return cpuNanos;
        }
    }

    /** Bytes of the objects the helpers marked in this mark (read after the round, by the marker or a pause). */
    long liveBytes() {
        synchronized (lock) {
            return Arrays.stream(tracers).mapToLong(Tracer::liveBytes).sum();
        }
    }

    /** Objects the helpers marked in this mark (as {@link #liveBytes}). */
    int liveObjects() {
        synchronized (lock) {
            return Arrays.stream(tracers).mapToInt(Tracer::liveObjects).sum();
        }
    }

    /**
     * The marker thread: drains {@code main} (which holds the round's first work: roots, or SATB values) with the
     * helpers, until nothing is left anywhere; returns once every helper has left the round. Throws what a helper
     * hit (its part of the mark is lost: the mark is incomplete).
     */
    void round(Tracer main) {
        synchronized (lock) {
            open = true;
            busy = 1;
            round++;
            lock.notifyAll();
        }
        Throwable f;
        try {
            work(main);
        } catch (RuntimeException | Error e) {
            quit(e);
        } finally {
            synchronized (lock) {
                // Every thread that held work has ended it (normally so already: the round ends at busy 0). A helper
                // still waking to find the round over holds none and reads nothing: not waited for, since on a
                // loaded machine its wake-up may take milliseconds.
                while (busy > 0) {
                    uninterruptibleWait();
                }
                packets.clear();
                f = failure;
                failure = null;
            }
        }
        if (f instanceof Error e) {
            throw e;
        } else if (f != null) {
            throw new IllegalStateException("the parallel mark failed: " + f, f);
        }
    }

    /** Stops the helpers (a helper in a round finishes it first). */
    void shutdown() {
        synchronized (lock) {
            shutdown = true;
            lock.notifyAll();
        }
    }

    /** After {@link #shutdown}: true if every helper has ended by the deadline. */
    boolean join(long deadlineNanos) throws InterruptedException {
        for (Thread t : threads) {
            if (!Threads.join(t, deadlineNanos)) {
                return false;
            }
        }
        return true;
    }

    /** Drains {@code t} (counted in busy), handing work to hungry threads, then takes packets until the round ends. */
    private void work(Tracer t) {
        while (true) {
            while (t.queued() > 0) {
                t.drain(CHECK);
                if (hungry > 0 && t.queued() > 1) {
                    give(t);
                }
            }
            synchronized (lock) {
                busy--;
                while (packets.isEmpty() && busy > 0 && open) {
                    hungry++;
                    uninterruptibleWait();
                    hungry--;
                }
                if (packets.isEmpty()) {
                    if (busy == 0) {
                        open = false;
                        lock.notifyAll();
                    }
                    return;
                }
                t.take(packets.poll());
                busy++;
            }
        }
    }

    private void give(Tracer t) {
        synchronized (lock) {
            if (hungry > packets.size()) { // more waiting than fed: otherwise the stack would be given away twice
                packets.add(t.give(Math.min(t.queued() / 2, MAX_PACKET)));
                lock.notifyAll();
            }
        }
    }

    /** A thread holding work failed: its work is lost; the round ends as soon as the others run out. */
    private void quit(Throwable e) {
        synchronized (lock) {
            if (failure == null) {
                failure = e;
            }
            busy--;
            open = false; // the others stop taking packets; what they hold they finish (bounded)
            lock.notifyAll();
        }
    }

    private void loop(int at) {
        Tracer t = tracers[at];
        long seen = 0;
        while (true) {
            long cpu;
            synchronized (lock) {
                while (!shutdown && !(open && round != seen)) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return; // nobody interrupts it; outside a round, leaving is safe
                    }
                }
                if (shutdown) {
                    return;
                }
                seen = round;
                cpu = CycleStats.threadCpu();
                hungry++;
                while (open && packets.isEmpty()) {
                    uninterruptibleWait();
                }
                hungry--;
                if (packets.isEmpty()) { // the round ended before any work came free
                    cpuNanos += CycleStats.threadCpu() - cpu;
                    continue;
                }
                t.take(packets.poll());
                busy++;
            }
            try {
                work(t);
            } catch (RuntimeException | Error e) {
                quit(e);
            } finally {
                synchronized (lock) {
                    cpuNanos += CycleStats.threadCpu() - cpu;
                }
            }
        }
    }

    /**
     * Inside a round a wait must not end early (the counts would be wrong). Nothing interrupts these threads (the
     * marker and the helpers are the compactor's own; shutdown is a flag), so an interrupt is dropped. Holds the lock.
     */
    private void uninterruptibleWait() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            // see above
        }
    }
}
