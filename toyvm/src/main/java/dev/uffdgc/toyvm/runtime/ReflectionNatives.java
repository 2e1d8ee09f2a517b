package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.Barrier;
import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.Descriptors;
import dev.uffdgc.toyvm.classfile.LinkageException;
import dev.uffdgc.toyvm.classfile.RawAnnotations;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmField;
import dev.uffdgc.toyvm.classfile.VmMethod;
import dev.uffdgc.toyvm.interp.Adapt;
import dev.uffdgc.toyvm.thread.GuestException;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.classfile.Attributes;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Core reflection, the Espresso way: the JDK's own java.lang.reflect.Method/Constructor/Field objects (built by
 * calling their package-private constructors, slot = toyvm's method id or field index), with the VM supplying
 * what HotSpot's natives and method-handle accessors do: Class.forName, the declared members of a class, and
 * Method.invoke, Constructor.newInstance, Field.get/set (host intrinsics in place of the JDK's accessor
 * machinery, which needs java.lang.invoke), Reflection.getCallerClass, setAccessible.
 */
final class ReflectionNatives {
    private static final int CLASS_MODIFIERS = 0x0001 | 0x0010 | 0x0200 | 0x0400 | 0x1000 | 0x2000 | 0x4000;
    private static final String PRIMS = "IJDFZCBS";

    private final Vm vm;
    /** Field "slots": index into this list (HotSpot uses the field's index in its class; any unique int works). */
    private final List<VmField> fieldSlots = new ArrayList<>();

    private ReflectionNatives(Vm vm) {
        this.vm = vm;
    }

