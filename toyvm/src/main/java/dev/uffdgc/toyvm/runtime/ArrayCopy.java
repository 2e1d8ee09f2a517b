package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.heap.Barrier;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.interp.Intrinsic;
import dev.uffdgc.toyvm.thread.VmThread;

/** System.arraycopy with HotSpot's checks and messages; overlapping copies behave like memmove. */
final class ArrayCopy implements Intrinsic {
    private final Vm vm;

    ArrayCopy(Vm vm) {
        this.vm = vm;
    }

    @Override
    public void invoke(VmThread t, int b) {
        int src = t.refs[b];
        int srcPos = (int) t.prims[b + 1];
        int dst = t.refs[b + 2];
        int dstPos = (int) t.prims[b + 3];
        int length = (int) t.prims[b + 4];
        if (src == 0 || dst == 0) {
            throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
        }
        VmClass sc = vm.classOf(src);
        VmClass dc = vm.classOf(dst);
        if (!sc.isArray()) {
            throw store(t, "arraycopy: source type " + sc.binaryName() + " is not an array");
        }
        if (!dc.isArray()) {
            throw store(t, "arraycopy: destination type " + dc.binaryName() + " is not an array");
        }
        if (sc.elemType != dc.elemType && !(sc.isReferenceArray() && dc.isReferenceArray())) {
            throw store(t, "arraycopy: type mismatch: can not copy " + typeName(sc) + "[] into " + typeName(dc) + "[]");
        }
        int srcLen = vm.mem.getInt(ObjectLayout.offset(src) + ARRAY_LENGTH_OFFSET);
        int dstLen = vm.mem.getInt(ObjectLayout.offset(dst) + ARRAY_LENGTH_OFFSET);
        checkBounds(t, srcPos, dstPos, length, srcLen, dstLen, sc, dc);
        int size = sc.elemSize;
        long from = ObjectLayout.offset(src) + ARRAY_BASE_OFFSET + (long) srcPos * size;
        long to = ObjectLayout.offset(dst) + ARRAY_BASE_OFFSET + (long) dstPos * size;
        if (!sc.isReferenceArray()) {
            vm.mem.copy(from, to, (long) length * size);
            return;
        }
        if (sc.component.isAssignableTo(dc.component)) {
            Barrier.copyRefs(vm.mem, from, to, length);
            return;
        }
        for (int i = 0; i < length; i++) {
            int e = vm.mem.getInt(from + 4L * i);
            if (e != 0 && !vm.classOf(e).isAssignableTo(dc.component)) {
                throw store(t, "arraycopy: element type mismatch: can not cast one of the elements of "
                        + sc.component.binaryName() + "[] to the type of the destination array, " + dc.component.binaryName());
            }
            Barrier.putRef(vm.mem, to + 4L * i, e);
        }
    }

    private void checkBounds(VmThread t, int srcPos, int dstPos, int length, int srcLen, int dstLen, VmClass sc,
            VmClass dc) {
        String problem = null;
        if (srcPos < 0) {
            problem = "arraycopy: source index " + srcPos + " out of bounds for " + typeName(sc) + "[" + srcLen + "]";
        } else if (dstPos < 0) {
            problem = "arraycopy: destination index " + dstPos + " out of bounds for " + typeName(dc) + "[" + dstLen + "]";
        } else if (length < 0) {
            problem = "arraycopy: length " + length + " is negative";
        } else if ((long) srcPos + length > srcLen) {
            problem = "arraycopy: last source index " + ((long) srcPos + length) + " out of bounds for "
                    + typeName(sc) + "[" + srcLen + "]";
        } else if ((long) dstPos + length > dstLen) {
            problem = "arraycopy: last destination index " + ((long) dstPos + length) + " out of bounds for "
                    + typeName(dc) + "[" + dstLen + "]";
        }
        if (problem != null) {
            throw vm.throwing.raise(t, "java/lang/ArrayIndexOutOfBoundsException", problem);
        }
    }

    private static String typeName(VmClass arrayClass) {
        return arrayClass.isReferenceArray() ? "object array" : CoreNatives.primitiveName(arrayClass.elemType);
    }

    private RuntimeException store(VmThread t, String msg) {
        return vm.throwing.raise(t, "java/lang/ArrayStoreException", msg);
    }
}
