package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.heap.Barrier;

/**
 * What the JDK's own serialization (ObjectOutputStream/ObjectInputStream over ObjectStreamClass) asks the VM:
 * ObjectStreamClass's natives, and the serialization constructor of ReflectionFactory, which HotSpot's JDK builds
 * as a method-handle accessor that allocates the serializable class but runs the no-arg constructor of its first
 * non-serializable superclass. toyvm runs Constructor.newInstance itself (ReflectionNatives: no
 * java.lang.invoke accessors), allocating the Constructor's declaring class and calling the method in its slot;
 * so the serialization constructor is a copy of the superclass's Constructor with the serializable class as
 * declaring class.
 */
final class SerializationNatives {
    private SerializationNatives() {
    }

    static void register(Vm vm, Intrinsics r) {
        String osc = "java/io/ObjectStreamClass";
        // libjava's initNative caches JNI ids; toyvm has none to cache.
        r.add(osc, "initNative()V", (t, b) -> { });
        // For the default serialVersionUID (a class that declares none): whether the class itself has a <clinit>.
        r.add(osc, "hasStaticInitializer(Ljava/lang/Class;)Z", (t, b) -> {
            VmClass c = vm.mirrors.classOfMirror(t.refs[b]);
            t.prims[b] = c.model != null && c.model.methods().stream()
                    .anyMatch(m -> m.methodName().equalsString("<clinit>")) ? 1 : 0;
        });
        // ObjectInputStream resolves classes in the latest user-defined loader on the stack: toyvm has one loader,
        // which every Class reports as null (ReflectionNatives), so there is none, and forName takes that one.
        r.add("jdk/internal/misc/VM", "latestUserDefinedLoader0()Ljava/lang/ClassLoader;", (t, b) -> t.refs[b] = 0);
        r.add("jdk/internal/reflect/ReflectionFactory",
                "generateConstructor(Ljava/lang/Class;Ljava/lang/reflect/Constructor;)Ljava/lang/reflect/Constructor;",
                (t, b) -> {
                    int mark = t.handleTop;
                    int hClass = t.pushHandle(t.refs[b + 1]);
                    int copy = vm.alloc.copyOf(t, t.pushHandle(t.refs[b + 2]));
                    VmClass ctor = vm.classes.load("java/lang/reflect/Constructor");
                    Barrier.putRef(vm.mem, ObjectLayout.offset(copy) + ctor.findField("clazz").offset, t.handle(hClass));
                    // setAccessible(true), as the JDK's generateConstructor does.
                    vm.mem.putByte(ObjectLayout.offset(copy) + vm.classes.load("java/lang/reflect/AccessibleObject")
                            .findField("override").offset, (byte) 1);
                    t.popHandles(mark);
                    t.refs[b] = copy;
                });
    }
}
