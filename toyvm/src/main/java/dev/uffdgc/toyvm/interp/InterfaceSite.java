package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.thread.VmThread;

/** An invokeinterface (or invokevirtual of an interface default) call site with a monomorphic inline cache. */
public final class InterfaceSite {
    private final Vm vm;
    final String key;
    final int argSlots;
    /** One immutable (class, target) pair, so a racing reader never sees one class with another's target. */
    private record Entry(VmClass receiver, VmMethod target) {
    }

    private Entry cache = new Entry(null, null);

    InterfaceSite(Vm vm, String key, int argSlots) {
        this.vm = vm;
        this.key = key;
        this.argSlots = argSlots;
    }

    VmMethod target(VmThread t, VmClass receiverClass) {
        Entry e = cache;
        if (receiverClass == e.receiver) {
            return e.target;
        }
        VmMethod m = receiverClass.selectVirtual(key);
        if (m == null) {
            throw vm.throwing.raise(t, "java/lang/AbstractMethodError",
                    "Receiver class " + receiverClass.binaryName() + " does not define or inherit an implementation of "
                            + key);
        }
        cache = new Entry(receiverClass, m);
        return m;
    }
}
