package dev.uffdgc.agent;

import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.toolkit.UffdOps;
import dev.uffdgc.kernel.Errno;
import dev.uffdgc.kernel.Libc;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.testing.ChildJvm;
import dev.uffdgc.kernel.testing.SafepointForcer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The body of FaultInjectionTest's emergency race, run in a child JVM under {@link ChildJvm}'s watchdog (a
 * regression deadlocks HotSpot at a safepoint, which no in-process timeout survives). Every MOVE and COPY from heap
 * page 2 on fails with EINVAL, so every builder — two workers and the mutator, one page per ioctl — ends in the
 * emergency path; the first failing ioctl waits until a second builder's fails too (both are outside the
 * cycle's monitor then, so both enter the path); the thread that unregisters the heap is held in Java state until
 * the other has reached the path too (at most {@value #HOLD_MILLIS} ms); and a host thread forces a safepoint
 * every millisecond.
 * If a builder could write a page directly before the heap is unregistered, it would block in a userfault in Java
 * state, the sleeper would stop at the next safepoint on waking, and the safepoint would never complete. Whether
 * it does complete depends on how HotSpot runs the copy (seen 2026-12-02: sometimes the safepoint passed, the
 * copy was not in Java state), so the child also reports how many threads it saw blocked in a userfault (kernel
 * wait channel {@code handle_userfault}) during the window: with mutators on the page-state check (the default
 * access), nothing but such a direct write can block there.
 *
 * <p>Prints the guest's stdout, then on stderr its stderr and one {@code STATS} line. Argument: the guest class.
 */
final class EmergencyRaceChild {
    static final long HOLD_MILLIS = 5000;
    /** How long the first failing builder waits for a second one (two workers and the mutator are building). */
    static final long PAIR_MILLIS = 2000;

    private EmergencyRaceChild() {
    }

    private static void awaitSecondFailure(AtomicInteger injected) {
        long until = System.nanoTime() + PAIR_MILLIS * 1_000_000;
        while (injected.get() < 2 && System.nanoTime() < until) {
            sleep(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The probe thread's name: its own userfault is expected (it reads a page not yet built). */
    private static final String PROBE = "uffd-race-probe";

    /**
     * Reads a byte of a destination page near the top of {@code range} — one no builder has claimed yet (workers
     * claim the top page first, then ascend from the bottom; both have failed near page 2) — so that the fault
     * handler builds it while the unregister is held: a third builder that reaches the path during the window,
     * every time. (Before, the window depended on whether the mutator stalled on an unclaimed page, and the old
     * order was no longer caught: FaultInjectionTest stayed green with it.) The read itself blocks in the userfault
     * until the page is mapped or the heap unregistered.
     */
    private static Thread probe(MemorySegment range) {
        long at = range.address() + Math.max(2 * Memory.PAGE_SIZE, range.byteSize() - 2 * Memory.PAGE_SIZE);
        // Through libc's memcpy, a downcall: the thread is in native state while the kernel holds it, as a mutator's
        // native touch is (a plain read would block in Java state and deadlock the forced safepoints itself).
        Thread t = new Thread(() -> {
            try {
                MemorySegment ignored = (MemorySegment) Libc.Memcpy.HANDLE.invokeExact(Arena.ofAuto().allocate(1),
                        MemorySegment.ofAddress(at).reinterpret(1), 1L);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }, PROBE);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(Thread t) {
        try {
            t.join(HOLD_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Threads of this process, other than the probe, whose kernel wait channel is handle_userfault: blocked in a
     * userfault now.
     */
    static int threadsInUserfault() {
        int n = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    if (Files.readString(t.resolve("wchan")).strip().equals("handle_userfault")
                            && !Files.readString(t.resolve("comm")).strip().equals(PROBE)) {
                        n++;
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    public static void main(String[] args) throws Exception {
        AtomicInteger injected = new AtomicInteger();
        AtomicInteger held = new AtomicInteger();
        AtomicInteger blocked = new AtomicInteger();
        AtomicInteger waited = new AtomicInteger();
        Set<Thread> failed = ConcurrentHashMap.newKeySet();
        UffdCollector.OpsFactory failing = (uffd, heapBase) -> {
            UffdOps real = UffdOps.of(uffd);
            return new UffdOps() {
                private long fail(long dst, long len, LongSupplier ok) {
                    if (dst + len > heapBase + 2 * Memory.PAGE_SIZE) {
                        failed.add(Thread.currentThread());
                        if (injected.incrementAndGet() == 1) {
                            awaitSecondFailure(injected); // both then enter the emergency path together
                        }
                        return -Errno.EINVAL.number();
                    }
                    return ok.getAsLong();
                }

                @Override
                public long move(long dst, long src, long len) {
                    return fail(dst, len, () -> real.move(dst, src, len));
                }

                @Override
                public long copy(long dst, long src, long len) {
                    return fail(dst, len, () -> real.copy(dst, src, len));
                }

                @Override
                public void unregister(MemorySegment range) {
                    if (injected.get() > 0) { // the emergency path, not the end of a healthy cycle
                        held.incrementAndGet();
                        Thread probe = probe(range);
                        // The window: held until the other failing builder and the fault handler (building the
                        // probe's page) have reached the path — each waiting for this unregister on the cycle's
                        // monitor (BLOCKED), as they must — or until a builder blocks in a userfault after a direct
                        // write to the still registered heap (the bug); at most HOLD_MILLIS.
                        long until = System.nanoTime() + HOLD_MILLIS * 1_000_000;
                        while (System.nanoTime() < until) {
                            if (threadsInUserfault() > 0) {
                                blocked.incrementAndGet();
                                break;
                            }
                            if (failed.stream().filter(t -> t != Thread.currentThread()
                                    && t.getState() == Thread.State.BLOCKED).count() >= 2) {
                                waited.incrementAndGet();
                                break;
                            }
                            sleep(1);
                        }
                        real.unregister(range);
                        join(probe);
                        return;
                    }
                    real.unregister(range);
                }
            };
        };
        AgentRun run;
        long safepoints;
        try (SafepointForcer forcer = SafepointForcer.start()) {
            run = AgentRun.runWith(AgentRun.vmOptions("1m"), AgentOptions.parse("mode=move,workers=2,batch=1,verify=true"),
                    UffdCollector.REAL, failing, CompactorListener.NONE, args[0]);
            safepoints = forcer.safepoints();
        }
        System.out.print(run.stdout());
        System.out.flush();
        System.err.print(run.stderr());
        System.err.printf("STATS status=%d emergency=%d injected=%d held=%d safepoints=%d blocked=%d waited=%d%n", run.status(),
                run.totals().sum(s -> s.emergency ? 1 : 0), injected.get(), held.get(), safepoints, blocked.get(),
                waited.get());
        System.exit(0);
    }
}
