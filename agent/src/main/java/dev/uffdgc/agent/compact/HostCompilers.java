package dev.uffdgc.agent.compact;

import static dev.uffdgc.kernel.uapi.Sched.SCHED_BATCH;
import static dev.uffdgc.kernel.uapi.Sched.SCHED_NORMAL;

import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The host JVM's JIT compiler threads are put in SCHED_BATCH when a compactor is made: a batch thread that wakes does
 * not preempt the running one (kernel/sched/fair.c, {@code check_preempt_wakeup_fair}); it runs on an idle CPU, or
 * when the running thread's slice ends or it blocks. Why: a method of a pause body that reaches its compile threshold
 * inside the pause has its compile request queued by the pausing thread, whose futex wake of the compiler thread
 * then gave that thread the pausing thread's CPU (perf sched_switch/sched_wakeup, LiveSetChurn 64 1 100 -Xmx256m at
 * load 7-10, 35 flips: the C1 thread ran inside 9 of them, 0.2-1.2 ms each, the "sporadic off-CPU stretch" of the
 * flip's parts; with the compiler thread in SCHED_BATCH (chrt -b) it took the pausing thread's CPU in none). Threads
 * the compiler adds later are made by a compiler thread and inherit its policy. Nothing else changes for them: they
 * get the same share of CPU, at the tick instead of at once.
 */
final class HostCompilers {
    private static final Path TASKS = Path.of("/proc/self/task");

    private HostCompilers() {
    }

    /** Every compiler thread of this process in SCHED_BATCH; what fails is noted, not thrown. Returns how many. */
    static int batch(Consumer<String> note) {
        int done = 0;
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                if (compiler(t) && batch(Integer.parseInt(t.getFileName().toString()), note)) {
                    done++;
                }
            }
        } catch (IOException | KernelException e) {
            note.accept("uffd-gc: the JIT compiler threads stay in their scheduling policy: " + e.getMessage());
        }
        return done;
    }

    private static boolean compiler(Path task) {
        try {
            String comm = Files.readString(task.resolve("comm")).strip();
            return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre");
        } catch (IOException e) { // the thread has exited
            return false;
        }
    }

    private static boolean batch(int tid, Consumer<String> note) {
        try {
            if (Scheduler.getscheduler(tid) == SCHED_NORMAL) {
                Scheduler.setscheduler(tid, SCHED_BATCH);
            }
            return true;
        } catch (KernelException e) {
            if (!e.is(dev.uffdgc.kernel.Errno.ESRCH)) { // exited meanwhile: nothing to do
                note.accept("uffd-gc: compiler thread " + tid + " stays in its scheduling policy: " + e.getMessage());
            }
            return false;
        }
    }
}
