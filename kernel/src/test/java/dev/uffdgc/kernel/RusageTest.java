package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Memory.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.*;

import dev.uffdgc.kernel.uapi.Resource;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RusageTest {
    private static final long PAGES_64_MIB = (64L << 20) / PAGE_SIZE;

    @Test
    void structRusageHasTheKernelsSize() {
        assertEquals(144, Resource.rusage.LAYOUT.byteSize());
        assertEquals(32, Resource.rusage.LAYOUT.byteOffset(
                java.lang.foreign.MemoryLayout.PathElement.groupElement("ru_maxrss")));
    }

    @Test
    void touchingPagesCountsMinorFaultsForThisThreadAndTheProcess() {
        Rusage self0 = Rusage.self();
        Rusage thread0 = Rusage.thread();
        touch64MiB();
        Rusage thread = Rusage.thread().minus(thread0);
        Rusage self = Rusage.self().minus(self0);
        assertTrue(thread.minorFaults() >= PAGES_64_MIB, "thread minflt +" + thread.minorFaults());
        assertTrue(self.minorFaults() >= thread.minorFaults(), self + " vs " + thread);
        assertTrue(thread.systemNanos() > 0, "zeroing 64 MiB of fresh pages is kernel time: " + thread);
        assertTrue(Rusage.self().maxRssBytes() >= 64L << 20, "peak RSS covers the touched memory");
    }

    @Test
    void anotherThreadsFaultsDoNotShowInThisThreadsUsage() throws InterruptedException {
        Rusage thread0 = Rusage.thread();
        Rusage self0 = Rusage.self();
        AtomicReference<Rusage> worker = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Rusage w0 = Rusage.thread();
            touch64MiB();
            worker.set(Rusage.thread().minus(w0));
        });
        t.start();
        t.join();
        Rusage mine = Rusage.thread().minus(thread0);
        assertTrue(worker.get().minorFaults() >= PAGES_64_MIB, worker.get().toString());
        assertTrue(mine.minorFaults() < PAGES_64_MIB / 4, "this thread's minflt +" + mine.minorFaults());
        assertTrue(Rusage.self().minus(self0).minorFaults() >= PAGES_64_MIB, "the process counts exited threads");
    }

    @Test
    void cpuTimeAgreesWithTheJvmsThreadClock() {
        ThreadMXBean jvm = ManagementFactory.getThreadMXBean();
        long wall0 = System.nanoTime();
        long cpu0 = jvm.getCurrentThreadCpuTime();
        Rusage r0 = Rusage.thread();
        long x = 1;
        while (jvm.getCurrentThreadCpuTime() - cpu0 < 200_000_000L) {
            // ~1 ms of arithmetic per clock read: the thread-CPU clock is a real syscall (no vDSO), and with a read
            // every 10,000 steps system time outgrew user time on a loaded VM (CI: 96 ms user, 104 ms system).
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        Rusage r = Rusage.thread().minus(r0);
        long wall = System.nanoTime() - wall0;
        long cpu = r.userNanos() + r.systemNanos();
        assertTrue(x != 0);
        // getrusage's utime/stime split is tick-sampled, their sum is precise to well under the 10 ms slack.
        assertTrue(cpu >= 180_000_000L, "rusage cpu " + cpu + " ns for >= 200 ms of thread cpu");
        assertTrue(cpu <= wall + 20_000_000L, "rusage cpu " + cpu + " ns within " + wall + " ns of wall time");
        assertTrue(r.userNanos() > r.systemNanos(), "a busy loop is user time: " + r);
        assertEquals(r.userNanos(), r.userTime().toNanos());
    }

    private static void touch64MiB() {
        MemorySegment m = Memory.mmapAnonymous(PAGES_64_MIB * PAGE_SIZE);
        try {
            for (long i = 0; i < PAGES_64_MIB; i++) {
                m.set(ValueLayout.JAVA_BYTE, i * PAGE_SIZE, (byte) 1);
            }
        } finally {
            Memory.munmap(m);
        }
    }
}
