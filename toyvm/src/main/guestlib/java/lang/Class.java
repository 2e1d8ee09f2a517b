package java.lang;

/**
 * toyvm guest library: a class mirror; vmClassId indexes the VM's class table. What the JDK's Class asks of
 * HotSpot's natives from class-file attributes (InnerClasses, EnclosingMethod, NestHost/NestMembers,
 * PermittedSubclasses, Record, Signature, RuntimeVisibleAnnotations) the VM answers from the class model
 * (runtime/ClassAttributeNatives); the rest is the JDK's own code, as in its Class.
 */
public final class Class<T> implements java.io.Serializable, java.lang.reflect.GenericDeclaration,
        java.lang.reflect.Type, java.lang.reflect.AnnotatedElement,
        java.lang.invoke.TypeDescriptor.OfField<Class<?>>, java.lang.constant.Constable {
    /** The JDK's, so that serialized instances are compatible with HotSpot's (default: a hash of this class's shape). */
    private static final long serialVersionUID = 3206093459760846163L;
    private int vmClassId;
    private transient volatile sun.reflect.generics.repository.ClassRepository genericInfo;
    /** The JDK's ClassValue keeps its per-class map here (ObjectStreamClass's lookup cache is a ClassValue). */
    transient ClassValue.ClassValueMap classValueMap;

    private Class() {
    }

    public native String getName();

    public native String getSimpleName();

    public native boolean isInterface();

    public native boolean isArray();

    public native boolean isPrimitive();

    static native Class<?> getPrimitiveClass(String name);

    public native boolean isInstance(Object obj);

    public native boolean isAssignableFrom(Class<?> cls);

    public native Class<? super T> getSuperclass();

    public native Class<?> getComponentType();

    public native boolean isEnum();

    public native boolean isRecord();

    /** The enum's constants (a fresh array from values()), or null if this is not an enum class. */
    native T[] enumConstants();

    public T[] getEnumConstants() {
        return enumConstants();
    }

    public String getTypeName() {
        if (isArray()) {
            Class<?> c = this;
            int dimensions = 0;
            do {
                dimensions++;
                c = c.getComponentType();
            } while (c.isArray());
            return c.getName() + "[]".repeat(dimensions);
        }
        return getName();
    }

    /** The launcher's -ea/-da/-esa/-dsa switches for this class (toyvm's Assertions). */
    public native boolean desiredAssertionStatus();

    @SuppressWarnings("unchecked")
    public T cast(Object obj) {
        if (obj != null && !isInstance(obj)) {
            throw new ClassCastException("Cannot cast " + obj.getClass().getName() + " to " + getName());
        }
        return (T) obj;
    }

    /**
     * As the JDK's: an array's is its element type's, a primitive's "java.lang", and the name is interned —
     * VerifyAccess.isSamePackage compares package names with ==, so without it MethodHandles.Lookup.findClass of
     * a package-private class failed ("access violation", Caffeine's cache factories).
     */
    public String getPackageName() {
        Class<?> c = this;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive()) {
            return "java.lang";
        }
        String n = c.getName();
        int i = n.lastIndexOf('.');
        return i < 0 ? "" : n.substring(0, i).intern();
    }

    public String toString() {
        return (isInterface() ? "interface " : isPrimitive() ? "" : "class ") + getName();
    }

    // Core reflection: the JDK's java.lang.reflect objects, made and run by the VM (runtime/ReflectionNatives).

    private static native Class<?> forName0(String name, boolean initialize) throws ClassNotFoundException;

    /** As the JDK's, @CallerSensitive: a StackWalker frame of it says so (a class initialiser it runs sees it). */
    @jdk.internal.reflect.CallerSensitive
    public static Class<?> forName(String className) throws ClassNotFoundException {
        return forName0(className, true);
    }

    public static Class<?> forName(String name, boolean initialize, ClassLoader loader) throws ClassNotFoundException {
        return forName0(name, initialize);
    }

    public static Class<?> forName(Module module, String name) {
        try {
            return forName0(name, false);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    public static Class<?> forPrimitiveName(String primitiveName) {
        return switch (primitiveName) {
            case "int", "long", "double", "float", "boolean", "char", "byte", "short", "void" ->
                    getPrimitiveClass(primitiveName);
            default -> null;
        };
    }

    /**
     * toyvm has no module system: every class is in the one unnamed module of the boot loader, so access checks
     * between modules (Reflection.verifyModuleAccess, reached by an Atomic*FieldUpdater on another class's field)
     * find the same module on both sides.
     */
    public Module getModule() {
        return UnnamedModule.INSTANCE;
    }

    private static final class UnnamedModule {
        static final Module INSTANCE = new Module(null);
    }

    /** toyvm has one class loader and no ClassLoader objects: like the boot loader, this answers null. */
    public ClassLoader getClassLoader() {
        return null;
    }

    public native int getModifiers();

    public native Class<?>[] getInterfaces();

    private native java.lang.reflect.Method[] declaredMethods0();

    private native java.lang.reflect.Constructor<T>[] declaredConstructors0();

    private native java.lang.reflect.Field[] declaredFields0();

    private static native byte[] resource0(String absoluteName);

    public java.lang.reflect.Method[] getDeclaredMethods() {
        return declaredMethods0();
    }

    public java.lang.reflect.Constructor<?>[] getDeclaredConstructors() {
        return declaredConstructors0();
    }

    public java.lang.reflect.Field[] getDeclaredFields() {
        return declaredFields0();
    }

    public java.lang.reflect.Constructor<?>[] getConstructors() {
        java.util.List<java.lang.reflect.Constructor<?>> out = new java.util.ArrayList<>();
        for (java.lang.reflect.Constructor<?> c : declaredConstructors0()) {
            if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
                out.add(c);
            }
        }
        return out.toArray(new java.lang.reflect.Constructor<?>[0]);
    }

    /** Public methods of this class, its superclasses and superinterfaces; an override hides what it overrides. */
    public java.lang.reflect.Method[] getMethods() {
        java.util.Map<String, java.lang.reflect.Method> found = new java.util.LinkedHashMap<>();
        collectPublicMethods(this, found);
        return found.values().toArray(new java.lang.reflect.Method[0]);
    }

    private static void collectPublicMethods(Class<?> c, java.util.Map<String, java.lang.reflect.Method> found) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (java.lang.reflect.Method m : k.declaredMethods0()) {
                if (java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
                    found.putIfAbsent(m.getName() + java.util.Arrays.toString(m.getParameterTypes()), m);
                }
            }
            for (Class<?> i : k.getInterfaces()) {
                collectPublicMethods(i, found);
            }
        }
    }

    public java.lang.reflect.Field[] getFields() {
        java.util.List<java.lang.reflect.Field> out = new java.util.ArrayList<>();
        for (Class<?> k = this; k != null; k = k.getSuperclass()) {
            for (java.lang.reflect.Field f : k.declaredFields0()) {
                if (java.lang.reflect.Modifier.isPublic(f.getModifiers())) {
                    out.add(f);
                }
            }
            for (Class<?> i : k.getInterfaces()) {
                for (java.lang.reflect.Field f : i.getFields()) {
                    out.add(f);
                }
            }
        }
        return out.toArray(new java.lang.reflect.Field[0]);
    }

    private java.lang.reflect.Method findMethod(java.lang.reflect.Method[] ms, String name, Class<?>[] types)
            throws NoSuchMethodException {
        java.lang.reflect.Method best = null;
        for (java.lang.reflect.Method m : ms) {
            if (m.getName().equals(name) && java.util.Arrays.equals(m.getParameterTypes(), types == null ? new Class<?>[0] : types)
                    && (best == null || best.getReturnType().isAssignableFrom(m.getReturnType()))) {
                best = m;
            }
        }
        if (best == null) {
            throw new NoSuchMethodException(getName() + "." + name + argumentTypesToString(types));
        }
        return best;
    }

    private static String argumentTypesToString(Class<?>[] argTypes) {
        StringBuilder buf = new StringBuilder("(");
        if (argTypes != null) {
            for (int i = 0; i < argTypes.length; i++) {
                if (i > 0) {
                    buf.append(", ");
                }
                buf.append(argTypes[i] == null ? "null" : argTypes[i].getName());
            }
        }
        return buf.append(")").toString();
    }

    public java.lang.reflect.Method getMethod(String name, Class<?>... parameterTypes) throws NoSuchMethodException {
        return findMethod(getMethods(), name, parameterTypes);
    }

    public java.lang.reflect.Method getDeclaredMethod(String name, Class<?>... parameterTypes) throws NoSuchMethodException {
        return findMethod(declaredMethods0(), name, parameterTypes);
    }

    @SuppressWarnings("unchecked")
    private java.lang.reflect.Constructor<T> findConstructor(boolean publicOnly, Class<?>[] types) throws NoSuchMethodException {
        for (java.lang.reflect.Constructor<T> c : declaredConstructors0()) {
            if ((!publicOnly || java.lang.reflect.Modifier.isPublic(c.getModifiers()))
                    && java.util.Arrays.equals(c.getParameterTypes(), types == null ? new Class<?>[0] : types)) {
                return c;
            }
        }
        throw new NoSuchMethodException(getName() + ".<init>" + argumentTypesToString(types));
    }

    public java.lang.reflect.Constructor<T> getConstructor(Class<?>... parameterTypes) throws NoSuchMethodException {
        return findConstructor(true, parameterTypes);
    }

    public java.lang.reflect.Constructor<T> getDeclaredConstructor(Class<?>... parameterTypes) throws NoSuchMethodException {
        return findConstructor(false, parameterTypes);
    }

    public java.lang.reflect.Field getDeclaredField(String name) throws NoSuchFieldException {
        for (java.lang.reflect.Field f : declaredFields0()) {
            if (f.getName().equals(name)) {
                return f;
            }
        }
        throw new NoSuchFieldException(name);
    }

    public java.lang.reflect.Field getField(String name) throws NoSuchFieldException {
        for (java.lang.reflect.Field f : getFields()) {
            if (f.getName().equals(name)) {
                return f;
            }
        }
        throw new NoSuchFieldException(name);
    }

    @Deprecated(since = "9")
    @jdk.internal.reflect.CallerSensitive
    public T newInstance() throws InstantiationException, IllegalAccessException {
        try {
            return getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw (InstantiationException) new InstantiationException(getName()).initCause(e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** A resource of the class path, named relative to this class's package unless it starts with '/'. */
    @jdk.internal.reflect.CallerSensitive
    public java.io.InputStream getResourceAsStream(String name) {
        byte[] b = resource0(resolveName(name));
        return b == null ? null : new java.io.ByteArrayInputStream(b);
    }

    @SuppressWarnings("unchecked")
    public <U> Class<? extends U> asSubclass(Class<U> clazz) {
        if (clazz.isAssignableFrom(this)) {
            return (Class<? extends U>) this;
        }
        throw new ClassCastException(this.toString());
    }

    public Class<?> componentType() {
        return isArray() ? getComponentType() : null;
    }

    public Class<?> arrayType() {
        return java.lang.reflect.Array.newInstance(this, 0).getClass();
    }

    public String descriptorString() {
        if (isPrimitive()) {
            return switch (getName()) {
                case "int" -> "I";
                case "long" -> "J";
                case "double" -> "D";
                case "float" -> "F";
                case "boolean" -> "Z";
                case "char" -> "C";
                case "byte" -> "B";
                case "short" -> "S";
                default -> "V";
            };
        }
        if (isArray()) {
            return "[" + getComponentType().descriptorString();
        }
        return "L" + getName().replace('.', '/') + ";";
    }

    public boolean isAnnotation() {
        return (getModifiers() & 0x2000) != 0;
    }

    public boolean isSynthetic() {
        return (getModifiers() & 0x1000) != 0;
    }

    /** The only hidden classes toyvm makes are lambdas' (Owner$$Lambda/N): the one kind of name with a slash. */
    public boolean isHidden() {
        return getName().indexOf('/') >= 0;
    }

    // Nesting (InnerClasses, EnclosingMethod), as the JDK's Class computes it from HotSpot's natives.

    private native Class<?> getDeclaringClass0();

    private native Object[] getEnclosingMethod0();

    private native String getSimpleBinaryName0();

    private native Class<?>[] getDeclaredClasses0();

    public Class<?> getDeclaringClass() {
        return getDeclaringClass0();
    }

    public Class<?> getEnclosingClass() {
        Object[] info = getEnclosingMethod0();
        return info == null ? getDeclaringClass0() : (Class<?>) info[0];
    }

    private boolean isLocalOrAnonymousClass() {
        return !isArray() && getEnclosingMethod0() != null;
    }

    public boolean isAnonymousClass() {
        return !isArray() && isLocalOrAnonymousClass() && getSimpleBinaryName0() == null;
    }

    public boolean isLocalClass() {
        return isLocalOrAnonymousClass() && (isArray() || getSimpleBinaryName0() != null);
    }

    public boolean isMemberClass() {
        return !isLocalOrAnonymousClass() && getDeclaringClass0() != null;
    }

    public String getCanonicalName() {
        if (isArray()) {
            String c = getComponentType().getCanonicalName();
            return c == null ? null : c + "[]";
        }
        if (isLocalOrAnonymousClass()) {
            return null;
        }
        Class<?> enclosing = getEnclosingClass();
        if (enclosing == null) {
            return getName();
        }
        String e = enclosing.getCanonicalName();
        return e == null ? null : e + "." + getSimpleName();
    }

    public Class<?>[] getDeclaredClasses() {
        return getDeclaredClasses0();
    }

    public Class<?>[] getClasses() {
        java.util.List<Class<?>> list = new java.util.ArrayList<>();
        for (Class<?> c = this; c != null; c = c.getSuperclass()) {
            for (Class<?> m : c.getDeclaredClasses()) {
                if (java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
                    list.add(m);
                }
            }
        }
        return list.toArray(new Class<?>[0]);
    }

    /** The enclosing method or constructor named by the EnclosingMethod attribute (JDK: getEnclosingMethodInfo). */
    private java.lang.reflect.Executable enclosingExecutable(boolean constructor) {
        Object[] info = getEnclosingMethod0();
        if (info == null || info[1] == null || "<clinit>".equals(info[1]) || "<init>".equals(info[1]) != constructor) {
            return null;
        }
        // The descriptor parsed by the JDK's own generics parser, as its Class does (no java.lang.invoke needed).
        sun.reflect.generics.repository.MethodRepository type = sun.reflect.generics.repository.MethodRepository.make(
                (String) info[2], sun.reflect.generics.factory.CoreReflectionFactory.make(this,
                        sun.reflect.generics.scope.ClassScope.make(this)));
        java.lang.reflect.Type[] params = type.getParameterTypes();
        Class<?>[] paramClasses = new Class<?>[params.length];
        for (int i = 0; i < params.length; i++) {
            paramClasses[i] = toClass(params[i]);
        }
        Class<?> returnType = toClass(type.getReturnType());
        Class<?> enclosing = (Class<?>) info[0];
        java.lang.reflect.Executable[] candidates = constructor ? enclosing.getDeclaredConstructors()
                : enclosing.getDeclaredMethods();
        for (java.lang.reflect.Executable e : candidates) {
            if ((constructor || e.getName().equals(info[1])) && java.util.Arrays.equals(e.getParameterTypes(), paramClasses)
                    && (constructor || ((java.lang.reflect.Method) e).getReturnType() == returnType)) {
                return e;
            }
        }
        throw new InternalError("Enclosing " + (constructor ? "constructor" : "method") + " not found");
    }

    private static Class<?> toClass(java.lang.reflect.Type o) {
        if (o instanceof java.lang.reflect.GenericArrayType gat) {
            return toClass(gat.getGenericComponentType()).arrayType();
        }
        return (Class<?>) o;
    }

    public java.lang.reflect.Method getEnclosingMethod() {
        return (java.lang.reflect.Method) enclosingExecutable(false);
    }

    public java.lang.reflect.Constructor<?> getEnclosingConstructor() {
        return (java.lang.reflect.Constructor<?>) enclosingExecutable(true);
    }

    // Nests and sealing (NestHost, NestMembers, PermittedSubclasses).

    private native Class<?> getNestHost0();

    private native Class<?>[] getNestMembers0();

    private native Class<?>[] getPermittedSubclasses0();

    public Class<?> getNestHost() {
        return isPrimitive() || isArray() ? this : getNestHost0();
    }

    public boolean isNestmateOf(Class<?> c) {
        if (this == c) {
            return true;
        }
        if (isPrimitive() || isArray() || c.isPrimitive() || c.isArray()) {
            return false;
        }
        return getNestHost() == c.getNestHost();
    }

    public Class<?>[] getNestMembers() {
        return isPrimitive() || isArray() ? new Class<?>[] {this} : getNestMembers0();
    }

    public Class<?>[] getPermittedSubclasses() {
        Class<?>[] subClasses;
        if (isArray() || isPrimitive() || (subClasses = getPermittedSubclasses0()) == null) {
            return null;
        }
        java.util.List<Class<?>> direct = new java.util.ArrayList<>();
        for (Class<?> c : subClasses) {
            if (isDirectSubType(c)) {
                direct.add(c);
            }
        }
        return direct.toArray(new Class<?>[0]);
    }

    private boolean isDirectSubType(Class<?> c) {
        if (isInterface()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i == this) {
                    return true;
                }
            }
            return false;
        }
        return c.getSuperclass() == this;
    }

    public boolean isSealed() {
        return !isArray() && !isPrimitive() && getPermittedSubclasses() != null;
    }

    // Records: the components from the Record attribute, made as HotSpot makes them (fields set by the VM).

    /** name, descriptor, signature (or null) of each component, in order (three entries each). */
    private native String[] recordComponents0();

    private static native java.lang.reflect.RecordComponent newRecordComponent(Class<?> declaring, String name,
            Class<?> type, java.lang.reflect.Method accessor, String signature);

    public java.lang.reflect.RecordComponent[] getRecordComponents() {
        if (!isRecord()) {
            return null;
        }
        String[] raw = recordComponents0();
        java.lang.reflect.RecordComponent[] out = new java.lang.reflect.RecordComponent[raw.length / 3];
        for (int i = 0; i < out.length; i++) {
            String name = raw[3 * i];
            java.lang.reflect.Method accessor = null;
            for (java.lang.reflect.Method m : declaredMethods0()) {
                if (m.getName().equals(name) && m.getParameterCount() == 0) {
                    accessor = m; // a record always has its accessor (JLS 8.10.3), of the component's type
                }
            }
            out[i] = newRecordComponent(this, name, accessor.getReturnType(), accessor, raw[3 * i + 2]);
        }
        return out;
    }

    // Generics: the Signature attribute, parsed by the JDK's own sun.reflect.generics, as in its Class.

    private native String getGenericSignature0();

    private sun.reflect.generics.repository.ClassRepository getGenericInfo() {
        sun.reflect.generics.repository.ClassRepository info = genericInfo;
        if (info == null) {
            String signature = getGenericSignature0();
            info = signature == null ? sun.reflect.generics.repository.ClassRepository.NONE
                    : sun.reflect.generics.repository.ClassRepository.make(signature,
                            sun.reflect.generics.factory.CoreReflectionFactory.make(this,
                                    sun.reflect.generics.scope.ClassScope.make(this)));
            genericInfo = info;
        }
        return info != sun.reflect.generics.repository.ClassRepository.NONE ? info : null;
    }

    @SuppressWarnings("unchecked")
    public java.lang.reflect.TypeVariable<Class<T>>[] getTypeParameters() {
        sun.reflect.generics.repository.ClassRepository info = getGenericInfo();
        return info != null ? (java.lang.reflect.TypeVariable<Class<T>>[]) info.getTypeParameters()
                : (java.lang.reflect.TypeVariable<Class<T>>[]) new java.lang.reflect.TypeVariable<?>[0];
    }

    public java.lang.reflect.Type getGenericSuperclass() {
        sun.reflect.generics.repository.ClassRepository info = getGenericInfo();
        if (info == null) {
            return getSuperclass();
        }
        return isInterface() ? null : info.getSuperclass();
    }

    public java.lang.reflect.Type[] getGenericInterfaces() {
        sun.reflect.generics.repository.ClassRepository info = getGenericInfo();
        return info == null ? getInterfaces() : info.getSuperInterfaces();
    }

    public String toGenericString() {
        if (isPrimitive()) {
            return toString();
        }
        StringBuilder sb = new StringBuilder();
        Class<?> component = this;
        int arrayDepth = 0;
        if (isArray()) {
            do {
                arrayDepth++;
                component = component.getComponentType();
            } while (component.isArray());
            sb.append(component.getName());
        } else {
            int modifiers = getModifiers() & java.lang.reflect.Modifier.classModifiers();
            if (modifiers != 0) {
                sb.append(java.lang.reflect.Modifier.toString(modifiers)).append(' ');
            }
            if (!java.lang.reflect.Modifier.isFinal(modifiers)) {
                if (isSealed()) {
                    sb.append("sealed ");
                } else if (hasSealedAncestor()) {
                    sb.append("non-sealed ");
                }
            }
            if (isAnnotation()) {
                sb.append('@');
            }
            sb.append(isInterface() ? "interface" : isEnum() ? "enum" : isRecord() ? "record" : "class");
            sb.append(' ').append(getName());
        }
        java.lang.reflect.TypeVariable<?>[] typeparms = component.getTypeParameters();
        if (typeparms.length > 0) {
            java.util.StringJoiner j = new java.util.StringJoiner(",", "<", ">");
            for (java.lang.reflect.TypeVariable<?> v : typeparms) {
                j.add(typeVarBounds(v));
            }
            sb.append(j);
        }
        return sb.append("[]".repeat(arrayDepth)).toString();
    }

    private boolean hasSealedAncestor() {
        Class<?> superclass = getSuperclass();
        if (superclass != null && superclass.isSealed()) {
            return true;
        }
        for (Class<?> i : getInterfaces()) {
            if (i.isSealed()) {
                return true;
            }
        }
        return false;
    }

    static String typeVarBounds(java.lang.reflect.TypeVariable<?> typeVar) {
        java.lang.reflect.Type[] bounds = typeVar.getBounds();
        if (bounds.length == 1 && bounds[0].equals(Object.class)) {
            return typeVar.getName();
        }
        java.util.StringJoiner j = new java.util.StringJoiner(" & ");
        for (java.lang.reflect.Type b : bounds) {
            j.add(b.getTypeName());
        }
        return typeVar.getName() + " extends " + j;
    }

    public java.util.Set<java.lang.reflect.AccessFlag> accessFlags() {
        boolean inner = isMemberClass() || isLocalClass() || isAnonymousClass() || isArray();
        return java.lang.reflect.AccessFlag.maskToAccessFlags(inner ? getModifiers() : getClassAccessFlagsRaw0(),
                inner ? java.lang.reflect.AccessFlag.Location.INNER_CLASS : java.lang.reflect.AccessFlag.Location.CLASS);
    }

    private native int getClassAccessFlagsRaw0();

    public java.util.Optional<java.lang.constant.ClassDesc> describeConstable() {
        Class<?> c = this;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return c.isHidden() ? java.util.Optional.empty()
                : java.util.Optional.of(java.lang.constant.ClassDesc.ofDescriptor(descriptorString()));
    }

    // Annotations, as the JDK's Class has them: the JDK's AnnotationParser over this class's raw
    // RuntimeVisibleAnnotations bytes and its constant pool (VM natives, runtime/AnnotationNatives); instances are
    // the JDK's AnnotationInvocationHandler proxies. Parsed once per class and kept (no class redefinition here).

    native byte[] getRawAnnotations();

    native byte[] getRawTypeAnnotations();

    native jdk.internal.reflect.ConstantPool getConstantPool();

    static byte[] getExecutableTypeAnnotationBytes(java.lang.reflect.Executable ex) {
        return jdk.internal.reflect.ReflectionFactory.getReflectionFactory().getExecutableTypeAnnotationBytes(ex);
    }

    private static final class AnnotationData {
        final java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> annotations;
        final java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> declaredAnnotations;

        AnnotationData(java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> annotations,
                java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> declaredAnnotations) {
            this.annotations = annotations;
            this.declaredAnnotations = declaredAnnotations;
        }
    }

    private transient volatile AnnotationData annotationData;

    /** Annotation interfaces cache their parsed form here (sun.reflect.annotation.AnnotationType.getInstance). */
    private transient volatile sun.reflect.annotation.AnnotationType annotationType;

    /** The CAS of the JDK's Class.Atomic: a holder, so that Class itself gets no class initialiser (see Packages). */
    private static final class Atomic {
        static final jdk.internal.misc.Unsafe U = jdk.internal.misc.Unsafe.getUnsafe();
        static final long ANNOTATION_DATA = U.objectFieldOffset(Class.class, "annotationData");
        static final long ANNOTATION_TYPE = U.objectFieldOffset(Class.class, "annotationType");
    }

    private AnnotationData annotationData() {
        AnnotationData data = annotationData;
        if (data != null) {
            return data;
        }
        data = createAnnotationData();
        // Another thread may have been quicker: everybody gets the one installed first.
        return Atomic.U.compareAndSetReference(this, Atomic.ANNOTATION_DATA, null, data) ? data : annotationData;
    }

    private AnnotationData createAnnotationData() {
        java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> declared =
                sun.reflect.annotation.AnnotationParser.parseAnnotations(getRawAnnotations(), getConstantPool(), this);
        Class<?> superClass = getSuperclass();
        java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> annotations = null;
        if (superClass != null) {
            java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> inherited =
                    superClass.annotationData().annotations;
            for (java.util.Map.Entry<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> e
                    : inherited.entrySet()) {
                if (sun.reflect.annotation.AnnotationType.getInstance(e.getKey()).isInherited()) {
                    if (annotations == null) {
                        annotations = java.util.LinkedHashMap.newLinkedHashMap(Math.max(declared.size(),
                                Math.min(12, declared.size() + inherited.size())));
                    }
                    annotations.put(e.getKey(), e.getValue());
                }
            }
        }
        if (annotations == null) {
            annotations = declared;
        } else {
            annotations.putAll(declared);
        }
        return new AnnotationData(annotations, declared);
    }

    boolean casAnnotationType(sun.reflect.annotation.AnnotationType oldType, sun.reflect.annotation.AnnotationType newType) {
        return Atomic.U.compareAndSetReference(this, Atomic.ANNOTATION_TYPE, oldType, newType);
    }

    sun.reflect.annotation.AnnotationType getAnnotationType() {
        return annotationType;
    }

    java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> getDeclaredAnnotationMap() {
        return annotationData().declaredAnnotations;
    }

    @Override
    public boolean isAnnotationPresent(Class<? extends java.lang.annotation.Annotation> annotationClass) {
        return getAnnotation(annotationClass) != null;
    }

    @SuppressWarnings("unchecked")
    public <A extends java.lang.annotation.Annotation> A getAnnotation(Class<A> annotationClass) {
        java.util.Objects.requireNonNull(annotationClass);
        return (A) annotationData().annotations.get(annotationClass);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends java.lang.annotation.Annotation> A getDeclaredAnnotation(Class<A> annotationClass) {
        java.util.Objects.requireNonNull(annotationClass);
        return (A) annotationData().declaredAnnotations.get(annotationClass);
    }

    public java.lang.annotation.Annotation[] getAnnotations() {
        return sun.reflect.annotation.AnnotationParser.toArray(annotationData().annotations);
    }

    public java.lang.annotation.Annotation[] getDeclaredAnnotations() {
        return sun.reflect.annotation.AnnotationParser.toArray(annotationData().declaredAnnotations);
    }

    @Override
    public <A extends java.lang.annotation.Annotation> A[] getAnnotationsByType(Class<A> annotationClass) {
        java.util.Objects.requireNonNull(annotationClass);
        return sun.reflect.annotation.AnnotationSupport.getAssociatedAnnotations(annotationData().declaredAnnotations,
                this, annotationClass);
    }

    @Override
    public <A extends java.lang.annotation.Annotation> A[] getDeclaredAnnotationsByType(Class<A> annotationClass) {
        java.util.Objects.requireNonNull(annotationClass);
        return sun.reflect.annotation.AnnotationSupport.getDirectlyAndIndirectlyPresent(annotationData().declaredAnnotations,
                annotationClass);
    }

    public java.lang.reflect.AnnotatedType getAnnotatedSuperclass() {
        if (this == Object.class || isInterface() || isArray() || isPrimitive() || this == Void.TYPE) {
            return null;
        }
        return sun.reflect.annotation.TypeAnnotationParser.buildAnnotatedSuperclass(getRawTypeAnnotations(), getConstantPool(), this);
    }

    public java.lang.reflect.AnnotatedType[] getAnnotatedInterfaces() {
        return sun.reflect.annotation.TypeAnnotationParser.buildAnnotatedInterfaces(getRawTypeAnnotations(), getConstantPool(), this);
    }

    // Packages, resources, protection domains: toyvm has one loader; these answer as HotSpot's app loader does.

    public Package getPackage() {
        if (isPrimitive() || isArray()) {
            return null;
        }
        return Packages.MAP.computeIfAbsent(getPackageName(), n -> new Package(n, getModule()));
    }

    /**
     * One Package per name, made on first request. A holder: a static field of Class itself would give Class a
     * class initialiser, run (with ConcurrentHashMap's, Unsafe's...) on the first thread's uncaught exception;
     * with -Xcomp -Xjit-threshold=1 that took ~1.2 s and made guest ThreadBasics print out of order.
     */
    private static final class Packages {
        static final java.util.concurrent.ConcurrentHashMap<String, Package> MAP = new java.util.concurrent.ConcurrentHashMap<>();
    }

    /** The URL of a resource found on the class path or in the JDK (file:, jar:file: or jrt:), or null. */
    private static native String resourceUrl0(String absoluteName);

    @jdk.internal.reflect.CallerSensitive
    public java.net.URL getResource(String name) {
        String abs = resolveName(name);
        String url = resourceUrl0(abs);
        return url == null ? null : url(url, abs);
    }

    /**
     * The URL, with the name HotSpot gives it, read through the VM's class path (as getResourceAsStream is): the
     * JDK's file: and jrt: protocol handlers need java.io.File and jrt natives that toyvm does not have.
     */
    @SuppressWarnings("deprecation") // URL.of refuses a handler for file:, jar: and jrt:; this constructor does not
    private static java.net.URL url(String url, String resource) {
        int colon = url.indexOf(':');
        try {
            return new java.net.URL(url.substring(0, colon), null, -1, url.substring(colon + 1), new ResourceHandler(resource));
        } catch (java.net.MalformedURLException e) {
            throw new InternalError(url, e);
        }
    }

    private static final class ResourceHandler extends java.net.URLStreamHandler {
        private final String resource;

        ResourceHandler(String resource) {
            this.resource = resource;
        }

        @Override
        protected java.net.URLConnection openConnection(java.net.URL u) {
            return new java.net.URLConnection(u) {
                @Override
                public void connect() throws java.io.IOException {
                    connected = true;
                }

                @Override
                public java.io.InputStream getInputStream() throws java.io.IOException {
                    byte[] b = resource == null ? null : resource0(resource);
                    if (b == null) {
                        throw new java.io.FileNotFoundException(u.toString());
                    }
                    return new java.io.ByteArrayInputStream(b);
                }
            };
        }
    }

    private String resolveName(String name) {
        if (name.startsWith("/")) {
            return name.substring(1);
        }
        Class<?> c = this;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        String pkg = c.getPackageName();
        return pkg.isEmpty() ? name : pkg.replace('.', '/') + "/" + name;
    }

    /** The class-path entry this class was loaded from (file: or jar:file: URL), null for the JDK's classes. */
    private native String codeSourceUrl0();

    private transient volatile java.security.ProtectionDomain protectionDomain;

    public java.security.ProtectionDomain getProtectionDomain() {
        java.security.ProtectionDomain pd = protectionDomain;
        if (pd == null) {
            String url = isPrimitive() || isArray() ? null : codeSourceUrl0();
            java.security.CodeSource cs = url == null ? null
                    : new java.security.CodeSource(url(url, null), (java.security.cert.Certificate[]) null);
            pd = new java.security.ProtectionDomain(cs, null);
            protectionDomain = pd;
        }
        return pd;
    }

    /** toyvm does not verify jar signatures: no class has signers, like an unsigned class on HotSpot. */
    public Object[] getSigners() {
        return null;
    }
}
