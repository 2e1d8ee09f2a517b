package dev.uffdgc.agent.compact;

import java.util.function.Consumer;

/**
 * The marker thread and the phase machine of a cycle's concurrent part (DESIGN.md, "The compactor"):
 *
 * <pre>
 * IDLE -(Init Mark pause)-> MARKING -(marker: concurrent mark)-> MARKED -(Final Mark pause)-> PLANNING
 *      -(marker: black allocation + concurrent plan)-> PLANNED -(Relocate Start pause: the flip)-> IDLE
 * </pre>
 *
 * The pauses move the machine forward ({@link #startMarking}, {@link #startPlanning}, {@link #flipped}) with
 * the world stopped; the marker thread moves it from MARKING and PLANNING when its work is done; mutators that
 * need memory wait for it ({@link #awaitMark}, {@link #awaitPlan}). The phase (volatile, written by the marker after
 * its work) orders the marker's bitmap, tracer and plan for the thread that runs the next pause: that thread calls
 * {@link #acquire} first.
 */
final class ConcurrentMark {
    static final int IDLE = 0;
    static final int MARKING = 1;
    static final int MARKED = 2;
    static final int PLANNING = 3;
    static final int PLANNED = 4;

    private final Marker marks;
    private final Plan plan;
    private final int densePercent;
    private final Consumer<RuntimeException> failed;
    private final Object lock = new Object();
    private final Thread marker;
    private volatile int phase = IDLE;
    private volatile boolean shutdown;
    /** The marker thread is reading the heap (guarded by lock). */
    private boolean markerBusy;
    /** The mark end: top at Final Mark, padded to a page. The concurrent plan covers [0, markEnd). */
    private volatile long markEnd;
    private volatile long markNanos;
    private volatile long markCpuNanos;
    private volatile long planNanos;
    private volatile long planCpuNanos;
    private final Runnable planned;

    /**
     * {@code failed}: what the marker hit; the next pause must fail with it (the bitmap is suspect).
     * {@code planned}: runs on the marker thread after each plan, before the phase becomes PLANNED — it prepares
     * what the flip pause would otherwise allocate.
     */
    ConcurrentMark(Marker marks, Plan plan, int densePercent, Consumer<RuntimeException> failed, Runnable planned) {
        this.marks = marks;
        this.plan = plan;
        this.densePercent = densePercent;
        this.failed = failed;
        this.planned = planned;
        this.marker = Thread.ofPlatform().daemon().name("uffd-gc-marker").start(this::loop);
    }

    int phase() {
        return phase;
    }

    long markEnd() {
        return markEnd;
    }

    /** The last concurrent mark (Init Mark resume until nothing was left) and plan, on the marker thread. */
    long markNanos() {
        return markNanos;
    }

    /** The last concurrent mark's CPU time on the marker thread and its helpers (their time on a CPU). */
    long markCpuNanos() {
        return markCpuNanos;
    }

    long planNanos() {
        return planNanos;
    }

    /** The last plan's CPU time on the marker thread. */
    long planCpuNanos() {
        return planCpuNanos;
    }

    /**
     * Init Mark pause, after the roots are copied and the barrier is on: IDLE -> MARKING. The marker starts at
     * {@link #wake}, which the pausing thread calls after the resume.
     */
    void startMarking() {
        move(MARKING, 0);
    }

    /** Final Mark pause, after the last drain: MARKED -> PLANNING over [0, markEnd); {@link #wake} after the resume. */
    void startPlanning(long markEnd) {
        move(PLANNING, markEnd);
    }

    /**
     * After the pause that moved the phase, once mutators run again: wakes the marker. Not inside the pause
     * because the woken thread took the pausing thread's CPU: on 2 loaded vCPUs the Init Mark pause's wake
     * (notifyAll, then the monitor exit) took 3.7-29 ms, most of the pause (bench pause's LiveSetChurn 8 1 10;
     * see the commit for the runs). The marker checks its phase under the lock before it waits, so a wake
     * that comes later is not lost.
     */
    void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Relocate Start pause, once the plan is extended to top: PLANNED -> IDLE. */
    void flipped() {
        phase = IDLE;
    }

    private void move(int to, long end) {
        synchronized (lock) {
            if (to == PLANNING) {
                markEnd = end;
            }
            phase = to;
        }
    }

