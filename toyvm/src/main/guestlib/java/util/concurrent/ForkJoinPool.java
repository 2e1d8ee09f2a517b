package java.util.concurrent;

import java.util.List;

/**
 * toyvm guest library: only the part of ForkJoinPool that blocking code outside a pool uses —
 * {@link #managedBlock}, which AQS conditions call on every await. The JDK's class initialiser needs
 * reflection toyvm lacks; work-stealing pools themselves (parallel streams, CompletableFuture's default
 * executor) are not supported and say so.
 */
public class ForkJoinPool extends AbstractExecutorService {
    public interface ManagedBlocker {
        boolean block() throws InterruptedException;

        boolean isReleasable();
    }

    private ForkJoinPool() {
    }

    /** Outside a pool, managed blocking is plain blocking until the blocker says it may stop. */
    public static void managedBlock(ManagedBlocker blocker) throws InterruptedException {
        if (blocker == null) {
            throw new NullPointerException();
        }
        do {
        } while (!blocker.isReleasable() && !blocker.block());
    }

    public static int getCommonPoolParallelism() {
        return 1;
    }

    public static ForkJoinPool commonPool() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("toyvm: ForkJoinPool is not supported (use a ThreadPoolExecutor)");
    }

    public void execute(Runnable task) {
        throw unsupported();
    }

    public void shutdown() {
    }

    public List<Runnable> shutdownNow() {
        return List.of();
    }

    public boolean isShutdown() {
        return true;
    }

    public boolean isTerminated() {
        return true;
    }

    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
