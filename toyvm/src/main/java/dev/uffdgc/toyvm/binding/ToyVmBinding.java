package dev.uffdgc.toyvm.binding;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.*;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.heap.Heap;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.thread.StackSegment;
import dev.uffdgc.toyvm.thread.VmThread;
import dev.uffdgc.toyvm.seam.Collector;
import dev.uffdgc.toyvm.seam.GcLog;
import dev.uffdgc.toyvm.seam.ReferenceDiscovery;
import dev.uffdgc.toyvm.seam.RootVisitor;
import dev.uffdgc.toyvm.seam.SlotVisitor;
import dev.uffdgc.toyvm.seam.VmBinding;

/**
 * toyvm's implementation of the collector seam {@link VmBinding}: the one class that knows both the VM's
 * internals (threads, class table, statics, globals, monitors, safepoints) and what a collector may ask of them.
 * Contracts are on the seam's interfaces (not repeated here, so they cannot drift).
 */
public final class ToyVmBinding implements VmBinding {
    private final Vm vm;
    private final HeapAccess mem;

    public ToyVmBinding(Vm vm) {
        this.vm = vm;
        this.mem = vm.mem;
    }

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
        return vm.heap.top();
    }

    @Override
    public void setTop(long newTop) {
        vm.heap.noteReclaimed(vm.heap.top(), newTop);
        vm.heap.setTop(newTop);
    }

    @Override
    public long end() {
        return vm.heap.end();
    }

    @Override
    public Heap rawHeap() {
        return vm.heap;
    }

    @Override
    public GcLog log() {
        return vm.gcLog;
    }

    @Override
    public boolean verifying() {
        return vm.options.verifyGc;
    }

    @Override
    public void setReferenceStoreBarrier(dev.uffdgc.toyvm.heap.ReferenceStoreBarrier b) {
        mem.setReferenceStoreBarrier(b);
    }

    @Override
    public boolean isFiller(long obj) {
        return mem.getInt(obj + CLASS_ID_OFFSET) == FILLER_CLASS_ID;
    }

    @Override
    public boolean isValidClassId(int id) {
        return id == FILLER_CLASS_ID || (id > FILLER_CLASS_ID && id < vm.classes.classCount() && vm.classes.table()[id] != null);
    }

    @Override
    public String className(long obj) {
        int id = mem.getInt(obj + CLASS_ID_OFFSET);
        return id == FILLER_CLASS_ID ? "<filler>" : vm.classes.table()[id].name;
    }

    @Override
    public long objectSize(long obj) {
        int id = mem.getInt(obj + CLASS_ID_OFFSET);
        if (id == FILLER_CLASS_ID) {
            return ObjectLayout.fillerBytes(mem.getInt(obj + HASH_OFFSET));
        }
        VmClass c = vm.classes.table()[id];
        if (c.elemSize != 0) {
            return arraySize(mem.getInt(obj + ARRAY_LENGTH_OFFSET), c.elemSize);
        }
        return c.instanceSize;
    }

    @Override
    public int classId(HeapAccess view, long obj) {
        return view.getInt(obj + CLASS_ID_OFFSET);
    }

    @Override
    public long objectSize(HeapAccess view, long obj) {
        int id = view.getInt(obj + CLASS_ID_OFFSET);
        if (id == FILLER_CLASS_ID) {
            return ObjectLayout.fillerBytes(view.getInt(obj + HASH_OFFSET));
        }
        VmClass c = vm.classes.table()[id];
        return c.elemSize != 0 ? arraySize(view.getInt(obj + ARRAY_LENGTH_OFFSET), c.elemSize) : c.instanceSize;
    }

    @Override
    public int elementSize(int classId) {
        return classId == FILLER_CLASS_ID ? 0 : vm.classes.table()[classId].elemSize;
    }

    @Override
    public boolean isReferenceArray(int classId) {
        return classId != FILLER_CLASS_ID && vm.classes.table()[classId].isReferenceArray();
    }

    @Override
    public long sizeOf(int classId, int length) {
        VmClass c = vm.classes.table()[classId];
        return c.elemSize != 0 ? arraySize(length, c.elemSize) : c.instanceSize;
    }

    private static final int[] NO_OFFSETS = {};

    @Override
    public int[] referenceOffsets(int classId) {
        return classId == FILLER_CLASS_ID ? NO_OFFSETS : vm.classes.table()[classId].refOffsets;
    }

    @Override
    public int arrayLength(HeapAccess view, long obj) {
        int id = view.getInt(obj + CLASS_ID_OFFSET);
        return id != FILLER_CLASS_ID && vm.classes.table()[id].elemSize != 0 ? view.getInt(obj + ARRAY_LENGTH_OFFSET) : 0;
    }

    @Override
    public void writeFiller(HeapAccess view, long off, long bytes) {
        view.putInt(off + CLASS_ID_OFFSET, FILLER_CLASS_ID);
        view.putInt(off + HASH_OFFSET, ObjectLayout.fillerWord(bytes));
    }

    @Override
    public void writeFiller(long off, long bytes) {
        vm.heap.writeFiller(off, bytes);
    }

    @Override
    public void scanObject(long obj, SlotVisitor v) {
        int id = mem.getInt(obj + CLASS_ID_OFFSET);
        if (id != FILLER_CLASS_ID) {
            scanSlots(vm.classes.table()[id], obj, v);
        }
    }

    /** The reference slots of an object of class {@code c} (its header read once by the caller). */
    private void scanSlots(VmClass c, long obj, SlotVisitor v) {
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

    @Override
    public void scanObjectForTrace(long obj, SlotVisitor v, ReferenceDiscovery d) {
        int id = mem.getInt(obj + CLASS_ID_OFFSET);
        if (id == FILLER_CLASS_ID) {
            return;
        }
        VmClass c = vm.classes.table()[id];
        int weak = c.weakReferentOffset;
        if (weak < 0 && vm.clearSoftReferences) {
            weak = c.softReferentOffset;
        }
        if (weak < 0) {
            scanSlots(c, obj, v);
            return;
        }
        d.discover(obj, obj + weak);
        for (int off : c.refOffsets) {
            if (off != weak) {
                v.visit(obj + off);
            }
        }
    }

    @Override
    public void enqueuePending(int reference) {
        vm.references.enqueue(reference);
    }

    @Override
    public void forEachRoot(RootVisitor v) {
        for (VmThread t : vm.threads) {
            visitStack(t.segment, t.sp, v);
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
        vm.references.visitRoots(v);
    }

    /**
     * A thread's stack slots, oldest segment first (the order one contiguous stack would have): each segment
     * below the current one is live up to where the segment above took its first frame's arguments from.
     */
    private static void visitStack(StackSegment s, int top, RootVisitor v) {
        if (s.below != null) {
            visitStack(s.below, s.belowTop, v);
        }
        visitAll(s.refs, top, v);
    }

    private static void visitAll(int[] refs, int count, RootVisitor v) {
        for (int i = 0; i < count; i++) {
            int r = refs[i];
            if (r != 0) {
                refs[i] = v.visit(r);
            }
        }
    }

    /** Stops the world (Safepoints), then retires every TLAB, the caller's too, so the heap parses. */
    @Override
    public boolean stopTheWorld(String why) {
        if (!vm.safepoints.stopTheWorld(vm.guestThreads.current(), why)) {
            return false;
        }
        for (VmThread t : vm.threads) {
            vm.heap.retireTlab(t);
        }
        return true;
    }

    @Override
    public Collector installCollector(Collector c) {
        return vm.installCollector(c);
    }

    @Override
    public long resumeTheWorld() {
        long resumed = vm.safepoints.resumeTheWorld();
        vm.references.wakeHandler(); // after the resume: a thread woken inside a pause takes the pausing thread's CPU
        return resumed;
    }

    @Override
    public boolean whileBlocked(java.util.function.BooleanSupplier wait) {
        VmThread t = vm.guestThreads.current();
        if (t == null) {
            return wait.getAsBoolean();
        }
        vm.safepoints.block(t);
        try {
            return wait.getAsBoolean();
        } finally {
            vm.safepoints.unblock(t);
        }
    }

    @Override
    public long[] timesToSafepoint() {
        return vm.safepoints.timesToSafepoint();
    }

    @Override
    public long uptimeNanos() {
        return vm.uptimeNanos();
    }
}
