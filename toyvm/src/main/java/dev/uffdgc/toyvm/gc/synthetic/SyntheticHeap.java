package dev.uffdgc.toyvm.gc.synthetic;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.*;

import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.seam.GcLog;
import dev.uffdgc.toyvm.heap.Heap;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.seam.ReferenceDiscovery;
import dev.uffdgc.toyvm.seam.RootVisitor;
import dev.uffdgc.toyvm.seam.SlotVisitor;
import dev.uffdgc.toyvm.seam.VmBinding;
import java.util.ArrayList;
import java.util.List;

/**
 * The collector seam over a bare heap, with no interpreter: a fast test tier for collectors (marking,
 * forwarding, plans, page building, whole cycles) that runs in milliseconds. Four classes — {@link #NODE} (two
 * references and a long), {@link #INTS}, {@link #LONGS} (primitive arrays) and {@link #REFS} (a reference array)
 * — and a root list. It checks the seam's contracts where a collector could break them: roots are visited, the
 * top moved and the world resumed only by the thread that stopped it.
 */
public final class SyntheticHeap implements VmBinding {
    public static final int NODE = 2;
    public static final int INTS = 3;
    public static final int LONGS = 4;
    public static final int REFS = 5;
    private static final String[] NAMES = {null, "<filler>", "Node", "[I", "[J", "[Ljava/lang/Object;"};
    private static final int[] ELEM = {0, 0, 0, 4, 8, 4};
    private static final int[] NODE_REFS = {8, 12};
    private static final int[] NONE = {};

    private final Heap heap;
    private final HeapAccess mem;
    private final GcLog log = new GcLog(null, null, System::nanoTime);
    private Collector collector;
    private final List<Integer> roots = new ArrayList<>();
    private Thread owner;
    private boolean holdFirstPause;
    private int waiting;
    /** The reason of the pause in progress, and what to run once right after the next pause of a given reason. */
    private String pauseWhy;
    private String afterResumeOf;
    private Runnable afterResume;
    private boolean verifying;

    public SyntheticHeap(long bytes) {
        this(bytes, true);
    }

    /** {@code hugePages}: as {@link Heap#Heap(long, boolean)} (2 MiB-aligned and MADV_HUGEPAGE, or 4 KiB pages only). */
    public SyntheticHeap(long bytes, boolean hugePages) {
        heap = new Heap(bytes, hugePages);
        mem = heap.access();
    }

