package dev.uffdgc.toyvm.classfile;

import java.lang.classfile.ClassModel;
import java.lang.reflect.AccessFlag;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A loaded and linked guest class (or array class): layout, dispatch tables and initialisation state. */
public final class VmClass {
    public enum InitState { LINKED, INITIALIZING, INITIALIZED, ERRONEOUS }

    public final int id;
    /** Internal name: java/lang/String, or a descriptor for arrays: [I, [Ljava/lang/String;. */
    public final String name;
    public final int accessFlags;
    public final ClassModel model;
    /**
     * The classfile API's models (a class's and its methods') parse lazily and are not thread-safe: whoever reads
     * one after linking (the decoder, the compiler tier, annotations, natives reading attributes) holds this lock.
     */
    public static final Object MODEL_LOCK = new Object();
    public VmClass superclass;
    public VmClass[] interfaces = new VmClass[0];
    /** Array classes: the component class and its element type and size; elemSize 0 otherwise. */
    public final VmClass component;
    public final char elemType;
    public final int elemSize;

    public int instanceSize;
    /** Byte offsets of the reference fields of an instance, superclasses' included. */
    public int[] refOffsets = new int[0];
    /**
     * WeakReference, PhantomReference and their subclasses: the offset of the referent, which a collector traces
     * weakly (seam {@code References}); -1 for every other class.
     */
    public int weakReferentOffset = -1;
    /**
     * SoftReference and its subclasses: the offset of the referent, traced strongly except in a collection that
     * clears soft references (the last one before an OutOfMemoryError, ToyVmBinding); -1 for every other class.
     */
    public int softReferentOffset = -1;
    public final Map<String, VmField> fields = new HashMap<>();
    public final Map<String, VmMethod> methods = new LinkedHashMap<>();
    public VmMethod[] vtable = new VmMethod[0];
    /** Superclass chain from Object to this class; depth = index of this class in it. */
    public VmClass[] superChain;
    public final Set<VmClass> allInterfaces = new HashSet<>();
    /** Interface method resolution cache: name+descriptor -> the method an instance of this class runs. */
    public final Map<String, VmMethod> dispatchCache = new java.util.concurrent.ConcurrentHashMap<>();
    public String sourceFile;

    public volatile InitState initState = InitState.LINKED;
    public Thread initThread;
    /** Global handle of the java.lang.Class mirror, or -1 until first asked for. */
    public volatile int mirrorHandle = -1;
    public VmClass arrayClass;
    /** Guest statics of this class: slots in the VM's static tables are in each VmField. */
    public boolean hasClinit;

    public VmClass(int id, String name, int accessFlags, ClassModel model, VmClass component, char elemType) {
        this.id = id;
        this.name = name;
        this.accessFlags = accessFlags;
        this.model = model;
        this.component = component;
        this.elemType = elemType;
        this.elemSize = elemType == 0 ? 0 : Descriptors.sizeOf(elemType);
    }

    public boolean isArray() {
        return elemType != 0;
    }

    public boolean isInterface() {
        return (accessFlags & AccessFlag.INTERFACE.mask()) != 0;
    }

    public boolean isAbstract() {
        return (accessFlags & AccessFlag.ABSTRACT.mask()) != 0;
    }

    public boolean isReferenceArray() {
        return elemType == 'L' || elemType == '[';
    }

    public int depth() {
        return superChain.length - 1;
    }

    /** The JVM's assignment compatibility (checkcast, instanceof, aastore). */
    public boolean isAssignableTo(VmClass target) {
        if (this == target) {
            return true;
        }
        if (target.isInterface()) {
            return allInterfaces.contains(target);
        }
        if (target.isArray()) {
            return isArray() && isReferenceArray() && target.isReferenceArray()
                    && component.isAssignableTo(target.component);
        }
        int d = target.depth();
        return d < superChain.length && superChain[d] == target;
    }

    /** Dotted binary name as Class.getName() gives it: java.lang.String, [I, [Ljava.lang.String;. */
    /**
     * The name Class.getName answers: dots for slashes, except a lambda's class, which keeps HotSpot's hidden-class
     * form {@code Owner$$Lambda/N} (so getSimpleName is {@code Owner$$Lambda/N} and isHidden true, as on HotSpot,
     * not "N" and false).
     */
    public String binaryName() {
        String b = name.replace('/', '.');
        int lambda = name.lastIndexOf(LAMBDA);
        return lambda < 0 ? b : b.substring(0, lambda + LAMBDA.length() - 1) + '/' + b.substring(lambda + LAMBDA.length());
    }

    /** What names a lambda's class (interp.Lambdas): the owner's internal name, this, a counter. */
    public static final String LAMBDA = "$$Lambda/";

    public VmField findField(String fieldName) {
        for (VmClass c = this; c != null; c = c.superclass) {
            VmField f = c.fields.get(fieldName);
            if (f != null) {
                return f;
            }
            for (VmClass i : c.interfaces) {
                VmField g = i.findField(fieldName);
                if (g != null) {
                    return g;
                }
            }
        }
        return null;
    }

    /** Method resolution (JVMS 5.4.3.3/4): this class and its superclasses, then superinterfaces. */
    public VmMethod findMethod(String key) {
        for (VmClass c = this; c != null; c = c.superclass) {
            VmMethod m = c.methods.get(key);
            if (m != null) {
                return m;
            }
        }
        return findInterfaceMethod(key);
    }

    /** The maximally specific non-abstract interface method, else any abstract one. */
    public VmMethod findInterfaceMethod(String key) {
        VmMethod found = null;
        for (VmClass i : allInterfaces) {
            VmMethod m = i.methods.get(key);
            if (m != null && !m.isStatic() && !m.isPrivate()) {
                if (found == null || (found.isAbstract() && !m.isAbstract())
                        || (!m.isAbstract() && m.owner.isAssignableTo(found.owner))) {
                    found = m;
                }
            }
        }
        if (found == null && isInterface()) {
            VmMethod m = methods.get(key);
            if (m != null) {
                return m;
            }
        }
        return found;
    }

    /** What an invokeinterface/invokevirtual of {@code key} on an instance of this class runs. */
    public VmMethod selectVirtual(String key) {
        VmMethod cached = dispatchCache.get(key);
        if (cached != null) {
            return cached;
        }
        VmMethod m = null;
        for (VmClass c = this; c != null && m == null; c = c.superclass) {
            VmMethod cand = c.methods.get(key);
            if (cand != null && !cand.isStatic() && !cand.isAbstract()) {
                m = cand;
            }
        }
        if (m == null) {
            m = findInterfaceMethod(key);
        }
        if (m != null) {
            dispatchCache.put(key, m);
        }
        return m;
    }

    public Map<String, VmMethod> declaredMethods() {
        return methods;
    }

    @Override
    public String toString() {
        return binaryName();
    }

    static Map<String, Integer> indexVtable(VmMethod[] vtable) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vtable.length; i++) {
            index.put(vtable[i].key(), i);
        }
        return index;
    }
}
