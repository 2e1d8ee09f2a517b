package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.*;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.heap.Heap;
import dev.uffdgc.toyvm.heap.HeapAccess;
import dev.uffdgc.toyvm.thread.VmThread;

/**
 * Object and array allocation. The caller must have stored the thread's sp: allocation may collect, and the
 * collection moves every object (host variables holding references are stale afterwards). A release fence
 * after the header (HotSpot's StoreStore after initialisation) keeps another thread that receives the new
 * reference through a race from seeing a zero header.
 */
public final class Alloc {
    private final Vm vm;
    private final Heap heap;
    private final HeapAccess mem;

    public Alloc(Vm vm) {
        this.vm = vm;
        this.heap = vm.heap;
        this.mem = vm.mem;
    }

    /** TLAB bump; the slow path is a safepoint poll, then a TLAB refill or a shared allocation. */
    private long allocate(VmThread t, long size) {
        long at = t.tlabTop;
        if (at + size <= t.tlabEnd && size < LARGE_OBJECT_BYTES) {
            t.tlabTop = at + size;
            return at;
        }
        if (vm.safepoints.requested) {
            vm.safepoints.poll(t);
        }
        return heap.allocate(t, size);
    }

    public int instance(VmThread t, VmClass c) {
        long at = allocate(t, c.instanceSize);
        if (at == 0) {
            throw vm.throwing.outOfMemory(t);
        }
        mem.putInt(at + CLASS_ID_OFFSET, c.id);
        HeapAccess.releaseFence();
        return ObjectLayout.ref(at);
    }

    public int array(VmThread t, VmClass arrayClass, int length) {
        if (length < 0) {
            throw vm.throwing.raise(t, "java/lang/NegativeArraySizeException", Integer.toString(length));
        }
        long size = arraySize(length, arrayClass.elemSize);
        if (size > heap.capacity()) {
            throw vm.throwing.outOfMemory(t, "Requested array size exceeds VM limit");
        }
        long at = allocate(t, size);
        if (at == 0) {
            throw vm.throwing.outOfMemory(t);
        }
        mem.putInt(at + CLASS_ID_OFFSET, arrayClass.id);
        mem.putInt(at + ARRAY_LENGTH_OFFSET, length);
        HeapAccess.releaseFence();
        return ObjectLayout.ref(at);
    }

    /** A shallow copy (Object.clone) of an instance or array. */
    public int copyOf(VmThread t, int handleOfSource) {
        int src = t.handle(handleOfSource);
        VmClass c = vm.classOf(src);
        long size = c.isArray() ? arraySize(mem.getInt(ObjectLayout.offset(src) + ARRAY_LENGTH_OFFSET), c.elemSize) : c.instanceSize;
        long at = allocate(t, size);
        if (at == 0) {
            throw vm.throwing.outOfMemory(t);
        }
        src = t.handle(handleOfSource);
        mem.copy(ObjectLayout.offset(src), at, size);
        mem.putInt(at + HASH_OFFSET, 0);
        HeapAccess.releaseFence();
        return ObjectLayout.ref(at);
    }
}
