package dev.uffdgc.toyvm.gc;

import static dev.uffdgc.toyvm.heap.ObjectLayout.*;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.heap.Heap;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.interp.VmThread;

/**
 * THE collector seam, modelled on MMTk's VMBinding: everything a collector may know about the VM. The built-in
 * {@link MarkCompact} uses nothing else, and neither must a replacement (e.g. the agent's concurrent
 * compactor): no collector needs changes in the interpreter.
 *
 * <ul>
 * <li>heap: {@link #heap()} (memory access, the only way to touch guest memory), {@link #firstObject()},
 *     {@link #top()}/{@link #setTop(long)} (the bump pointer), {@link #end()}, {@link #heapAddress()}
 *     (fixed for the VM's life); memory above top must be zero when the world resumes;</li>
 * <li>object model: {@link #objectSize(long)}, {@link #isFiller(long)}, {@link #scanObject(long, SlotVisitor)},
 *     {@link #isValidClassId(int)}, {@link #writeFiller(long, long)}; layout in {@link
 *     dev.uffdgc.toyvm.heap.ObjectLayout};</li>
 * <li>roots: {@link #forEachRoot(RootVisitor)} — for every guest thread its frames (precise: the refs stack),
 *     handles, pending exception and java.lang.Thread object; the static fields; global handles (interned
 *     strings, Class mirrors, lambdas); the keys of monitors in use;</li>
 * <li>world: {@link #stopTheWorld()} / {@link #resumeTheWorld()}: every guest thread stops at a safepoint poll
 *     (method entry, backward branch, allocation slow path) or is blocked (sleep, wait, join, park, monitor
 *     entry) and cannot resume until the pause ends; every TLAB is retired on stop, so the heap parses from
 *     {@link #firstObject()} to {@link #top()}. Pauses are logged with -Xlog:safepoint;</li>
 * <li>allocation: threads bump inside TLABs; the slow path {@link Heap#allocate(long)} (shared region, CAS
 *     on top, also TLAB refills) calls {@link Collector#collect} on exhaustion;</li>
 * <li>mutator heap access: {@link #heap()} is the only way anyone touches guest memory, the switch point for a
 *     fault-safe mode; switch it only while the world is stopped.</li>
 * </ul>
 */
public final class VmBinding {
    /** Visits a root; returns its (possibly moved) new value, which is stored back. Never called with null. */
    @FunctionalInterface
    public interface RootVisitor {
        int visit(int ref);
    }

    /** Visits the heap offset of one 32-bit reference slot inside an object. */
    @FunctionalInterface
    public interface SlotVisitor {
        void visit(long slot);
    }

    private final Vm vm;
    private final HeapAccess mem;

    public VmBinding(Vm vm) {
        this.vm = vm;
        this.mem = vm.mem;
    }

    public HeapAccess heap() {
        return mem;
    }

    public long heapAddress() {
        return mem.base();
    }

    public long firstObject() {
        return FIRST_OBJECT;
    }

    public long top() {
        return vm.heap.top();
    }

    /** Moves the bump pointer (after compaction); [newTop, old top) must be zeroed by the caller. */
    public void setTop(long newTop) {
        vm.heap.noteReclaimed(vm.heap.top(), newTop);
        vm.heap.setTop(newTop);
    }

    public long end() {
        return vm.heap.end();
    }

    public Heap rawHeap() {
        return vm.heap;
    }

    public GcLog log() {
        return vm.gcLog;
    }

    public boolean verifying() {
        return vm.options.verifyGc;
    }

    public boolean isFiller(long obj) {
        return mem.getInt(obj + CLASS_ID_OFFSET) == FILLER_CLASS_ID;
    }

    public boolean isValidClassId(int id) {
        return id == FILLER_CLASS_ID || (id > FILLER_CLASS_ID && id < vm.classes.classCount() && vm.classes.table()[id] != null);
    }

    public String className(long obj) {
        int id = mem.getInt(obj + CLASS_ID_OFFSET);
        return id == FILLER_CLASS_ID ? "<filler>" : vm.classes.table()[id].name;
    }

    /** Size in bytes of the object (or filler) at {@code obj}, 8-aligned. */
    public long objectSize(long obj) {
        int id = mem.getInt(obj + CLASS_ID_OFFSET);
        if (id == FILLER_CLASS_ID) {
            return mem.getInt(obj + HASH_OFFSET);
        }
        VmClass c = vm.classes.table()[id];
        if (c.elemSize != 0) {
            return arraySize(mem.getInt(obj + ARRAY_LENGTH_OFFSET), c.elemSize);
        }
        return c.instanceSize;
    }

