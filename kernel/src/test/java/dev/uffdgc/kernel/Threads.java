package dev.uffdgc.kernel;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Host threads for tests: a mutator that may block on a userfault, and a bounded wait for it. */
final class Threads {
    private Threads() {
    }

    static <T> FutureTask<T> start(String name, Callable<T> body) {
        FutureTask<T> task = new FutureTask<>(body);
        Thread.ofPlatform().daemon().name(name).start(task);
        return task;
    }

    /**
     * The task's result, failing (instead of hanging) if it takes longer than {@code millis} or if the handler
     * died, which would leave the task blocked in the kernel for good.
     */
    static <T> T await(FutureTask<T> task, FaultHandler handler, long millis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            if (handler != null) {
                handler.checkHealthy();
            }
            try {
                return task.get(10, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("task still blocked after " + millis + " ms", e);
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }
    }
}
