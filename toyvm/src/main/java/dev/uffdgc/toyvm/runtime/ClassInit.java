package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmClass.InitState;
import dev.uffdgc.toyvm.classfile.VmField;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.interp.GuestException;
import dev.uffdgc.toyvm.interp.VmThread;
import java.util.Map;

/** Class initialisation in the JLS 12.4.2 order: superclass, default-method superinterfaces, then the class. */
public final class ClassInit {
    private final Vm vm;

    public ClassInit(Vm vm) {
        this.vm = vm;
    }

    public void initialize(VmThread t, VmClass c) {
        InitState s = c.initState;
        if (s == InitState.INITIALIZED || s == InitState.INITIALIZING) {
            return;
        }
        if (s == InitState.ERRONEOUS) {
            throw vm.throwing.raise(t, "java/lang/NoClassDefFoundError", "Could not initialize class " + c.binaryName());
        }
        c.initState = InitState.INITIALIZING;
        int depth = t.depth;
        try {
            if (!c.isInterface()) {
                if (c.superclass != null) {
                    initialize(t, c.superclass);
                }
                for (VmClass i : c.interfaces) {
                    initializeWithDefaults(t, i);
                }
            }
            applyConstants(t, c);
            VmMethod clinit = c.methods.get("<clinit>()V");
            if (clinit != null) {
                vm.interp.call(t, clinit);
            }
            c.initState = InitState.INITIALIZED;
        } catch (GuestException e) {
            t.depth = depth;
            c.initState = InitState.ERRONEOUS;
            int ex = t.pendingException;
            t.pendingException = 0;
            if (vm.classOf(ex).isAssignableTo(vm.classes.load("java/lang/Error"))) {
                throw t.throwGuest(ex);
            }
            throw t.throwGuest(vm.throwing.wrap(t, "java/lang/ExceptionInInitializerError", ex));
        }
    }

    private void initializeWithDefaults(VmThread t, VmClass i) {
        for (VmClass sup : i.interfaces) {
            initializeWithDefaults(t, sup);
        }
        for (VmMethod m : i.methods.values()) {
            if (!m.isStatic() && !m.isAbstract()) {
                initialize(t, i);
                return;
            }
        }
    }

    private void applyConstants(VmThread t, VmClass c) {
        for (Map.Entry<VmField, Object> e : vm.classes.constantValues.getOrDefault(c, Map.of()).entrySet()) {
            VmField f = e.getKey();
            switch (e.getValue()) {
                case Integer i -> vm.statics.prims[f.offset] = i;
                case Long l -> vm.statics.prims[f.offset] = l;
                case Float x -> vm.statics.prims[f.offset] = Float.floatToRawIntBits(x);
                case Double d -> vm.statics.prims[f.offset] = Double.doubleToRawLongBits(d);
                case String s -> vm.statics.refs[f.offset] = vm.strings.intern(t, s);
                default -> throw new IllegalStateException("constant " + e.getValue());
            }
        }
    }
}
