package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.RawAnnotations;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.heap.Barrier;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassModel;
import java.lang.classfile.attribute.InnerClassInfo;
import java.lang.classfile.constantpool.ClassEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The natives through which the JDK's Class reads a class's own class-file attributes in HotSpot (InnerClasses,
 * EnclosingMethod, NestHost/NestMembers, PermittedSubclasses, Record, Signature; annotations: AnnotationNatives),
 * answered from toyvm's class model, and the class-path locations behind getResource/getProtectionDomain. The
 * guestlib Class builds the JDK's answers from them with the JDK's own code.
 */
final class ClassAttributeNatives {
    private final Vm vm;

    private ClassAttributeNatives(Vm vm) {
        this.vm = vm;
    }

    static void register(Vm vm, Intrinsics r) {
        ClassAttributeNatives n = new ClassAttributeNatives(vm);
        String k = "java/lang/Class";
        r.add(k, "getDeclaringClass0()Ljava/lang/Class;", (t, b) -> n.returnClass(t, b, n.ownEntry(n.self(t, b))
                .flatMap(InnerClassInfo::outerClass).map(ClassEntry::asInternalName).orElse(null)));
        r.add(k, "getSimpleBinaryName0()Ljava/lang/String;", (t, b) -> n.returnString(t, b, n.ownEntry(n.self(t, b))
                .flatMap(InnerClassInfo::innerName).map(u -> u.stringValue()).orElse(null)));
        r.add(k, "getDeclaredClasses0()[Ljava/lang/Class;", (t, b) -> {
            VmClass c = n.self(t, b);
            List<String> names = new ArrayList<>();
            n.attribute(c, Attributes.innerClasses()).ifPresent(a -> a.classes().forEach(ic -> {
                if (ic.outerClass().map(o -> o.asInternalName().equals(c.name)).orElse(false)
                        && !ic.innerClass().asInternalName().equals(c.name)) {
                    names.add(ic.innerClass().asInternalName());
                }
            }));
            n.returnClasses(t, b, names);
        });
        r.add(k, "getEnclosingMethod0()[Ljava/lang/Object;", n::enclosingMethod);
        r.add(k, "getNestHost0()Ljava/lang/Class;", (t, b) -> {
            VmClass c = n.self(t, b);
            n.returnClass(t, b, n.attribute(c, Attributes.nestHost()).map(a -> a.nestHost().asInternalName()).orElse(c.name));
        });
        r.add(k, "getNestMembers0()[Ljava/lang/Class;", (t, b) -> {
            // As HotSpot: the host first, then the members its NestMembers attribute lists.
            VmClass c = n.self(t, b);
            VmClass host = vm.classes.load(n.attribute(c, Attributes.nestHost())
                    .map(a -> a.nestHost().asInternalName()).orElse(c.name));
            List<String> names = new ArrayList<>(List.of(host.name));
            n.attribute(host, Attributes.nestMembers())
                    .ifPresent(a -> a.nestMembers().forEach(m -> names.add(m.asInternalName())));
            n.returnClasses(t, b, names);
        });
        r.add(k, "getPermittedSubclasses0()[Ljava/lang/Class;", (t, b) -> {
            var permitted = n.attribute(n.self(t, b), Attributes.permittedSubclasses());
            if (permitted.isEmpty()) {
                t.refs[b] = 0;
                return;
            }
            n.returnClasses(t, b, permitted.get().permittedSubclasses().stream().map(ClassEntry::asInternalName).toList());
        });
        r.add(k, "recordComponents0()[Ljava/lang/String;", (t, b) -> {
            List<String> raw = new ArrayList<>();
            n.attribute(n.self(t, b), Attributes.record()).ifPresent(a -> a.components().forEach(rc -> {
                raw.add(rc.name().stringValue());
                raw.add(rc.descriptor().stringValue());
                raw.add(rc.findAttribute(Attributes.signature()).map(s -> s.signature().stringValue()).orElse(null));
            }));
            t.refs[b] = vm.strings.newStringArray(t, raw.toArray(new String[0]));
        });
        r.add(k, "newRecordComponent(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/reflect/Method;"
                + "Ljava/lang/String;)Ljava/lang/reflect/RecordComponent;", n::newRecordComponent);
        r.add(k, "getGenericSignature0()Ljava/lang/String;", (t, b) -> n.returnString(t, b,
                n.attribute(n.self(t, b), Attributes.signature()).map(s -> s.signature().stringValue()).orElse(null)));
        r.add(k, "getClassAccessFlagsRaw0()I", (t, b) -> t.prims[b] = n.self(t, b).accessFlags);
        r.add(k, "resourceUrl0(Ljava/lang/String;)Ljava/lang/String;", (t, b) ->
                n.returnString(t, b, vm.classes.classPath().resourceUrl(vm.strings.toHost(t.refs[b]))));
        r.add(k, "codeSourceUrl0()Ljava/lang/String;", (t, b) ->
                n.returnString(t, b, vm.classes.classPath().codeSource(n.self(t, b).name)));
    }

