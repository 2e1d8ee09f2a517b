package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.ClassRegistry;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.interp.Intrinsic;
import java.util.HashMap;
import java.util.Map;

/**
 * The host implementations of guest methods, keyed "java/lang/Object.hashCode()I". Every native method gets
 * one as its class links; a native nobody implements gets one that throws UnsatisfiedLinkError naming it, so
 * an unsupported library method fails loudly at its first call.
 */
public final class Intrinsics implements ClassRegistry.Binder {
    private final Map<String, Intrinsic> table = new HashMap<>();
    private final Vm vm;
    private final VarHandles varHandles;

    public Intrinsics(Vm vm) {
        this.vm = vm;
        CoreNatives.register(vm, this);
        TextNatives.register(vm, this);
        SystemNatives.register(vm, this);
        ReflectionNatives.register(vm, this);
        StackWalkNatives.register(vm, this);
        ClassAttributeNatives.register(vm, this);
        AnnotationNatives.register(vm, this);
        ArrayNatives.register(vm, this);
        TimeZoneNatives.register(vm, this);
        ModuleServices.register(vm, this);
        ZipNatives.register(vm, this);
        ZlibNatives.register(vm, this);
        ManagementNatives.register(vm, this);
        InetNatives.register(vm, this);
        ProcessHandleNatives.register(vm, this);
        SerializationNatives.register(vm, this);
        IoNatives.register(vm, this);
        vm.threadNatives.register(this);
        UnsafeNatives.register(vm, this);
        DirectMemory nativeMemory = DirectMemory.register(vm, this);
        LibraryNatives.register(vm, this);
        IoFileNatives.register(vm, this);
        NioFsNatives.register(vm, this, nativeMemory);
        NioChNatives.register(vm, this, nativeMemory);
        vm.references.register(this);
        varHandles = new VarHandles(vm);
        varHandles.register(this);
    }

    /** VarHandles: their factories, and the signature-polymorphic call sites the Resolver links. */
    public VarHandles varHandles() {
        return varHandles;
    }

    public void add(String owner, String nameAndDescriptor, Intrinsic in) {
        table.put(owner + "." + nameAndDescriptor, in);
    }

    /**
     * Replaces a registered intrinsic by one built around it: for natives whose cases are served by different
     * places (Unsafe's accessors: a heap object in UnsafeNatives, native memory in DirectMemory).
     */
    void wrap(String owner, String nameAndDescriptor, java.util.function.UnaryOperator<Intrinsic> around) {
        Intrinsic inner = table.get(owner + "." + nameAndDescriptor);
        if (inner == null) {
            throw new IllegalStateException("toyvm: no intrinsic " + owner + "." + nameAndDescriptor + " to wrap");
        }
        table.put(owner + "." + nameAndDescriptor, around.apply(inner));
    }

    @Override
    public void bind(VmMethod m) {
        Intrinsic in = table.get(m.owner.name + "." + m.name + m.descriptor);
        if (in == null && m.isNative()) {
            in = HostMirror.bind(vm, m);
        }
        if (in == null && !m.isNative()) {
            in = HostMirror.twin(vm, m);
        }
        if (in == null && m.isNative() && m.owner.name.equals("jdk/internal/misc/CDS")) {
            // Class-data sharing is never on in toyvm: its queries answer 0/false, its requests do nothing.
            in = (t, base) -> {
                t.prims[base] = 0;
                t.refs[base] = 0;
            };
        }
        if (in != null) {
            m.intrinsic = in;
        } else if (m.isNative()) {
            String what = "toyvm: unsupported native method " + m.owner.binaryName() + "." + m.name + m.descriptor;
            m.intrinsic = (t, base) -> {
                throw vm.throwing.raise(t, "java/lang/UnsatisfiedLinkError", what);
            };
        }
    }
}
