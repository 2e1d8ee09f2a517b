package dev.uffdgc.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** sched_setscheduler(2) and sched_getscheduler(2) for a thread of this process, by its kernel thread id. */
public final class Scheduler {
    private Scheduler() {
    }

    /** Sets {@code tid}'s policy (a {@code SCHED_*} of {@code uapi.Sched}; priority 0, as the fair policies need). */
    public static void setscheduler(int tid, int policy) {
        MemorySegment st = Libc.state();
        int r;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment param = a.allocate(ValueLayout.JAVA_INT); // struct sched_param { int sched_priority; } = 0
            r = (int) Libc.SchedSetscheduler.HANDLE.invokeExact(st, tid, policy, param);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (r != 0) {
            int errno = Libc.errno(st);
            throw new KernelException("sched_setscheduler(tid=" + tid + ", policy=" + policy + ")", errno,
                    switch (Errno.of(errno)) {
                        case ESRCH -> "no such thread (it has exited)";
                        case EPERM -> "not permitted to set that policy for that thread";
                        default -> "policy or priority not valid";
                    });
        }
    }

    /** {@code tid}'s policy, a {@code SCHED_*} value. */
    public static int getscheduler(int tid) {
        MemorySegment st = Libc.state();
        int r;
        try {
            r = (int) Libc.SchedGetscheduler.HANDLE.invokeExact(st, tid);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (r < 0) {
            throw new KernelException("sched_getscheduler(tid=" + tid + ")", Libc.errno(st), "no such thread");
        }
        return r;
    }
}