    private VmClass self(VmThread t, int b) {
        return vm.mirrors.classOfMirror(t.refs[b]);
    }

    private <A extends java.lang.classfile.Attribute<A>> Optional<A> attribute(VmClass c,
            java.lang.classfile.AttributeMapper<A> kind) {
        ClassModel m = c.isArray() ? null : c.model;
        return m == null ? Optional.empty() : m.findAttribute(kind);
    }

    /** This class's own entry in its InnerClasses attribute (a nested, local or anonymous class has one). */
    private Optional<InnerClassInfo> ownEntry(VmClass c) {
        return attribute(c, Attributes.innerClasses()).flatMap(a -> a.classes().stream()
                .filter(ic -> ic.innerClass().asInternalName().equals(c.name)).findFirst());
    }

    private void returnClass(VmThread t, int b, String internalName) {
        t.refs[b] = internalName == null ? 0 : vm.mirrors.mirror(t, vm.classes.load(internalName));
    }

    private void returnString(VmThread t, int b, String s) {
        t.refs[b] = s == null ? 0 : vm.strings.newString(t, s);
    }

    /** A guest Class[] of the named classes (loaded first: loading allocates no guest object). May collect. */
    private void returnClasses(VmThread t, int b, List<String> internalNames) {
        List<VmClass> classes = new ArrayList<>();
        for (String name : internalNames) {
            classes.add(vm.classes.load(name));
        }
        t.sp = b + 1;
        t.refs[b] = ReflectionNatives.classArray(vm, t, classes);
    }

    /** HotSpot's [enclosing class, method name, method descriptor] (names null outside a method), or null. */
    private void enclosingMethod(VmThread t, int b) {
        var em = attribute(self(t, b), Attributes.enclosingMethod());
        if (em.isEmpty()) {
            t.refs[b] = 0;
            return;
        }
        VmClass enclosing = vm.classes.load(em.get().enclosingClass().asInternalName());
        String name = em.get().enclosingMethodName().map(u -> u.stringValue()).orElse(null);
        String type = em.get().enclosingMethodType().map(u -> u.stringValue()).orElse(null);
        t.sp = b + 1;
        int arr = t.sp;
        t.pushRef(vm.alloc.array(t, vm.classes.load("[Ljava/lang/Object;"), 3));
        int mirror = vm.mirrors.mirror(t, enclosing);
        Barrier.putRef(vm.mem, ObjectLayout.offset(t.refs[arr]) + ARRAY_BASE_OFFSET, mirror);
        if (name != null) {
            int s = vm.strings.newString(t, name);
            Barrier.putRef(vm.mem, ObjectLayout.offset(t.refs[arr]) + ARRAY_BASE_OFFSET + 4, s);
            s = vm.strings.newString(t, type);
            Barrier.putRef(vm.mem, ObjectLayout.offset(t.refs[arr]) + ARRAY_BASE_OFFSET + 8, s);
        }
        t.refs[b] = t.refs[arr];
        t.sp = arr;
    }

    /** A RecordComponent with HotSpot's fields set (it has no constructor that sets them). */
    private void newRecordComponent(VmThread t, int b) {
        VmClass rc = vm.classes.load("java/lang/reflect/RecordComponent");
        vm.init.initialize(t, rc);
        t.sp = b + 5;
        int obj = t.sp;
        t.pushRef(vm.alloc.instance(t, rc));
        String[] fields = {"clazz", "name", "type", "accessor", "signature"};
        for (int i = 0; i < fields.length; i++) {
            Barrier.putRef(vm.mem, ObjectLayout.offset(t.refs[obj]) + (long) rc.findField(fields[i]).offset, t.refs[b + i]);
        }
        // Its annotations, as HotSpot fills them: the component's own RuntimeVisible(Type)Annotations bytes.
        String name = vm.strings.toHost(t.refs[b + 1]);
        var component = attribute(vm.mirrors.classOfMirror(t.refs[b]), Attributes.record()).flatMap(a -> a.components()
                .stream().filter(c -> c.name().equalsString(name)).findFirst());
        if (component.isPresent()) {
            int bytes = AnnotationNatives.byteArrayOrNull(vm, t, RawAnnotations.annotations(component.get()));
            Barrier.putRef(vm.mem, ObjectLayout.offset(t.refs[obj]) + (long) rc.findField("annotations").offset, bytes);
            bytes = AnnotationNatives.byteArrayOrNull(vm, t, RawAnnotations.typeAnnotations(component.get()));
            Barrier.putRef(vm.mem, ObjectLayout.offset(t.refs[obj]) + (long) rc.findField("typeAnnotations").offset, bytes);
        }
        t.refs[b] = t.refs[obj];
        t.sp = obj;
    }
}
