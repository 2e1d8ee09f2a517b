package dev.uffdgc.agent;

import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFD_FEATURE_MOVE;

import dev.uffdgc.agent.compact.Compactor;
import dev.uffdgc.agent.compact.CompactorListener;
import dev.uffdgc.agent.compact.WarmUp;
import dev.uffdgc.agent.toolkit.UffdOps;
import dev.uffdgc.kernel.ApiInfo;
import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Uffd;
import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.gc.MarkCompact;
import dev.uffdgc.toyvm.seam.VmBinding;
import dev.uffdgc.toyvm.heap.Heap;

/**
 * The agent's collector for one toyvm: the concurrent compactor with the backend this kernel allows, or
 * toyvm's built-in stop-the-world collector (mode=stw, no userfaultfd, or after an emergency), plus the
 * occupancy and allocation-rate triggers polled from the allocation slow path.
 */
public final class UffdCollector implements Collector {
    /** Opens and handshakes a userfaultfd; tests replace it to simulate kernels without MOVE or userfaultfd. */
    @FunctionalInterface
    public interface UffdSource {
        /** A handshaken userfaultfd and whether UFFDIO_MOVE is enabled on it; throws KernelException if none. */
        Opened open(boolean wantMove);
    }

    public record Opened(Uffd uffd, boolean move) {
    }

    /** Makes the ioctl layer for a userfaultfd and heap (tests wrap the real one to inject errors). */
    @FunctionalInterface
    public interface OpsFactory {
        UffdOps create(Uffd uffd, long heapBase);
    }

    public static final UffdSource REAL = wantMove -> {
        ApiInfo offered = Uffd.probe();
        boolean move = wantMove && offered.supportsMove();
        Uffd u = Uffd.open();
        u.api(move ? UFFD_FEATURE_MOVE : 0);
        return new Opened(u, move);
    };

    private final VmBinding vm;
    private final AgentOptions options;
    private final CompactorListener listener;
    private final MarkCompact fallback;
    private final Compactor compactor;
    private final String backend;
    private int collections;
    private long lastPollNanos;
    private long lastPollAllocated;

    public UffdCollector(VmBinding vm, AgentOptions options, CompactorListener listener, UffdSource source, OpsFactory ops) {
        this.vm = vm;
        this.options = options;
        this.listener = listener;
        this.fallback = new MarkCompact(vm);
        Compactor c = null;
        String b = "stw";
        if (options.mode != AgentOptions.Mode.STW) {
            boolean wantMove = options.mode == AgentOptions.Mode.MOVE;
            try {
                Opened opened = source.open(wantMove);
                Uffd uffd = opened.uffd();
                boolean move = opened.move();
                if (wantMove && !move) {
                    listener.note("uffd-gc: UFFDIO_MOVE is not available on this kernel (UFFD_FEATURE_MOVE missing,"
                            + " needs Linux 6.8+): using the COPY backend");
                }
                c = new Compactor(vm, uffd, ops == null ? null : ops.create(uffd, vm.heapAddress()), move, options,
                        listener);
                b = move ? "move" : "copy";
                // The pause paths run once, off the guest's threads, before the VM's first cycle (see WarmUp).
                WarmUp.start(() -> source.open(move).uffd(), move, options, listener::note);
            } catch (KernelException | UnsupportedOperationException e) {
                listener.note("uffd-gc: userfaultfd is not available (" + e.getMessage()
                        + "): using toyvm's built-in stop-the-world collector");
            }
        }
        this.compactor = c;
        this.backend = b;
    }

    /** "move", "copy" or "stw": what actually runs. */
    public String backend() {
        return compactor == null || compactor.failed() ? "stw" : backend;
    }

    /** Whether the agent handles collections (false: the built-in collector runs). */
    public boolean concurrent() {
        return compactor != null && !compactor.failed();
    }

    public Compactor compactor() {
        return compactor;
    }

    @Override
    public void collect(Cause cause, long requestBytes) {
        collections++;
        if (concurrent()) {
            compactor.collect(cause.label);
        } else {
            quiesce();
            fallback.collect(cause, requestBytes);
        }
    }

    /** Finishes a cycle in flight (before the built-in collector runs, or before a swap). */
    public void quiesce() {
        if (compactor != null) {
            compactor.abandonMark();
            compactor.completeActive();
        }
    }

    /** java.lang.management's name for it: "uffd-gc move", "uffd-gc copy" or "uffd-gc stw", what actually runs. */
    @Override
    public String name() {
        return "uffd-gc " + backend();
    }

    @Override
    public int collections() {
        return collections;
    }

    /**
     * The allocation slow path (TLAB refills, shared allocations): start a cycle early by occupancy, by pacing
     * (the free bytes would not last until the flip of a cycle started now, see Pacer) or by rate.
     */
    public void poll(long requestBytes) {
        if (!concurrent()) {
            return;
        }
        Heap h = vm.rawHeap();
        long now = System.nanoTime();
        long allocated = h.allocatedBytes();
        if (options.pace) {
            compactor.pacer().sample(now, allocated);
        }
        if (compactor.marking()) { // the next pause of the cycle, once its concurrent phase is done (else nothing)
            compactor.finalMark();
            compactor.relocateStart();
            return;
        }
        if (compactor.cycleActive()) {
            return;
        }
        long used = h.top();
        long free = h.end() - used;
        String cause = null;
        if (used * 100 >= h.end() * options.triggerPercent && options.triggerPercent < 100) {
            cause = "Occupancy";
        } else if (options.pace && compactor.pacer().due(free)) {
            cause = "Pacing";
        } else if (options.rateMillis > 0 && lastPollNanos != 0 && now > lastPollNanos) {
            double bytesPerMs = (allocated - lastPollAllocated) * 1e6 / (now - lastPollNanos);
            if (bytesPerMs > 0 && free / bytesPerMs < options.rateMillis && used > h.end() / 4) {
                cause = "Allocation Rate";
            }
        }
        lastPollNanos = now;
        lastPollAllocated = allocated;
        if (cause != null) {
            collections++;
            compactor.startMark(cause); // no waiting: the final pause comes from a later poll or exhaustion
        }
    }

    /** A one-line notice through this collector's log. */
    void compactorNote(String message) {
        listener.note(message);
    }

    public void shutdown() {
        if (compactor != null) {
            compactor.shutdown();
        }
    }
}
