package dev.uffdgc.kernel.uapi;

/** Scheduling policies from {@code include/uapi/linux/sched.h}, for sched_setscheduler(2). */
public final class Sched {
    private Sched() {
    }

    public static final int SCHED_NORMAL = 0;
    /** CPU-bound: a waking task of this policy does not preempt the running one (kernel/sched/fair.c). */
    public static final int SCHED_BATCH = 3;
}
