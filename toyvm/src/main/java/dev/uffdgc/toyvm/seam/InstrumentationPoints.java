package dev.uffdgc.toyvm.seam;

/**
 * Where an agent may weave ByteBuddy Advice into toyvm — these methods and no others (never a field by its
 * name, never a private method). Each point is an empty method that the VM calls at a documented moment, so
 * its body is a free slot for Advice, and its parameters carry what the Advice needs. An agent names a point
 * by the constants below (compile-time constants, inlined into the agent: naming a point loads no toyvm
 * class before the transformer is installed); toyvm's architecture test checks that every constant names a
 * method that exists with that descriptor, so renaming a point fails toyvm's build, not an agent at run time.
 *
 * <ul>
 *   <li>{@link #VM_STARTED}: the VM is built (heap, classes, built-in collector) and no guest code ran yet.
 *   <li>{@link #COLLECTOR_ENTRY}: every collection request (the allocator's exhaustion, System.gc()), before
 *       the VM calls its installed {@link Collector}. An agent may {@linkplain Collection#installCollector
 *       install} its collector here; the VM then calls the new one for this very request.
 *   <li>{@link #ALLOCATION_SLOW_PATH} ({@code heap.Heap#onSlowPath(long)}): every TLAB refill and shared
 *       allocation, before it bumps; frequent enough to serve as a collection trigger's poll.
 * </ul>
 *
 * Advice must not hold a host lock across anything that stops the world (installing a collector does): a
 * guest thread that blocks on such a lock while RUNNING never reaches its safepoint poll.
 */
public final class InstrumentationPoints {
    /** The class declaring {@link #vmStarted} and {@link #collectorEntry}. */
    public static final String CLASS = "dev.uffdgc.toyvm.seam.InstrumentationPoints";

    /** {@link #vmStarted(VmBinding)}. */
    public static final String VM_STARTED = "vmStarted";
    public static final String VM_STARTED_DESCRIPTOR = "(Ldev/uffdgc/toyvm/seam/VmBinding;)V";

    /** {@link #collectorEntry(VmBinding, Collector.Cause, long)}. */
    public static final String COLLECTOR_ENTRY = "collectorEntry";
    public static final String COLLECTOR_ENTRY_DESCRIPTOR =
            "(Ldev/uffdgc/toyvm/seam/VmBinding;Ldev/uffdgc/toyvm/seam/Collector$Cause;J)V";

    /** {@code dev.uffdgc.toyvm.heap.Heap#onSlowPath(long)}: an instance method; {@code this} is the heap. */
    public static final String ALLOCATION_SLOW_PATH_CLASS = "dev.uffdgc.toyvm.heap.Heap";
    public static final String ALLOCATION_SLOW_PATH = "onSlowPath";
    public static final String ALLOCATION_SLOW_PATH_DESCRIPTOR = "(J)V";

    private InstrumentationPoints() {
    }

    /**
     * Called once per VM by the thread that built it, at the end of the VM's construction: no guest thread
     * exists yet, the world is running (trivially: nobody to stop), {@code vm} is fully usable and its
     * built-in collector installed. What an agent loaded with -javaagent uses to install its collector before
     * the first allocation. Empty: a slot for Advice.
     */
    public static void vmStarted(VmBinding vm) {
    }

    /**
     * Called on every collection request, by the requesting thread (a guest thread in its allocation slow path
     * or in System.gc(), or a host thread), with the world running and no pause held by the caller, before the
     * VM calls its installed collector with the same {@code cause} and {@code requestBytes}. The VM reads its
     * collector after this returns, so a collector installed here serves this request. Empty: a slot for
     * Advice (an agent attached to a running VM learns of the VM here: "from its next cycle on").
     */
    public static void collectorEntry(VmBinding vm, Collector.Cause cause, long requestBytes) {
    }
}