    /**
     * Runs {@code collect} on two threads at once, the first pause held until the second request is in (the race
     * of issue 9: a collector must not touch the heap when its stop is refused); rethrows what either threw.
     */
    public void raceTwoCollections(Runnable collect) throws InterruptedException {
        holdFirstPauseUntilContended();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread[] ts = new Thread[2];
        for (int i = 0; i < 2; i++) {
            ts[i] = Thread.ofPlatform().name("collector-" + i).start(() -> {
                try {
                    collect.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        for (Thread t : ts) {
            t.join(20_000);
            if (t.isAlive()) {
                throw new IllegalStateException(t.getName() + " still collecting after 20 s");
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a racing collection failed: " + failure.get(), failure.get());
        }
    }

    /** Makes the next pause wait (up to 2 s) until a second thread asks for one: a deterministic race. */
    public synchronized void holdFirstPauseUntilContended() {
        holdFirstPause = true;
    }

    /**
     * Runs {@code r} once, right after the next pause whose reason is {@code why} has resumed, on the thread that
     * resumed it and before that thread goes on (e.g. before a collector logs the pause): another thread's pause
     * there is the interleaving a mutator thread can never produce (it polls only later) but a host thread can.
     */
    public synchronized void afterResumeOf(String why, Runnable r) {
        afterResumeOf = why;
        afterResume = r;
    }

    public void setVerifying(boolean on) {
        verifying = on;
    }

    // Building objects

    public int node(int left, int right, long payload) {
        int o = alloc(24);
        mem.putInt(ObjectLayout.offset(o) + CLASS_ID_OFFSET, NODE);
        mem.putInt(ObjectLayout.offset(o) + 8, left);
        mem.putInt(ObjectLayout.offset(o) + 12, right);
        mem.putLong(ObjectLayout.offset(o) + 16, payload);
        return o;
    }

    /** An array of {@code classId} (INTS, LONGS, REFS) with {@code length} elements, zeroed. */
    public int array(int classId, int length) {
        int o = alloc(sizeOf(classId, length));
        mem.putInt(ObjectLayout.offset(o) + CLASS_ID_OFFSET, classId);
        mem.putInt(ObjectLayout.offset(o) + ARRAY_LENGTH_OFFSET, length);
        return o;
    }

    public void setRef(int obj, int index, int ref) {
        mem.putInt(refSlot(obj, index), ref);
    }

    private long refSlot(int obj, int index) {
        long o = ObjectLayout.offset(obj);
        return classId(mem, o) == NODE ? o + NODE_REFS[index] : o + ARRAY_BASE_OFFSET + 4L * index;
    }

    public int getRef(int obj, int index) {
        return mem.getInt(refSlot(obj, index));
    }

    /**
     * A deterministic random graph of about {@code objects} objects: nodes, small int and reference arrays and
     * large (multi-page) long arrays, about half of it unreachable garbage interleaved with the live part.
     * Returns this heap.
     */
    public SyntheticHeap randomGraph(long seed, int objects) {
        java.util.Random r = new java.util.Random(seed);
        List<Integer> made = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            int k = r.nextInt(100);
            int o;
            if (k < 70) {
                int left = made.isEmpty() ? 0 : made.get(r.nextInt(made.size()));
                o = node(left, 0, r.nextLong());
            } else if (k < 85) {
                o = array(INTS, r.nextInt(40));
                for (int j = 0; j < mem.getInt(ObjectLayout.offset(o) + ARRAY_LENGTH_OFFSET); j++) {
                    mem.putInt(ObjectLayout.offset(o) + ARRAY_BASE_OFFSET + 4L * j, r.nextInt());
                }
            } else if (k < 97) {
                o = array(REFS, 1 + r.nextInt(20));
                for (int j = 0; j < mem.getInt(ObjectLayout.offset(o) + ARRAY_LENGTH_OFFSET); j++) {
                    setRef(o, j, made.isEmpty() || r.nextBoolean() ? 0 : made.get(r.nextInt(made.size())));
                }
            } else {
                o = array(LONGS, 512 + r.nextInt(2048)); // 1 to 5 pages
                mem.putLong(ObjectLayout.offset(o) + ARRAY_BASE_OFFSET, r.nextLong());
            }
            made.add(o);
            if (r.nextInt(100) < 40) { // garbage: a new object nothing will point at
                node(0, 0, i);
            }
        }
        // Back edges (cycles) and the roots.
        for (int o : made) {
            if (classId(mem, ObjectLayout.offset(o)) == NODE && r.nextInt(4) == 0) {
                setRef(o, 1, made.get(r.nextInt(made.size())));
            }
        }
        for (int i = 0; i < Math.max(1, objects / 20); i++) {
            addRoot(made.get(made.size() - 1 - r.nextInt(Math.min(made.size(), objects / 2 + 1))));
        }
        return this;
    }

    public void addRoot(int ref) {
        roots.add(ref);
    }

    public List<Integer> roots() {
        return roots;
    }

    private int alloc(long size) {
        long at = heap.allocate(size);
        if (at == 0) {
            throw new IllegalStateException("synthetic heap full: " + size + " bytes at top " + top());
        }
        return ObjectLayout.ref(at);
    }

    // HeapSpace

    @Override
    public HeapAccess heap() {
        return mem;
    }

    @Override
    public long heapAddress() {
        return mem.base();
    }

    @Override
    public long firstObject() {
        return FIRST_OBJECT;
    }

    @Override
    public long top() {
        return heap.top();
    }

    @Override
    public void setTop(long newTop) {
        checkOwner("setTop");
        heap.noteReclaimed(heap.top(), newTop);
        heap.setTop(newTop);
    }

    @Override
    public long end() {
        return heap.end();
    }

    @Override
    public Heap rawHeap() {
        return heap;
    }

    // ObjectModel

    @Override
    public boolean isFiller(long obj) {
        return mem.getInt(obj + CLASS_ID_OFFSET) == FILLER_CLASS_ID;
    }

    @Override
    public boolean isValidClassId(int id) {
        return id >= FILLER_CLASS_ID && id < NAMES.length;
    }

    @Override
    public String className(long obj) {
        return NAMES[mem.getInt(obj + CLASS_ID_OFFSET)];
    }

    @Override
    public long objectSize(long obj) {
        return objectSize(mem, obj);
    }

    @Override
    public long objectSize(HeapAccess view, long obj) {
        int id = view.getInt(obj + CLASS_ID_OFFSET);
        return id == FILLER_CLASS_ID ? ObjectLayout.fillerBytes(view.getInt(obj + HASH_OFFSET)) : sizeOf(id, view.getInt(obj + ARRAY_LENGTH_OFFSET));
    }

    @Override
    public int classId(HeapAccess view, long obj) {
        return view.getInt(obj + CLASS_ID_OFFSET);
    }

    @Override
    public int arrayLength(HeapAccess view, long obj) {
        return ELEM[classId(view, obj)] != 0 ? view.getInt(obj + ARRAY_LENGTH_OFFSET) : 0;
    }

    @Override
    public int elementSize(int classId) {
        return ELEM[classId];
    }

    @Override
    public boolean isReferenceArray(int classId) {
        return classId == REFS;
    }

    @Override
    public long sizeOf(int classId, int length) {
        return classId == NODE ? 24 : arraySize(length, ELEM[classId]);
    }

    @Override
    public int[] referenceOffsets(int classId) {
        return classId == NODE ? NODE_REFS : NONE;
    }

    @Override
    public void writeFiller(long off, long bytes) {
        heap.writeFiller(off, bytes);
    }

    @Override
    public void writeFiller(HeapAccess view, long off, long bytes) {
        view.putInt(off + CLASS_ID_OFFSET, FILLER_CLASS_ID);
        view.putInt(off + HASH_OFFSET, ObjectLayout.fillerWord(bytes));
    }

    // Scanning

    @Override
    public void scanObject(long obj, SlotVisitor v) {
        int id = mem.getInt(obj + CLASS_ID_OFFSET);
        if (id == NODE) {
            v.visit(obj + 8);
            v.visit(obj + 12);
        } else if (id == REFS) {
            int n = mem.getInt(obj + ARRAY_LENGTH_OFFSET);
            for (int i = 0; i < n; i++) {
                v.visit(obj + ARRAY_BASE_OFFSET + 4L * i);
            }
        }
    }

    /** The synthetic heap has no weak reference class: a trace scans every object as {@link #scanObject} does. */
    @Override
    public void scanObjectForTrace(long obj, SlotVisitor v, ReferenceDiscovery d) {
        scanObject(obj, v);
    }

    @Override
    public void enqueuePending(int reference) {
        throw new IllegalStateException("synthetic heap: no weak references to enqueue (" + reference + ")");
    }

    @Override
    public void forEachRoot(RootVisitor v) {
        checkOwner("forEachRoot");
        for (int i = 0; i < roots.size(); i++) {
            int r = roots.get(i);
            if (r != 0) {
                roots.set(i, v.visit(r));
            }
        }
    }

    // Collection

    @Override
    public synchronized boolean stopTheWorld(String why) {
        Thread me = Thread.currentThread();
        if (owner != null && owner != me) {
            waiting++;
            notifyAll();
            while (owner != null) {
                waitUninterruptibly(0);
            }
            waiting--;
            return false; // held as a stopped thread while another pause ran
        }
        owner = me;
        pauseWhy = why;
        if (holdFirstPause) {
            holdFirstPause = false;
            long deadline = System.currentTimeMillis() + 2000;
            while (waiting == 0 && System.currentTimeMillis() < deadline) {
                waitUninterruptibly(10);
            }
        }
        return true;
    }

    /** Swaps the collector at a pause of its own, as the VM does; the synthetic heap never calls it itself. */
    @Override
    public Collector installCollector(Collector c) {
        while (!stopTheWorld("install collector")) {
            Thread.onSpinWait();
        }
        try {
            Collector old = collector;
            collector = c;
            return old;
        } finally {
            resumeTheWorld();
        }
    }

    @Override
    public long resumeTheWorld() {
        Runnable then;
        synchronized (this) {
            checkOwner("resumeTheWorld");
            owner = null;
            notifyAll();
            then = pauseWhy.equals(afterResumeOf) ? afterResume : null;
            if (then != null) {
                afterResume = null;
                afterResumeOf = null;
            }
        }
        long resumed = System.nanoTime();
        if (then != null) {
            then.run();
        }
        return resumed;
    }

    private void waitUninterruptibly(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void checkOwner(String what) {
        if (owner != Thread.currentThread()) {
            throw new IllegalStateException(what + " by " + Thread.currentThread().getName()
                    + ", which does not own the pause (owner: " + (owner == null ? "none" : owner.getName()) + ")");
        }
    }

    /** Its mutators are host threads that stop only inside {@link #stopTheWorld}: nothing to mark, just wait. */
    @Override
    public boolean whileBlocked(java.util.function.BooleanSupplier wait) {
        return wait.getAsBoolean();
    }

    @Override
    public long[] timesToSafepoint() {
        return new long[0];
    }

    @Override
    public long uptimeNanos() {
        return System.nanoTime();
    }

    @Override
    public GcLog log() {
        return log;
    }

    @Override
    public boolean verifying() {
        return verifying;
    }

    @Override
    public void setReferenceStoreBarrier(dev.uffdgc.toyvm.heap.ReferenceStoreBarrier b) {
        checkOwner("setReferenceStoreBarrier");
        mem.setReferenceStoreBarrier(b);
    }
}
