package dev.uffdgc.agent;

import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.Uffd;
import dev.uffdgc.kernel.UffdEvent;
import dev.uffdgc.kernel.testing.SafepointForcer;
import java.lang.foreign.MemorySegment;

/**
 * The HotSpot deadlock of DESIGN.md, on purpose, for the watchdog test: a thread reads a registered MISSING page
 * directly ({@code MemorySegment.get}, Java state) and blocks in the kernel; the main thread then forces a
 * safepoint as the stress tests' SafepointForcer does ({@link SafepointForcer#forceOne()}, no collection: so this
 * also shows that a userfault holds up the forcer's safepoint), which waits for that thread forever; the handler
 * thread that would resolve the fault wakes from its sleep only after the safepoint began, and blocks on it as it
 * returns to Java. Prints
 * "no deadlock" and exits 0 if the fault got resolved anyway (then the watchdog test fails).
 */
final class DeadlockChild {
    private DeadlockChild() {
    }

    public static void main(String[] args) throws Exception {
        MemorySegment page = Memory.mmapAnonymous(Memory.PAGE_SIZE);
        MemorySegment source = Memory.mmapAnonymous(Memory.PAGE_SIZE);
        source.set(JAVA_LONG, 0, 42);
        Uffd uffd = Uffd.open();
        uffd.api(0);
        uffd.register(page, UFFDIO_REGISTER_MODE_MISSING);
        Thread.ofPlatform().daemon().name("handler").start(() -> {
            try {
                Thread.sleep(500); // the safepoint below has begun by now
            } catch (InterruptedException e) {
                return;
            }
            UffdEvent e;
            while ((e = uffd.readEvent(10)) == null) {
                Thread.onSpinWait();
            }
            uffd.copy(e.pageAddress(), source.address(), Memory.PAGE_SIZE, 0);
        });
        Thread toucher = Thread.ofPlatform().daemon().name("java-state-toucher")
                .start(() -> System.out.println("read " + page.get(JAVA_LONG, 0)));
        Thread.sleep(100); // the toucher is blocked in handle_userfault by now
        System.out.println("forcing a safepoint");
        System.out.flush();
        SafepointForcer.forceOne();
        toucher.join();
        System.out.println("no deadlock");
    }
}