    /**
     * The thread that runs Final Mark or the flip calls this first: it sees the marker's bitmap and plan. A
     * volatile read of the phase, which the marker writes after all its work (MARKED, PLANNED), not the lock: a
     * monitor exit in the pause may wake a thread blocked on the monitor, and a woken thread took the pausing
     * thread's CPU (perf sched_switch, see {@link #loop}).
     */
    void acquire() {
        int p = phase;
        assert p == MARKED || p == PLANNED : p;
    }

    /**
     * A mutator that needs memory, outside any pause: waits (in Java) for the concurrent mark; true if it did. The
     * caller runs it through the seam's {@code whileBlocked}, so a pause asked for meanwhile does not wait for it.
     */
    boolean awaitMark() {
        return await(MARKING);
    }

    /** The same for the concurrent plan. */
    boolean awaitPlan() {
        return await(PLANNING);
    }

    /** In Java; the marker needs no safepoint, and the caller waits BLOCKED (whileBlocked), so it holds up nothing. */
    private boolean await(int concurrentPhase) {
        if (phase != concurrentPhase) {
            return false;
        }
        synchronized (lock) {
            while (phase == concurrentPhase && !shutdown) {
                try {
                    lock.wait(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // a guest interrupt: hand it back, stop waiting
                    return true;
                }
            }
        }
        return true;
    }

    /**
     * With the world stopped by the caller: waits until the marker no longer reads the heap, then, if a cycle
     * was under way, runs {@code off} (the barrier removal) and goes IDLE. Afterwards the marker touches nothing.
     */
    void abandon(Runnable off) {
        synchronized (lock) {
            while (markerBusy) {
                try {
                    lock.wait(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (phase != IDLE) {
                off.run();
                phase = IDLE;
            }
        }
    }

    /** Stops the marker thread and its helpers (they finish the step they are in, then exit). */
    void shutdown() {
        synchronized (lock) {
            shutdown = true;
            lock.notifyAll();
        }
        marks.shutdown();
    }

    /** After {@link #shutdown}: waits until the marker threads have ended; false if one still runs at the deadline. */
    boolean join(long deadlineNanos) throws InterruptedException {
        return Threads.join(marker, deadlineNanos) && marks.join(deadlineNanos);
    }

    /**
     * The marker thread: the concurrent mark after Init Mark, the concurrent plan after Final Mark. It publishes a
     * result and waits for its next work under one hold of the lock ({@link #finish}, then {@link #next}): when the
     * marker released the lock between the two, it was often blocked re-entering it while the woken mutator held it,
     * was woken by that mutator's monitor exit just before the flip pause, and ran inside the pause on the pausing
     * thread's CPU (perf sched_switch, LiveSetChurn 64 1 100 -Xmx256m at load 7-9: in 5 of 35 flips, 0.04-0.11 ms).
     */
    private void loop() {
        int work = IDLE;
        long t = 0;
        long cpu = 0;
        while (true) {
            synchronized (lock) {
                if (work != IDLE) {
                    finish(work, System.nanoTime() - t, cpu);
                }
                work = next();
                if (work == IDLE) {
                    return;
                }
                markerBusy = true;
            }
            t = System.nanoTime();
            cpu = CycleStats.threadCpu();
            try {
                if (work == MARKING) {
                    marks.concurrentMark();
                } else {
                    // Black allocation during the mark (below the page-aligned mark end: parseable, and its
                    // headers no longer change), then the plan over everything up to the mark end.
                    marks.endMark(markEnd);
                    plan.compute(markEnd, densePercent);
                    planned.run();
                }
            } catch (RuntimeException | Error e) { // the next pause then fails with it (the bitmap is suspect)
                failed.accept(new IllegalStateException("uffd-gc: the concurrent "
                        + (work == MARKING ? "mark" : "plan") + " failed: " + e, e));
            }
        }
    }

    /** Under the lock: waits until there is work (MARKING or PLANNING; IDLE at shutdown). */
    private int next() {
        while (phase != MARKING && phase != PLANNING && !shutdown) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                return IDLE;
            }
        }
        return shutdown ? IDLE : phase;
    }

    /** Under the lock, after {@code work} (MARKING or PLANNING): its result published, waiting mutators woken. */
    private void finish(int work, long nanos, long cpuAtStart) {
        markerBusy = false;
        if (phase == work) { // not abandoned meanwhile
            if (work == MARKING) {
                markNanos = nanos;
                markCpuNanos = CycleStats.threadCpu() - cpuAtStart + marks.helperCpuNanos();
                phase = MARKED;
            } else {
                planNanos = nanos;
                planCpuNanos = CycleStats.threadCpu() - cpuAtStart;
                phase = PLANNED;
            }
        }
        lock.notifyAll();
    }
}