    /** The class id in the header at {@code obj} of {@code view} (the heap, or a collector's copy of it). */
    public int classId(HeapAccess view, long obj) {
        return view.getInt(obj + CLASS_ID_OFFSET);
    }

    /** Size of the object at {@code obj} in {@code view}: a collector may read headers from a from-space copy. */
    public long objectSize(HeapAccess view, long obj) {
        int id = view.getInt(obj + CLASS_ID_OFFSET);
        if (id == FILLER_CLASS_ID) {
            return view.getInt(obj + HASH_OFFSET);
        }
        VmClass c = vm.classes.table()[id];
        return c.elemSize != 0 ? arraySize(view.getInt(obj + ARRAY_LENGTH_OFFSET), c.elemSize) : c.instanceSize;
    }

    /**
     * Layout by class id, for collectors that must scan part of an object whose header they no longer hold:
     * {@link #elementSize} (0 for instance classes), {@link #isReferenceArray}, {@link #referenceOffsets}
     * (instance classes). Fillers have element size 0 and no reference offsets.
     */
    public int elementSize(int classId) {
        return classId == FILLER_CLASS_ID ? 0 : vm.classes.table()[classId].elemSize;
    }

    public boolean isReferenceArray(int classId) {
        return classId != FILLER_CLASS_ID && vm.classes.table()[classId].isReferenceArray();
    }

    /** Size of an object of class {@code classId} with array length {@code length} (ignored for instances). */
    public long sizeOf(int classId, int length) {
        VmClass c = vm.classes.table()[classId];
        return c.elemSize != 0 ? arraySize(length, c.elemSize) : c.instanceSize;
    }

    private static final int[] NO_OFFSETS = {};

    public int[] referenceOffsets(int classId) {
        return classId == FILLER_CLASS_ID ? NO_OFFSETS : vm.classes.table()[classId].refOffsets;
    }

    public void writeFiller(long off, long bytes) {
        vm.heap.writeFiller(off, bytes);
    }

    /** Visits each reference slot of the object at {@code obj} (none for fillers and primitive arrays). */
    public void scanObject(long obj, SlotVisitor v) {
        int id = mem.getInt(obj + CLASS_ID_OFFSET);
        if (id == FILLER_CLASS_ID) {
            return;
        }
        VmClass c = vm.classes.table()[id];
        if (c.elemSize != 0) {
            if (c.isReferenceArray()) {
                int n = mem.getInt(obj + ARRAY_LENGTH_OFFSET);
                long slot = obj + ARRAY_BASE_OFFSET;
                for (int i = 0; i < n; i++, slot += REFERENCE_BYTES) {
                    v.visit(slot);
                }
            }
            return;
        }
        for (int off : c.refOffsets) {
            v.visit(obj + off);
        }
    }

    /** Every root, in a deterministic order (threads, statics, globals). */
    public void forEachRoot(RootVisitor v) {
        for (VmThread t : vm.threads) {
            visitAll(t.refs, t.sp, v);
            visitAll(t.handles, t.handleTop, v);
            if (t.pendingException != 0) {
                t.pendingException = v.visit(t.pendingException);
            }
            if (t.guestThread != 0) {
                t.guestThread = v.visit(t.guestThread);
            }
        }
        visitAll(vm.statics.refs, vm.statics.refCount(), v);
        vm.globals.visit(v);
        vm.monitors.updateRoots(v);
    }

    private static void visitAll(int[] refs, int count, RootVisitor v) {
        for (int i = 0; i < count; i++) {
            int r = refs[i];
            if (r != 0) {
                refs[i] = v.visit(r);
            }
        }
    }

    /**
     * Stops every guest thread except the caller (a guest thread in its allocation slow path, or any host
     * thread) and retires every TLAB. Returns true when the caller owns the pause and must call {@link
     * #resumeTheWorld()}; false when another pause ran meanwhile (the caller was held as a stopped thread and
     * should just retry what it wanted, e.g. the allocation). {@code why} names the pause in the log.
     */
    public boolean stopTheWorld(String why) {
        if (!vm.safepoints.stopTheWorld(vm.guestThreads.current(), why)) {
            return false;
        }
        for (VmThread t : vm.threads) {
            vm.heap.retireTlab(t);
        }
        return true;
    }

    public boolean stopTheWorld() {
        return stopTheWorld("Collect");
    }

    public void resumeTheWorld() {
        vm.safepoints.resumeTheWorld();
    }

    /** Time to safepoint of every pause so far (ns), for benchmarks. */
    public long[] timesToSafepoint() {
        return vm.safepoints.timesToSafepoint();
    }

    public long uptimeNanos() {
        return vm.uptimeNanos();
    }
}
