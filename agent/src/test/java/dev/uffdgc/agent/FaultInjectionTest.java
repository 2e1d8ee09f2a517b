package dev.uffdgc.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.toolkit.UffdOps;
import dev.uffdgc.kernel.Errno;
import dev.uffdgc.kernel.Memory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kernel answers the compactor must survive, injected through the UffdOps seam at chosen pages: every cycle
 * still completes with the graph hash unchanged (verify=true) and the output HotSpot's — no object lost.
 */
class FaultInjectionTest {
    /** Answers {@code errno} for the ioctl that would touch heap page {@code page} (every {@code every}th cycle). */
    static final class Injector implements UffdOps {
        private final UffdOps real;
        private final long heapBase;
        private final int page;
        private final int errno;
        private final boolean persistent;
        final AtomicInteger injected = new AtomicInteger();

        Injector(UffdOps real, long heapBase, int page, Errno errno, boolean persistent) {
            this.real = real;
            this.heapBase = heapBase;
            this.page = page;
            this.errno = errno.number();
            this.persistent = persistent;
        }

        private boolean hits(long dst, long len) {
            long at = heapBase + (long) page * Memory.PAGE_SIZE;
            return dst <= at && at < dst + len;
        }

        @Override
        public long move(long dst, long src, long len) {
            if (hits(dst, len)) {
                long at = heapBase + (long) page * Memory.PAGE_SIZE;
                if (at > dst) {
                    return real.move(dst, src, at - dst); // a partial move up to the page, as the kernel reports it
                }
                if (persistent || injected.get() % 2 == 0) {
                    injected.incrementAndGet();
                    return -errno;
                }
                injected.incrementAndGet();
            }
            return real.move(dst, src, len);
        }

        @Override
        public long copy(long dst, long src, long len) {
            if (persistent && errno == Errno.ENOMEM.number() && hits(dst, len)) {
                injected.incrementAndGet();
                return -errno; // COPY fails too: only the emergency path is left
            }
            return real.copy(dst, src, len);
        }
    }

    @ParameterizedTest
    @CsvSource({"EEXIST, 3, false", "EAGAIN, 5, false", "EBUSY, 2, false", "ENOMEM, 4, false", "ENOMEM, 3, true",
        "EBUSY, 0, true"})
    @Timeout(180)
    void cyclesCompleteWithoutLosingObjects(String errnoName, int page, boolean persistent) {
        Errno errno = Errno.valueOf(errnoName);
        AgentRun.Expected expected = AgentRun.hotspot("Allocation");
        Injector[] holder = new Injector[1];
        UffdCollector.UffdSource source = wantMove -> {
            UffdCollector.Opened o = UffdCollector.REAL.open(wantMove);
            return o;
        };
        AgentOptions options = AgentOptions.parse("mode=move,workers=1,batch=8,verify=true");
        var vmOptions = AgentRun.vmOptions("1m");
        AgentRun run = AgentRun.runWith(vmOptions, options, source,
                (uffd, heapBase) -> holder[0] = new Injector(UffdOps.of(uffd), heapBase, page, errno, persistent),
                CompactorListener.NONE, "Allocation");
        assertEquals(expected.stdout(), run.stdout(), "stderr:\n" + run.stderr());
        assertEquals(expected.status(), run.status(), "stderr:\n" + run.stderr());
        assertTrue(holder[0].injected.get() > 0, errno + " was never injected");
        ToLongFunction<dev.uffdgc.agent.compact.CycleStats> counter = switch (errno) {
            case EEXIST -> s -> s.eexist.sum();
            case EAGAIN -> s -> s.eagain.sum();
            case EBUSY -> s -> s.ebusy.sum() + (s.emergency ? 1 : 0);
            default -> s -> s.enomem.sum();
        };
        assertTrue(run.totals().sum(counter) > 0, "the compactor never saw " + errno);
        if (persistent) {
            assertTrue(run.totals().cycles().stream().anyMatch(s -> s.emergency || s.fallbackCopies.sum() > 0),
                    "a persistent " + errno + " must end in COPY fallbacks or the emergency path");
        }
    }

    /**
     * Issue 14: two builders race into the emergency path (every MOVE and COPY from page 2 on fails with EINVAL,
     * two workers and the mutator building one page at a time) while a host thread forces HotSpot safepoints.
     * The heap must be unregistered before any builder writes a page directly: a direct write to a registered,
     * missing page blocks in a userfault in Java state, and the next safepoint then hangs the process.
     */
    @org.junit.jupiter.api.Test
    @Timeout(120)
    void racingBuildersEnterTheEmergencyPathWhileSafepointsAreForced() throws Exception {
        AgentRun.Expected expected = AgentRun.hotspot("Allocation");
        AtomicInteger injected = new AtomicInteger();
        UffdCollector.OpsFactory failing = (uffd, heapBase) -> {
            UffdOps real = UffdOps.of(uffd);
            return new UffdOps() {
                private long fail(long dst, long len, java.util.function.LongSupplier ok) {
                    if (dst + len > heapBase + 2 * Memory.PAGE_SIZE) {
                        injected.incrementAndGet();
                        Thread.yield(); // widen the window in which another builder fails too
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
            };
        };
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread safepoints = Thread.ofPlatform().daemon().name("force-safepoints").start(() -> {
            while (!stop.get()) {
                System.gc();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            // Whether a second builder fails before the first has finished the emergency path is up to the
            // scheduler (seen: one failing ioctl in a CI run): up to three runs, each checked in full, until one
            // had the race.
            for (int attempt = 0; attempt < 3 && injected.get() < 2; attempt++) {
                injected.set(0);
                AgentRun run = AgentRun.runWith(AgentRun.vmOptions("1m"),
                        AgentOptions.parse("mode=move,workers=2,batch=1,verify=true"), UffdCollector.REAL, failing,
                        CompactorListener.NONE, "Allocation");
                assertEquals(expected.stdout(), run.stdout(), "stderr:\n" + run.stderr());
                assertEquals(expected.status(), run.status());
                assertTrue(run.totals().cycles().stream().anyMatch(s -> s.emergency), "no cycle took the emergency path");
            }
            assertTrue(injected.get() > 1, "fewer than two failing ioctls in three runs: " + injected.get());
        } finally {
            stop.set(true);
            safepoints.join(5000);
        }
    }
}
