package dev.uffdgc.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler thread like the kernel selftests' uffd_poll_thread: reads messages with {@link Uffd#readEvent}
 * (native state while waiting) and hands each page fault to a resolver. Records every message and counts
 * faults; a resolver failure stops the thread and is rethrown by {@link #checkHealthy()} and {@link #close()}.
 */
final class FaultHandler implements AutoCloseable {

    @FunctionalInterface
    interface Resolver {
        void resolve(UffdEvent fault) throws Exception;
    }

    private final Uffd uffd;
    private final Resolver resolver;
    private final Thread thread;
    private final AtomicInteger faults = new AtomicInteger();
    private final ConcurrentLinkedQueue<UffdEvent> events = new ConcurrentLinkedQueue<>();
    private volatile boolean stop;
    private volatile Throwable failure;

    FaultHandler(Uffd uffd, Resolver resolver) {
        this.uffd = uffd;
        this.resolver = resolver;
        this.thread = Thread.ofPlatform().daemon().name("uffd-handler").start(this::run);
    }

    private void run() {
        try {
            while (!stop) {
                UffdEvent e = uffd.readEvent(20);
                if (e == null) {
                    continue;
                }
                events.add(e);
                if (e.isPagefault()) {
                    faults.incrementAndGet();
                    resolver.resolve(e);
                }
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    int faults() {
        return faults.get();
    }

    List<UffdEvent> events() {
        return new ArrayList<>(events);
    }

    void checkHealthy() {
        if (failure != null) {
            throw new AssertionError("fault handler failed: " + failure, failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(10_000);
        if (thread.isAlive()) {
            throw new AssertionError("fault handler did not stop within 10 s");
        }
        checkHealthy();
    }
}
