package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;

/** An invokeinterface (or invokevirtual of an interface default) call site with a monomorphic inline cache. */
public final class InterfaceSite {
    private final Vm vm;
    final String key;
    final int argSlots;
    private VmClass cachedClass;
    private VmMethod cachedTarget;

    InterfaceSite(Vm vm, String key, int argSlots) {
        this.vm = vm;
        this.key = key;
        this.argSlots = argSlots;
    }

    VmMethod target(VmThread t, VmClass receiverClass) {
        if (receiverClass == cachedClass) {
            return cachedTarget;
        }
        VmMethod m = receiverClass.selectVirtual(key);
        if (m == null) {
            throw vm.throwing.raise(t, "java/lang/AbstractMethodError",
                    "Receiver class " + receiverClass.binaryName() + " does not define or inherit an implementation of "
                            + key);
        }
        cachedClass = receiverClass;
        cachedTarget = m;
        return m;
    }
}
