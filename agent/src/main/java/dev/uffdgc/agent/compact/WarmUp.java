package dev.uffdgc.agent.compact;

import dev.uffdgc.agent.AgentOptions;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.Uffd;
import dev.uffdgc.toyvm.gc.synthetic.SyntheticHeap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Two whole cycles of a throwaway compactor on a tiny synthetic heap (1 MiB, ~400 objects), with a userfaultfd of
 * its own, on a daemon thread when the agent's compactor is made: every pause path (Init Mark, Final Mark, the
 * flip), the marker, a worker, the fault handler and a mutator's page-state stall run once before the VM's first
 * cycle. Why: the first time each runs in a process it loads and links its classes, spins its lambdas and links
 * its FFM downcalls, and GC(0) paid all of it inside its pauses — bench pause, LiveSetChurn 8 1 10 under move:
 * GC(0) Relocate Start 2.7-48 ms (its setup part: Cycle, PageStates, the page guard and their lambdas, 1.3-47 ms)
 * where later cycles took 0.4-0.7 ms. The commit that added this has the runs with and without it.
 *
 * <p>Its threads and its userfaultfd are its own: nothing it does touches the VM's heap or the real compactor.
 */
public final class WarmUp {
    private static final long HEAP_BYTES = 1 << 20;
    private static final int OBJECTS = 400;
    /**
     * Root slots of the warm-up heap (its objects' roots repeated): enough Init Marks' worth of root visits (a
     * toyvm program has ~270 roots) that the snapshot's root visitor and the flip's root forwarding reach the host
     * JIT's compile threshold here, not in one of the VM's pauses. With the heap's 20 roots, -Xmx16g's GC(0) Init
     * Mark queued the visitor's C1 compile inside the pause (-XX:+LogCompilation task_queued), and its roots part
     * ran 0.42-2.07 ms (off CPU 0.8 ms in 2 of 5 runs: the woken compiler thread) where later cycles took 0.2 ms.
     */
    static final int ROOT_SLOTS = 4096;

    private WarmUp() {
    }

    /**
     * Starts the warm-up on a daemon thread; {@code uffd} opens its userfaultfd there (handshaken like the real one,
     * MOVE enabled when {@code move}); {@code failed} gets a one-line message if it fails (the agent goes on).
     */
    public static Thread start(Supplier<Uffd> uffd, boolean move, AgentOptions options, Consumer<String> failed) {
        return Thread.ofPlatform().daemon().name("uffd-gc-warm-up").start(() -> {
            try {
                run(uffd.get(), move, options);
            } catch (RuntimeException | Error e) {
                failed.accept("uffd-gc: the compactor's warm-up failed (the first cycle runs cold): " + e);
            }
        });
    }

    /** Runs the cycles; closes {@code uffd} once the throwaway compactor's threads have ended. */
    static void run(Uffd uffd, boolean move, AgentOptions options) {
        SyntheticHeap h = new SyntheticHeap(HEAP_BYTES).randomGraph(7, OBJECTS);
        for (int i = 0, n = h.roots().size(); h.roots().size() < ROOT_SLOTS; i++) {
            h.addRoot(h.roots().get(i % n));
        }
        Compactor c = new Compactor(h, uffd, null, move, options, CompactorListener.NONE);
        try {
            for (int cycle = 0; cycle < 2; cycle++) {
                c.collect("Warm-up");
                for (int root : h.roots()) { // as a mutator: the page-state check's stall path
                    h.getRef(root, 0);
                }
                c.completeActive();
            }
        } finally {
            // if a thread of it still runs, it may still poll the fd: leave the fd and the heap rather than reuse them
            if (c.shutdownAndCloseUffd(10_000)) {
                Memory.munmap(h.rawHeap().mapping());
            }
        }
    }
}
