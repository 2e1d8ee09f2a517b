package dev.uffdgc.toyvm.classfile;

import static dev.uffdgc.toyvm.heap.ObjectLayout.HEADER_BYTES;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads classes with java.lang.classfile and links them: field layout, static slots, vtables. Class ids index
 * {@link #table()}; method ids index {@link #method(int)}.
 *
 * Thread safety: loading and defining are serialised on this registry (they never run guest code or
 * allocate in the guest heap, so holding the lock can't block a safepoint); lookups by name and id are
 * lock-free. A class is entered into the tables only after it is completely linked.
 */
public final class ClassRegistry {
    /** Gives natives (and overridden library methods) their host implementation as a method links. */
    public interface Binder {
        void bind(VmMethod m);
    }

    private final ClassPath path;
    private final Statics statics;
    private final Binder binder;
    /** Most classes a VM may define; the id table never grows, so lock-free readers never see a stale copy. */
    public static final int MAX_CLASSES = 1 << 16;
    /** Classes being defined or defined (under the lock); {@link #published} holds only completely linked ones. */
    private final Map<String, VmClass> byName = new HashMap<>();
    private final Map<String, VmClass> published = new ConcurrentHashMap<>();
    private final VmClass[] byId = new VmClass[MAX_CLASSES];
    private volatile int classCount = ObjectLayout.FILLER_CLASS_ID + 1;
    /**
     * Methods by id, grown by copying under the lock and published with a volatile write, so lock-free readers
     * (stack walks, which find a frame's method by the id its thread recorded) see every method whose class they
     * could have reached.
     */
    private volatile VmMethod[] methods = new VmMethod[1024];
    private int methodCount;
    /** Static fields with a ConstantValue attribute, applied when the class initialises. */
    public final Map<VmClass, Map<VmField, Object>> constantValues = new ConcurrentHashMap<>();

    private final ClassVerifier verifier;

    public ClassRegistry(ClassPath path, Statics statics, Binder binder) {
        this.path = path;
        this.statics = statics;
        this.binder = binder;
        this.verifier = new ClassVerifier(path);
    }

    /** The class table, indexed by class id (the header's first word). Re-read after loading: it grows. */
    public VmClass[] table() {
        return byId;
    }

    public int classCount() {
        return classCount;
    }

    public VmMethod method(int id) {
        return methods[id];
    }

    /** Gives {@code m} the next method id (under the lock). */
    private void number(VmMethod m) {
        VmMethod[] table = methods;
        if (methodCount == table.length) {
            table = Arrays.copyOf(table, methodCount * 2);
        }
        m.id = methodCount;
        table[methodCount++] = m;
        methods = table;
    }

    public ClassPath classPath() {
        return path;
    }

    public VmClass lookup(String name) {
        return published.get(name);
    }

    /** Loads and links {@code name} (internal form or array descriptor) and its supertypes. */
    public VmClass load(String name) {
        VmClass c = published.get(name);
        if (c != null) {
            return c;
        }
        return loadLocked(name);
    }

    private synchronized VmClass loadLocked(String name) {
        VmClass c = byName.get(name);
        if (c != null) {
            return c;
        }
        if (name.startsWith("[")) {
            return publish(loadArray(name));
        }
        byte[] bytes = path.find(name);
        if (bytes == null) {
            throw new LinkageException("java/lang/NoClassDefFoundError", name);
        }
        ClassModel model = parse(name, bytes);
        if (!ClassPath.isJdkPackage(name) && !path.isGuestlib(name)) {
            verifier.verify(name, model);
        }
        return publish(define(name, model));
    }

    /** The class file of {@code name}: a ClassFormatError if malformed, a NoClassDefFoundError if it is another class. */
    private static ClassModel parse(String name, byte[] bytes) {
        ClassModel model;
        try {
            model = ClassFile.of().parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new LinkageException("java/lang/ClassFormatError", name + ": malformed class file: " + e.getMessage(), e);
        }
        if (!model.thisClass().asInternalName().equals(name)) {
            throw new LinkageException("java/lang/NoClassDefFoundError",
                    name + " (wrong name: " + model.thisClass().asInternalName() + ")");
        }
        return model;
    }

    /**
     * A class from bytes the guest made (ClassLoader.defineClass0's job: java.lang.reflect.Proxy's generated
     * classes), verified like any class outside the JDK and guestlib.
     */
    public synchronized VmClass defineClass(String name, byte[] bytes) {
        if (byName.containsKey(name)) {
            throw new LinkageException("java/lang/LinkageError", "duplicate class definition: " + name);
        }
        ClassModel model = parse(name, bytes);
        verifier.defined(name, bytes);
        verifier.verify(name, model);
        return publish(define(name, model));
    }

    private VmClass publish(VmClass c) {
        published.put(c.name, c);
        return c;
    }

    private VmClass define(String name, ClassModel model) {
        VmClass sup = model.superclass().map(e -> load(e.asInternalName())).orElse(null);
        List<VmClass> ifaces = new ArrayList<>();
        for (ClassEntry e : model.interfaces()) {
            ifaces.add(load(e.asInternalName()));
        }
        VmClass c = new VmClass(nextId(), name, model.flags().flagsMask(), model, null, (char) 0);
        c.superclass = sup;
        c.interfaces = ifaces.toArray(VmClass[]::new);
        register(c);
        linkHierarchy(c);
        layoutFields(c, model);
        linkMethods(c, model);
        c.sourceFile = model.findAttribute(Attributes.sourceFile()).map(a -> a.sourceFile().stringValue()).orElse(null);
        return c;
    }

    private int nextId() {
        if (classCount == MAX_CLASSES) {
            throw new LinkageException("java/lang/OutOfMemoryError", "toyvm: more than " + MAX_CLASSES + " classes");
        }
        return classCount++;
    }

    private void register(VmClass c) {
        byId[c.id] = c;
        byName.put(c.name, c);
    }

    private static void linkHierarchy(VmClass c) {
        VmClass sup = c.superclass;
        if (sup == null) {
            c.superChain = new VmClass[] {c};
        } else {
            c.superChain = Arrays.copyOf(sup.superChain, sup.superChain.length + 1);
            c.superChain[c.superChain.length - 1] = c;
            c.allInterfaces.addAll(sup.allInterfaces);
        }
        for (VmClass i : c.interfaces) {
            c.allInterfaces.add(i);
            c.allInterfaces.addAll(i.allInterfaces);
        }
    }

    private void layoutFields(VmClass c, ClassModel model) {
        int end = c.superclass == null ? HEADER_BYTES : c.superclass.instanceSize;
        List<Integer> refs = new ArrayList<>();
        if (c.superclass != null) {
            for (int r : c.superclass.refOffsets) {
                refs.add(r);
            }
        }
        for (int size : new int[] {8, 4, 2, 1}) {
            for (FieldModel fm : model.fields()) {
                boolean isStatic = fm.flags().has(AccessFlag.STATIC);
                VmField f = new VmField(c, fm.fieldName().stringValue(), fm.fieldType().stringValue(), isStatic);
                if (f.size() != size) {
                    continue;
                }
                f.isVolatile = fm.flags().has(AccessFlag.VOLATILE);
                c.fields.put(f.name, f);
                if (isStatic) {
                    f.offset = f.isReference() ? statics.newRefSlot() : statics.newPrimSlot();
                    fm.findAttribute(Attributes.constantValue())
                            .ifPresent(cv -> constantValues.computeIfAbsent(c, k -> new HashMap<>())
                                    .put(f, cv.constant().constantValue()));
                } else {
                    end = (end + size - 1) & -size;
                    f.offset = end;
                    end += size;
                    if (f.isReference()) {
                        refs.add(f.offset);
                    }
                }
            }
        }
        c.instanceSize = (int) ObjectLayout.align(end);
        c.refOffsets = refs.stream().mapToInt(Integer::intValue).toArray();
        c.weakReferentOffset = c.name.equals("java/lang/ref/WeakReference") || c.name.equals("java/lang/ref/PhantomReference")
                ? c.superclass.findField("referent").offset
                : c.superclass == null ? -1 : c.superclass.weakReferentOffset;
        c.softReferentOffset = c.name.equals("java/lang/ref/SoftReference") ? c.superclass.findField("referent").offset
                : c.superclass == null ? -1 : c.superclass.softReferentOffset;
    }

    private void linkMethods(VmClass c, ClassModel model) {
        List<VmMethod> vtable = new ArrayList<>(c.superclass == null ? List.of() : Arrays.asList(c.superclass.vtable));
        Map<String, Integer> index = VmClass.indexVtable(vtable.toArray(VmMethod[]::new));
        for (MethodModel mm : model.methods()) {
            VmMethod m = new VmMethod(c, mm.methodName().stringValue(), mm.methodType().stringValue(),
                    mm.flags().flagsMask(), mm);
            number(m);
            c.methods.put(m.key(), m);
            if (m.name.equals("<clinit>")) {
                c.hasClinit = true;
            }
            if (!c.isInterface() && m.isVirtual()) {
                Integer slot = index.get(m.key());
                if (slot == null) {
                    slot = vtable.size();
                    vtable.add(m);
                    index.put(m.key(), slot);
                } else {
                    vtable.set(slot, m);
                }
                m.vtableIndex = slot;
            }
            binder.bind(m);
        }
        c.vtable = vtable.toArray(VmMethod[]::new);
    }

    /**
     * A class made by the VM itself (a lambda's class): the given supertypes, instance fields of the given
     * descriptors (named f0, f1...), and no bytecode; the caller adds intrinsic methods with {@link #addMethod}.
     */
    public synchronized VmClass defineSynthetic(String name, VmClass superclass, VmClass[] interfaces, String[] fieldDescriptors) {
        int flags = AccessFlag.PUBLIC.mask() | AccessFlag.FINAL.mask() | AccessFlag.SYNTHETIC.mask();
        VmClass c = new VmClass(nextId(), name, flags, null, null, (char) 0);
        c.superclass = superclass;
        c.interfaces = interfaces;
        register(c);
        linkHierarchy(c);
        int end = superclass.instanceSize;
        List<Integer> refs = new ArrayList<>();
        for (int i = 0; i < fieldDescriptors.length; i++) {
            VmField f = new VmField(c, "f" + i, fieldDescriptors[i], false);
            int size = f.size();
            end = (end + size - 1) & -size;
            f.offset = end;
            end += size;
            if (f.isReference()) {
                refs.add(f.offset);
            }
            c.fields.put(f.name, f);
        }
        c.instanceSize = (int) ObjectLayout.align(end);
        c.refOffsets = refs.stream().mapToInt(Integer::intValue).toArray();
        c.vtable = superclass.vtable;
        c.initState = VmClass.InitState.INITIALIZED;
        return publish(c);
    }

    /** Adds a method without bytecode (its intrinsic is set by the caller) to a synthetic class. */
    public synchronized VmMethod addMethod(VmClass c, String name, String descriptor) {
        VmMethod m = new VmMethod(c, name, descriptor, AccessFlag.PUBLIC.mask(), null);
        number(m);
        c.methods.put(m.key(), m);
        return m;
    }

    private VmClass loadArray(String name) {
        String comp = name.substring(1);
        char t = comp.charAt(0);
        VmClass component = null;
        if (t == 'L') {
            component = load(comp.substring(1, comp.length() - 1));
        } else if (t == '[') {
            component = load(comp);
        } else if ("IJFDBZCS".indexOf(t) < 0 || comp.length() != 1) {
            throw new LinkageException("java/lang/NoClassDefFoundError", name);
        }
        VmClass object = load("java/lang/Object");
        int flags = AccessFlag.PUBLIC.mask() | AccessFlag.FINAL.mask() | AccessFlag.ABSTRACT.mask();
        VmClass a = new VmClass(nextId(), name, flags, null, component, t);
        a.superclass = object;
        a.interfaces = new VmClass[] {load("java/lang/Cloneable"), load("java/io/Serializable")};
        register(a);
        linkHierarchy(a);
        a.vtable = object.vtable;
        a.instanceSize = ObjectLayout.ARRAY_BASE_OFFSET;
        a.initState = VmClass.InitState.INITIALIZED;
        if (component != null) {
            component.arrayClass = a;
        }
        return a;
    }

    /** The pseudo-class of a primitive type ("int", "void"...): only a mirror for Integer.TYPE and friends. */
    public synchronized VmClass primitive(String name) {
        VmClass c = byName.get(name);
        if (c == null) {
            int flags = AccessFlag.PUBLIC.mask() | AccessFlag.FINAL.mask() | AccessFlag.ABSTRACT.mask();
            c = new VmClass(nextId(), name, flags, null, null, (char) 0);
            register(c);
            c.superChain = new VmClass[] {c};
            c.initState = VmClass.InitState.INITIALIZED;
            publish(c);
        }
        return c;
    }

    /** The array class whose elements are {@code c}. */
    public VmClass arrayOf(VmClass c) {
        VmClass a = c.arrayClass;
        if (a == null) {
            a = load(c.isArray() ? "[" + c.name : "[L" + c.name + ";");
        }
        return a;
    }
}