    static void register(Vm vm, Intrinsics r) {
        ReflectionNatives n = new ReflectionNatives(vm);
        String k = "java/lang/Class";
        r.add(k, "forName0(Ljava/lang/String;Z)Ljava/lang/Class;", n::forName);
        r.add(k, "getModifiers()I", (t, b) -> t.prims[b] = modifiers(n.self(t, b)));
        r.add(k, "getInterfaces()[Ljava/lang/Class;", (t, b) -> {
            VmClass c = n.self(t, b);
            VmClass[] is = c.isArray() ? new VmClass[] {vm.classes.load("java/lang/Cloneable"),
                    vm.classes.load("java/io/Serializable")} : c.interfaces;
            t.sp = b + 1;
            t.refs[b] = classArray(vm, t, List.of(is));
        });
        r.add(k, "declaredMethods0()[Ljava/lang/reflect/Method;", (t, b) -> n.declaredMethods(t, b, false));
        r.add(k, "declaredConstructors0()[Ljava/lang/reflect/Constructor;", (t, b) -> n.declaredMethods(t, b, true));
        r.add(k, "declaredFields0()[Ljava/lang/reflect/Field;", n::declaredFields);
        // Atomic*FieldUpdater: the Field's offset in toyvm's layout, which Unsafe's accessors take (UnsafeNatives).
        r.add("jdk/internal/misc/Unsafe", "objectFieldOffset0(Ljava/lang/reflect/Field;)J", (t, b) -> {
            VmField f = n.fieldOf(t.refs[b + 1]);
            if (f.isStatic) {
                throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "toyvm: static field offsets: " + f);
            }
            t.prims[b] = f.offset;
        });
        // A static's base is its class's mirror (as in HotSpot), its offset the slot in the VM's static tables,
        // tagged so that UnsafeNatives routes the access there (ForkJoinPool's poolIds counter).
        r.add("jdk/internal/misc/Unsafe", "staticFieldBase0(Ljava/lang/reflect/Field;)Ljava/lang/Object;", (t, b) -> {
            VmField f = n.staticFieldOf(t, t.refs[b + 1]);
            t.refs[b] = vm.mirrors.mirror(t, f.owner);
        });
        r.add("jdk/internal/misc/Unsafe", "staticFieldOffset0(Ljava/lang/reflect/Field;)J",
                (t, b) -> t.prims[b] = UnsafeNatives.STATIC_SLOT | n.staticFieldOf(t, t.refs[b + 1]).offset);
        // One class loader (Class.getClassLoader answers null, as for the boot loader); the system loader is the
        // guestlib's ClassPathLoader.app(), that loader as an object (the JDK's would build ClassLoaders and
        // URLClassPath over java.io.File): ClassLoader.getSystemResource, getBundle(name, locale, systemLoader),
        // and ForkJoinPool's workers of a non-common pool take it as their context loader.
        r.add("java/lang/ClassLoader", "registerNatives()V", (t, b) -> { });
        r.add("java/lang/ClassLoader", "getSystemClassLoader()Ljava/lang/ClassLoader;", (t, b) -> {
            VmClass c = vm.classes.load("jdk/internal/loader/ClassPathLoader");
            vm.init.initialize(t, c);
            t.sp = b;
            vm.interp.call(t, c.methods.get("app()Ljava/lang/ClassLoader;"));
        });
        r.add("java/lang/LangAccess", "defineClass0(Ljava/lang/String;[B)Ljava/lang/Class;", (t, b) -> {
            String name = vm.strings.toHost(t.refs[b]);
            long array = ObjectLayout.offset(t.refs[b + 1]);
            byte[] bytes = new byte[vm.mem.getInt(array + ARRAY_LENGTH_OFFSET)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = vm.mem.getByte(array + ARRAY_BASE_OFFSET + i);
            }
            try {
                t.refs[b] = vm.mirrors.mirror(t, vm.classes.defineClass(name, bytes));
            } catch (LinkageException e) {
                throw vm.throwing.raise(t, e.guestClass, e.getMessage());
            }
        });
        // The VM's side of Module (HotSpot's module graph, which its access checks read): toyvm checks no module
        // access, so there is nothing to record.
        String mod = "java/lang/Module";
        r.add(mod, "defineModule0(Ljava/lang/Module;ZLjava/lang/String;Ljava/lang/String;[Ljava/lang/Object;)V",
                (t, b) -> { });
        r.add(mod, "addReads0(Ljava/lang/Module;Ljava/lang/Module;)V", (t, b) -> { });
        r.add(mod, "addExports0(Ljava/lang/Module;Ljava/lang/String;Ljava/lang/Module;)V", (t, b) -> { });
        r.add(mod, "addExportsToAll0(Ljava/lang/Module;Ljava/lang/String;)V", (t, b) -> { });
        r.add(mod, "addExportsToAllUnnamed0(Ljava/lang/Module;Ljava/lang/String;)V", (t, b) -> { });
        // The platform loader is the guestlib's ClassPathLoader: the one loader as an object, which
        // ResourceBundle.Control loads a program's bundles through (classes report a null loader, so it asks the
        // platform loader), and ObjectInputStream's default when no user-defined loader is on the stack.
        r.add("java/lang/ClassLoader", "getPlatformClassLoader()Ljava/lang/ClassLoader;", (t, b) -> {
            VmClass c = vm.classes.load("jdk/internal/loader/ClassPathLoader");
            vm.init.initialize(t, c);
            t.sp = b;
            vm.interp.call(t, c.methods.get("platform()Ljava/lang/ClassLoader;"));
        });
        r.add(k, "resource0(Ljava/lang/String;)[B", (t, b) -> {
            byte[] bytes = vm.classes.classPath().findResource(vm.strings.toHost(t.refs[b]));
            t.refs[b] = bytes == null ? 0 : TextNatives.byteArray(vm, t, bytes);
        });
        r.add("jdk/internal/reflect/Reflection", "getCallerClass()Ljava/lang/Class;", (t, b) -> {
            // The frame at depth called getCallerClass (a @CallerSensitive method); its caller is one below.
            int d = t.depth - 1;
            t.refs[b] = d < 1 ? 0 : vm.mirrors.mirror(t, vm.classes.method(t.frameMethodIds[d]).owner);
        });
        r.add("jdk/internal/reflect/Reflection", "getClassAccessFlags(Ljava/lang/Class;)I",
                (t, b) -> t.prims[b] = vm.mirrors.classOfMirror(t.refs[b]).accessFlags);
        for (String ao : List.of("java/lang/reflect/AccessibleObject", "java/lang/reflect/Method",
                "java/lang/reflect/Constructor", "java/lang/reflect/Field")) {
            // No module or access checks in toyvm (it has no modules): setAccessible just sets the flag.
            r.add(ao, "setAccessible(Z)V", (t, b) -> vm.mem.putByte(ObjectLayout.offset(t.refs[b])
                    + vm.classes.load("java/lang/reflect/AccessibleObject").findField("override").offset,
                    (byte) t.prims[b + 1]));
        }
        r.add("java/lang/reflect/Method", "invoke(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;",
                (t, b) -> n.invoke(t, b, false));
        r.add("java/lang/reflect/Constructor", "newInstance([Ljava/lang/Object;)Ljava/lang/Object;",
                (t, b) -> n.invoke(t, b, true));
        // Type annotations of a member, read when asked (HotSpot's JVM_GetMethodTypeAnnotations/JVM_GetFieldTypeAnnotations).
        r.add("java/lang/reflect/Executable", "getTypeAnnotationBytes0()[B", (t, b) -> t.refs[b] =
                AnnotationNatives.byteArrayOrNull(vm, t, RawAnnotations.typeAnnotations(n.executable(t.refs[b]).model)));
        r.add("java/lang/reflect/Executable", "getParameters0()[Ljava/lang/reflect/Parameter;", n::parameters);
        r.add("java/lang/reflect/Field", "getTypeAnnotationBytes0()[B", (t, b) -> {
            VmField vf = n.fieldOf(t.refs[b]);
            t.refs[b] = AnnotationNatives.byteArrayOrNull(vm, t, vf.owner.model.fields().stream()
                    .filter(fm -> fm.fieldName().equalsString(vf.name)).findFirst().map(RawAnnotations::typeAnnotations).orElse(null));
        });
        String f = "java/lang/reflect/Field";
        r.add(f, "get(Ljava/lang/Object;)Ljava/lang/Object;", (t, b) -> n.getField(t, b, 'L'));
        r.add(f, "set(Ljava/lang/Object;Ljava/lang/Object;)V", (t, b) -> n.setField(t, b, 'L'));
        for (char p : PRIMS.toCharArray()) {
            String prim = CoreNatives.primitiveName(p);
            String name = Character.toUpperCase(prim.charAt(0)) + prim.substring(1);
            r.add(f, "get" + name + "(Ljava/lang/Object;)" + p, (t, b) -> n.getField(t, b, p));
            r.add(f, "set" + name + "(Ljava/lang/Object;" + p + ")V", (t, b) -> n.setField(t, b, p));
        }
    }

    private VmClass self(VmThread t, int b) {
        return vm.mirrors.classOfMirror(t.refs[b]);
    }

    private static int modifiers(VmClass c) {
        if (c.isArray()) {
            return (c.component == null ? 0x0001 : modifiers(c.component) & 0x0007) | 0x0010 | 0x0400;
        }
        if (c.model == null) {
            return c.name.indexOf('/') < 0 ? 0x0001 | 0x0010 | 0x0400 : c.accessFlags & CLASS_MODIFIERS;
        }
        // A nested class's own flags (private, static, protected) are in its InnerClasses entry.
        var inner = c.model.findAttribute(Attributes.innerClasses());
        if (inner.isPresent()) {
            for (var ic : inner.get().classes()) {
                if (ic.innerClass().asInternalName().equals(c.name)) {
                    return ic.flagsMask() & ~0x0020;
                }
            }
        }
        return c.accessFlags & CLASS_MODIFIERS & ~0x0020;
    }

    private void forName(VmThread t, int b) {
        String name = vm.strings.toHost(t.refs[b]);
        boolean init = t.prims[b + 1] != 0;
        VmClass c = null;
        if (name != null && !name.contains("/") && !name.isEmpty()) {
            String internal = name.replace('.', '/');
            if (internal.startsWith("[") && !internal.endsWith(";") && internal.contains("L")) {
                internal = null; // "[Ljava.lang.String" without ';': not a class name
            }
            try {
                c = internal == null || (internal.indexOf('/') < 0 && isPrimitiveName(internal)) ? null
                        : vm.classes.load(internal);
            } catch (LinkageException e) {
                if (!e.guestClass.equals("java/lang/NoClassDefFoundError")) {
                    throw vm.throwing.raise(t, e.guestClass, e.getMessage());
                }
            }
        }
        if (c == null) {
            throw vm.throwing.raise(t, "java/lang/ClassNotFoundException", name);
        }
        if (init) {
            vm.init.initialize(t, c);
        }
        t.refs[b] = vm.mirrors.mirror(t, c);
    }

    private static boolean isPrimitiveName(String n) {
        return List.of("int", "long", "double", "float", "boolean", "char", "byte", "short", "void").contains(n);
    }

    /** A guest Class[] of the given classes, built on the thread's stack (a root) and returned. May collect. */
    static int classArray(Vm vm, VmThread t, List<VmClass> classes) {
        int slot = t.sp;
        t.pushRef(vm.alloc.array(t, vm.classes.load("[Ljava/lang/Class;"), classes.size()));
        for (int i = 0; i < classes.size(); i++) {
            int m = vm.mirrors.mirror(t, classes.get(i));
            vm.mem.putInt(ObjectLayout.offset(t.refs[slot]) + ARRAY_BASE_OFFSET + 4L * i, m);
        }
        t.sp = slot;
        return t.refs[slot];
    }

    private VmClass typeClass(String descriptor) {
        char c = descriptor.charAt(0);
        if (c == 'L') {
            return vm.classes.load(descriptor.substring(1, descriptor.length() - 1));
        }
        if (c == '[') {
            return vm.classes.load(descriptor);
        }
        return vm.classes.primitive(CoreNatives.primitiveName(c));
    }

    private void declaredMethods(VmThread t, int b, boolean constructors) {
        VmClass c = self(t, b);
        List<VmMethod> ms = new ArrayList<>();
        if (c.model != null && !c.isArray()) {
            for (MethodModel mm : c.model.methods()) {
                String n = mm.methodName().stringValue();
                if (constructors == n.equals("<init>") && !n.equals("<clinit>")) {
                    VmMethod m = c.methods.get(n + mm.methodType().stringValue());
                    if (m != null) {
                        ms.add(m);
                    }
                }
            }
        }
        String type = constructors ? "java/lang/reflect/Constructor" : "java/lang/reflect/Method";
        VmClass rc = vm.classes.load(type);
        vm.init.initialize(t, rc);
        t.sp = b + 1;
        int arr = t.sp;
        t.pushRef(vm.alloc.array(t, vm.classes.load("[L" + type + ";"), ms.size()));
        for (int i = 0; i < ms.size(); i++) {
            VmMethod m = ms.get(i);
            int obj = t.sp;
            t.pushRef(vm.alloc.instance(t, rc));
            t.pushRef(t.refs[obj]);
            t.pushRef(vm.mirrors.mirror(t, c));
            if (!constructors) {
                t.pushRef(vm.strings.intern(t, m.name));
            }
            List<VmClass> params = new ArrayList<>();
            for (String p : Descriptors.parameterDescriptors(m.descriptor)) {
                params.add(typeClass(p));
            }
            t.pushRef(classArray(vm, t, params));
            if (!constructors) {
                t.pushRef(vm.mirrors.mirror(t, typeClass(Descriptors.returnDescriptor(m.descriptor))));
            }
            List<VmClass> exceptions = new ArrayList<>();
            m.model.findAttribute(Attributes.exceptions()).ifPresent(ex -> {
                for (ClassEntry e : ex.exceptions()) {
                    exceptions.add(vm.classes.load(e.asInternalName()));
                }
            });
            t.pushRef(classArray(vm, t, exceptions));
            t.pushInt(m.accessFlags & 0x1dff);
            t.pushInt(m.id);
            t.pushRef(signature(t, m.model));
            t.pushRef(AnnotationNatives.byteArrayOrNull(vm, t, RawAnnotations.annotations(m.model)));
            t.pushRef(AnnotationNatives.byteArrayOrNull(vm, t, RawAnnotations.parameterAnnotations(m.model)));
            if (!constructors) {
                t.pushRef(AnnotationNatives.byteArrayOrNull(vm, t, RawAnnotations.annotationDefault(m.model)));
            }
            vm.interp.call(t, rc.methods.get(constructors
                    ? "<init>(Ljava/lang/Class;[Ljava/lang/Class;[Ljava/lang/Class;IILjava/lang/String;[B[B)V"
                    : "<init>(Ljava/lang/Class;Ljava/lang/String;[Ljava/lang/Class;Ljava/lang/Class;[Ljava/lang/Class;IILjava/lang/String;[B[B[B)V"));
            vm.mem.putInt(ObjectLayout.offset(t.refs[arr]) + ARRAY_BASE_OFFSET + 4L * i, t.refs[obj]);
            t.sp = obj;
        }
        t.refs[b] = t.refs[arr];
    }

    private void declaredFields(VmThread t, int b) {
        VmClass c = self(t, b);
        List<FieldModel> fs = c.model == null || c.isArray() ? List.of() : c.model.fields();
        VmClass rc = vm.classes.load("java/lang/reflect/Field");
        vm.init.initialize(t, rc);
        t.sp = b + 1;
        int arr = t.sp;
        t.pushRef(vm.alloc.array(t, vm.classes.load("[Ljava/lang/reflect/Field;"), fs.size()));
        for (int i = 0; i < fs.size(); i++) {
            FieldModel fm = fs.get(i);
            VmField vf = c.fields.get(fm.fieldName().stringValue());
            int slot;
            synchronized (fieldSlots) {
                slot = fieldSlots.indexOf(vf);
                if (slot < 0) {
                    slot = fieldSlots.size();
                    fieldSlots.add(vf);
                }
            }
            int obj = t.sp;
            t.pushRef(vm.alloc.instance(t, rc));
            t.pushRef(t.refs[obj]);
            t.pushRef(vm.mirrors.mirror(t, c));
            t.pushRef(vm.strings.intern(t, vf.name));
            t.pushRef(vm.mirrors.mirror(t, typeClass(vf.descriptor)));
            int flags = fm.flags().flagsMask();
            t.pushInt(flags & 0x50df); // HotSpot's JVM_RECOGNIZED_FIELD_MODIFIERS: ENUM too (Field.isEnumConstant)
            t.pushInt((flags & 0x0010) != 0 && (flags & 0x0008) != 0 ? 1 : 0); // trusted final: static finals
            t.pushInt(slot);
            t.pushRef(signature(t, fm));
            t.pushRef(AnnotationNatives.byteArrayOrNull(vm, t, RawAnnotations.annotations(fm)));
            vm.interp.call(t, rc.methods.get(
                    "<init>(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;IZILjava/lang/String;[B)V"));
            vm.mem.putInt(ObjectLayout.offset(t.refs[arr]) + ARRAY_BASE_OFFSET + 4L * i, t.refs[obj]);
            t.sp = obj;
        }
        t.refs[b] = t.refs[arr];
    }

    /** The generic signature (Signature attribute) of a field or method as a new guest String, or 0. May collect. */
    private int signature(VmThread t, java.lang.classfile.AttributedElement e) {
        return e.findAttribute(Attributes.signature()).map(s -> vm.strings.newString(t, s.signature().stringValue())).orElse(0);
    }

    /** The method behind a Method or Constructor object. */
    private VmMethod executable(int obj) {
        String owner = vm.classOf(obj).isAssignableTo(vm.classes.load("java/lang/reflect/Method"))
                ? "java/lang/reflect/Method" : "java/lang/reflect/Constructor";
        return vm.classes.method(intField(obj, owner, "slot"));
    }

    /**
     * HotSpot's JVM_GetMethodParameters: Parameter objects from the MethodParameters attribute (javac -parameters),
     * or null without one, and the JDK names them arg0, arg1...
     */
    private void parameters(VmThread t, int b) {
        var attr = executable(t.refs[b]).model.findAttribute(Attributes.methodParameters());
        if (attr.isEmpty()) {
            t.refs[b] = 0;
            return;
        }
        var params = attr.get().parameters();
        VmClass pc = vm.classes.load("java/lang/reflect/Parameter");
        vm.init.initialize(t, pc);
        t.sp = b + 1;
        int arr = t.sp;
        t.pushRef(vm.alloc.array(t, vm.classes.load("[Ljava/lang/reflect/Parameter;"), params.size()));
        for (int i = 0; i < params.size(); i++) {
            var p = params.get(i);
            int obj = t.sp;
            t.pushRef(vm.alloc.instance(t, pc));
            t.pushRef(t.refs[obj]);
            t.pushRef(p.name().map(u -> vm.strings.newString(t, u.stringValue())).orElse(0));
            t.pushInt(p.flagsMask());
            t.pushRef(t.refs[b]);
            t.pushInt(i);
            vm.interp.call(t, pc.methods.get("<init>(Ljava/lang/String;ILjava/lang/reflect/Executable;I)V"));
            Barrier.putRef(vm.mem, ObjectLayout.offset(t.refs[arr]) + ARRAY_BASE_OFFSET + 4L * i, t.refs[obj]);
            t.sp = obj;
        }
        t.refs[b] = t.refs[arr];
    }

    private int intField(int obj, String owner, String name) {
        return vm.mem.getInt(ObjectLayout.offset(obj) + vm.classes.load(owner).findField(name).offset);
    }

    /**
     * Method.invoke(receiver, args) / Constructor.newInstance(args): unboxes (with widening) the arguments,
     * dispatches virtually for an instance method, calls, boxes the result; an exception thrown by the callee
     * becomes the cause of an InvocationTargetException, as on HotSpot.
     */
    private void invoke(VmThread t, int b, boolean constructor) {
        String owner = constructor ? "java/lang/reflect/Constructor" : "java/lang/reflect/Method";
        VmMethod m = vm.classes.method(intField(t.refs[b], owner, "slot"));
        int argsSlot = constructor ? b + 1 : b + 2;
        t.sp = constructor ? b + 2 : b + 3;
        String[] params = Descriptors.parameterDescriptors(m.descriptor);
        int args = t.refs[argsSlot];
        int n = args == 0 ? 0 : vm.mem.getInt(ObjectLayout.offset(args) + ARRAY_LENGTH_OFFSET);
        if (n != params.length) {
            throw vm.throwing.raise(t, "java/lang/IllegalArgumentException",
                    "wrong number of arguments: " + n + " expected: " + params.length);
        }
        // A constructor makes an instance of its declaring class, which is the method's owner except for
        // serialization constructors (SerializationNatives): there a superclass's constructor runs on it.
        VmClass made = constructor ? vm.mirrors.classOfMirror(intField(t.refs[b], owner, "clazz")) : m.owner;
        if (constructor && made.isAbstract()) {
            throw vm.throwing.raise(t, "java/lang/InstantiationException", null);
        }
        vm.init.initialize(t, made);
        VmMethod target = m;
        int callBase = t.sp;
        if (constructor) {
            int obj = vm.alloc.instance(t, made);
            t.pushRef(obj);
            t.pushRef(obj);
        } else if (!m.isStatic()) {
            int recv = t.refs[b + 1];
            if (recv == 0) {
                throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
            }
            VmClass rc = vm.classOf(recv);
            if (!rc.isAssignableTo(m.owner)) {
                throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "object is not an instance of declaring class");
            }
            if (!m.isPrivate()) {
                VmMethod sel = rc.selectVirtual(m.key());
                target = sel != null ? sel : m;
            }
            t.pushRef(recv);
        }
        for (int i = 0; i < params.length; i++) {
            int arg = vm.mem.getInt(ObjectLayout.offset(t.refs[argsSlot]) + ARRAY_BASE_OFFSET + 4L * i);
            pushArg(t, arg, params[i]);
        }
        if (target.isAbstract()) {
            throw vm.throwing.raise(t, "java/lang/AbstractMethodError", target.toString());
        }
        try {
            vm.interp.call(t, target);
        } catch (GuestException e) {
            int cause = t.pendingException;
            t.pendingException = 0;
            throw t.throwGuest(vm.throwing.wrap(t, "java/lang/reflect/InvocationTargetException", cause));
        }
        char ret = Descriptors.returnType(m.descriptor);
        if (constructor || ret == 'L' || ret == '[') {
            t.refs[b] = t.refs[callBase];
        } else if (ret == 'V') {
            t.refs[b] = 0;
        } else {
            long bits = t.prims[callBase];
            t.sp = callBase;
            t.refs[b] = Adapt.box(vm, t, bits, ret);
        }
    }

    /** Pushes a reflective argument for a parameter of the given descriptor: unboxing and widening primitives. */
    private void pushArg(VmThread t, int arg, String param) {
        char p = param.charAt(0);
        if (p == 'L' || p == '[') {
            if (arg != 0 && !vm.classOf(arg).isAssignableTo(typeClass(param))) {
                throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "argument type mismatch");
            }
            t.pushRef(arg);
            return;
        }
        long bits = unbox(vm, t, arg, p);
        if (p == 'J' || p == 'D') {
            t.pushLong(bits);
        } else {
            t.pushInt((int) bits);
        }
    }

    /** The raw bits of a box's value converted to primitive {@code to} (JLS 5.1.2 widening), or IAE. */
    static long unbox(Vm vm, VmThread t, int box, char to) {
        char from = box == 0 ? 0 : Adapt.primOfBox(vm.classOf(box).name);
        if (from == 0 || !Adapt.widens(from, to)) {
            throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", box == 0 ? null : "argument type mismatch");
        }
        long addr = ObjectLayout.offset(box) + vm.classOf(box).findField("value").offset;
        return Adapt.widen(ArrayNatives.load(vm, addr, from), from, to);
    }


    private VmField fieldOf(int field) {
        synchronized (fieldSlots) {
            return fieldSlots.get(intField(field, "java/lang/reflect/Field", "slot"));
        }
    }

    private VmField staticFieldOf(VmThread t, int field) {
        VmField f = fieldOf(field);
        if (!f.isStatic) {
            throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "not a static field: " + f);
        }
        return f;
    }

    /** The field's address for receiver slot b+1 (static: its slot in the statics), after the checks HotSpot makes. */
    private VmField field(VmThread t, int b) {
        VmField f = fieldOf(t.refs[b]);
        if (f.isStatic) {
            vm.init.initialize(t, f.owner);
        } else {
            int recv = t.refs[b + 1];
            if (recv == 0) {
                throw vm.throwing.raise(t, "java/lang/NullPointerException", "Cannot invoke \"Object.getClass()\" because \"obj\" is null");
            }
            if (!vm.classOf(recv).isAssignableTo(f.owner)) {
                throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "Can not get " + f + " on "
                        + vm.classOf(recv).binaryName());
            }
        }
        return f;
    }

    private long primAddr(VmThread t, int b, VmField f) {
        return f.isStatic ? -1 : ObjectLayout.offset(t.refs[b + 1]) + (long) f.offset;
    }

    private long readPrim(VmThread t, int b, VmField f) {
        char type = f.type();
        if (f.isStatic) {
            return vm.statics.prims[f.offset];
        }
        return ArrayNatives.load(vm, primAddr(t, b, f), type);
    }

    private void getField(VmThread t, int b, char want) {
        VmField f = field(t, b);
        char type = f.type();
        if (f.isReference()) {
            if (want != 'L') {
                throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "field " + f + " is not primitive");
            }
            t.refs[b] = f.isStatic ? vm.statics.refs[f.offset] : vm.mem.getInt(ObjectLayout.offset(t.refs[b + 1]) + f.offset);
            return;
        }
        long bits = readPrim(t, b, f);
        if (want == 'L') {
            t.sp = b + 2;
            t.refs[b] = Adapt.box(vm, t, bits, type);
            return;
        }
        if (!Adapt.widens(type, want)) {
            throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "Attempt to get " + CoreNatives.primitiveName(type)
                    + " field \"" + f + "\" with illegal data type conversion to " + CoreNatives.primitiveName(want));
        }
        long v = Adapt.widen(bits, type, want);
        t.refs[b] = 0;
        t.prims[b] = v;
    }

    private void setField(VmThread t, int b, char given) {
        VmField f = field(t, b);
        boolean override = vm.mem.getByte(ObjectLayout.offset(t.refs[b])
                + vm.classes.load("java/lang/reflect/AccessibleObject").findField("override").offset) != 0;
        int mods = intField(t.refs[b], "java/lang/reflect/Field", "modifiers");
        if ((mods & 0x0010) != 0 && (f.isStatic || !override)) {
            throw vm.throwing.raise(t, "java/lang/IllegalAccessException", "Can not set final " + f);
        }
        char type = f.type();
        int valueSlot = b + 2;
        if (f.isReference()) {
            int v = t.refs[valueSlot];
            if (given != 'L' || (v != 0 && !vm.classOf(v).isAssignableTo(typeClass(f.descriptor)))) {
                throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "Can not set " + f + " to "
                        + (v == 0 ? "null" : vm.classOf(v).binaryName()));
            }
            if (f.isStatic) {
                vm.statics.refs[f.offset] = v;
            } else {
                dev.uffdgc.toyvm.heap.Barrier.putRef(vm.mem, ObjectLayout.offset(t.refs[b + 1]) + (long) f.offset, v);
            }
            return;
        }
        long bits;
        if (given == 'L') {
            bits = unbox(vm, t, t.refs[valueSlot], type);
        } else {
            if (!Adapt.widens(given, type)) {
                throw vm.throwing.raise(t, "java/lang/IllegalArgumentException", "Can not set " + CoreNatives.primitiveName(type)
                        + " field " + f + " to (" + CoreNatives.primitiveName(given) + ")");
            }
            bits = Adapt.widen(t.prims[valueSlot], given, type);
        }
        if (f.isStatic) {
            vm.statics.prims[f.offset] = bits;
            return;
        }
        ArrayNatives.store(vm, primAddr(t, b, f), type, bits);
    }
}
