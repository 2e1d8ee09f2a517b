package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.RawAnnotations;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.heap.Barrier;
import dev.uffdgc.toyvm.heap.ObjectLayout;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.ConstantPoolException;
import java.lang.classfile.constantpool.DoubleEntry;
import java.lang.classfile.constantpool.FloatEntry;
import java.lang.classfile.constantpool.IntegerEntry;
import java.lang.classfile.constantpool.LongEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.util.function.Function;

/**
 * What the JDK's annotation machinery (sun.reflect.annotation.AnnotationParser, AnnotationType, TypeAnnotationParser)
 * asks of the VM, answered as HotSpot's jvm.cpp does: a class's raw RuntimeVisible(Type)Annotations bytes
 * (Class.getRawAnnotations/getRawTypeAnnotations; RawAnnotations makes them), its constant pool
 * (Class.getConstantPool: a jdk.internal.reflect.ConstantPool whose constantPoolOop is the class's mirror, as in
 * HotSpot) and that pool's natives, which read the class's java.lang.classfile model by the class file's indices.
 * Annotation instances are then the JDK's own: AnnotationInvocationHandler proxies (java.lang.reflect.Proxy runs).
 * The Field/Method/Constructor byte[] fields are filled where ReflectionNatives makes those objects.
 */
final class AnnotationNatives {
    private static final String CP = "jdk/internal/reflect/ConstantPool";

    private final Vm vm;

    private AnnotationNatives(Vm vm) {
        this.vm = vm;
    }

    static void register(Vm vm, Intrinsics r) {
        AnnotationNatives n = new AnnotationNatives(vm);
        String k = "java/lang/Class";
        r.add(k, "getRawAnnotations()[B", (t, b) -> t.refs[b] = byteArrayOrNull(vm, t,
                n.model(vm.mirrors.classOfMirror(t.refs[b]), RawAnnotations::annotations)));
        r.add(k, "getRawTypeAnnotations()[B", (t, b) -> t.refs[b] = byteArrayOrNull(vm, t,
                n.model(vm.mirrors.classOfMirror(t.refs[b]), RawAnnotations::typeAnnotations)));
        r.add(k, "getConstantPool()Ljdk/internal/reflect/ConstantPool;", n::constantPool);
        r.add(CP, "getSize0(Ljava/lang/Object;)I", (t, b) -> t.prims[b] = n.pool(t, b).constantPool().size());
        r.add(CP, "getTagAt0(Ljava/lang/Object;I)B", (t, b) -> {
            ClassModel m = n.pool(t, b);
            int i = n.index(t, b, m);
            // Index 0 and the slot after a long or double hold no entry: HotSpot's tag there is 0 (JVM_CONSTANT_Invalid).
            PoolEntry e;
            try {
                e = m.constantPool().entryByIndex(i);
            } catch (ConstantPoolException x) {
                e = null;
            }
            t.prims[b] = e == null ? 0 : e.tag();
        });
        r.add(CP, "getUTF8At0(Ljava/lang/Object;I)Ljava/lang/String;",
                (t, b) -> t.refs[b] = vm.strings.newString(t, n.entry(t, b, Utf8Entry.class).stringValue()));
        r.add(CP, "getStringAt0(Ljava/lang/Object;I)Ljava/lang/String;",
                (t, b) -> t.refs[b] = vm.strings.intern(t, n.entry(t, b, StringEntry.class).stringValue()));
        r.add(CP, "getIntAt0(Ljava/lang/Object;I)I", (t, b) -> t.prims[b] = n.entry(t, b, IntegerEntry.class).intValue());
        r.add(CP, "getLongAt0(Ljava/lang/Object;I)J", (t, b) -> t.prims[b] = n.entry(t, b, LongEntry.class).longValue());
        r.add(CP, "getFloatAt0(Ljava/lang/Object;I)F",
                (t, b) -> t.prims[b] = Float.floatToRawIntBits(n.entry(t, b, FloatEntry.class).floatValue()));
        r.add(CP, "getDoubleAt0(Ljava/lang/Object;I)D",
                (t, b) -> t.prims[b] = Double.doubleToRawLongBits(n.entry(t, b, DoubleEntry.class).doubleValue()));
        r.add(CP, "getClassAt0(Ljava/lang/Object;I)Ljava/lang/Class;", (t, b) -> t.refs[b] =
                vm.mirrors.mirror(t, vm.classes.load(n.entry(t, b, ClassEntry.class).asInternalName())));
        r.add(CP, "getClassRefIndexAt0(Ljava/lang/Object;I)I", (t, b) -> t.prims[b] = n.entry(t, b,
                java.lang.classfile.constantpool.MemberRefEntry.class).owner().index());
        r.add(CP, "getNameAndTypeRefIndexAt0(Ljava/lang/Object;I)I", (t, b) -> t.prims[b] = n.entry(t, b,
                java.lang.classfile.constantpool.MemberRefEntry.class).nameAndType().index());
    }

    /** A guest byte[] with these bytes, or 0 for null. May collect. */
    static int byteArrayOrNull(Vm vm, VmThread t, byte[] bytes) {
        return bytes == null ? 0 : TextNatives.byteArray(vm, t, bytes);
    }

    /** What a class's own model answers; null for arrays and primitives, which have no class file. */
    private byte[] model(VmClass c, Function<ClassModel, byte[]> f) {
        return c.model == null || c.isArray() ? null : f.apply(c.model);
    }

    /** HotSpot's JVM_GetClassConstantPool: a ConstantPool over this class (null for arrays and primitives). */
    private void constantPool(VmThread t, int b) {
        VmClass c = vm.mirrors.classOfMirror(t.refs[b]);
        if (c.model == null || c.isArray()) {
            t.refs[b] = 0;
            return;
        }
        VmClass cp = vm.classes.load(CP);
        vm.init.initialize(t, cp);
        t.sp = b + 1;
        int obj = vm.alloc.instance(t, cp);
        Barrier.putRef(vm.mem, ObjectLayout.offset(obj) + cp.findField("constantPoolOop").offset, t.refs[b]);
        t.refs[b] = obj;
    }

    /** The model of the class whose mirror is the native's constantPoolOop argument. */
    private ClassModel pool(VmThread t, int b) {
        return vm.mirrors.classOfMirror(t.refs[b + 1]).model;
    }

    private int index(VmThread t, int b, ClassModel m) {
        int i = (int) t.prims[b + 2];
        if (i < 0 || i >= m.constantPool().size()) {
            throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "Constant pool index out of bounds");
        }
        return i;
    }

    /** The entry at the native's index argument, with HotSpot's exceptions for a bad index or the wrong kind. */
    private <E extends PoolEntry> E entry(VmThread t, int b, Class<E> kind) {
        ClassModel m = pool(t, b);
        int i = index(t, b, m);
        try {
            PoolEntry e = m.constantPool().entryByIndex(i);
            if (kind.isInstance(e)) {
                return kind.cast(e);
            }
        } catch (ConstantPoolException x) {
            // index 0, or the unusable slot after a long or double: HotSpot finds the wrong tag there
        }
        throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "Wrong type at constant pool index");
    }
}
