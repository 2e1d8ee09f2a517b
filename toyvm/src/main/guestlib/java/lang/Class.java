package java.lang;

/** toyvm guest library: a class mirror; vmClassId indexes the VM's class table. */
public final class Class<T> implements java.io.Serializable {
    private int vmClassId;

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
        return getName();
    }

    public boolean desiredAssertionStatus() {
        return false;
    }

    @SuppressWarnings("unchecked")
    public T cast(Object obj) {
        if (obj != null && !isInstance(obj)) {
            throw new ClassCastException("Cannot cast " + obj.getClass().getName() + " to " + getName());
        }
        return (T) obj;
    }

    public String getPackageName() {
        String n = getName();
        int i = n.lastIndexOf('.');
        return i < 0 ? "" : n.substring(0, i);
    }

    public String toString() {
        return (isInterface() ? "interface " : isPrimitive() ? "" : "class ") + getName();
    }

    // Core reflection: the JDK's java.lang.reflect objects, made and run by the VM (runtime/ReflectionNatives).

    private static native Class<?> forName0(String name, boolean initialize) throws ClassNotFoundException;

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

    private native byte[] resource0(String absoluteName);

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
    public java.io.InputStream getResourceAsStream(String name) {
        String abs;
        if (name.startsWith("/")) {
            abs = name.substring(1);
        } else {
            Class<?> c = this;
            while (c.isArray()) {
                c = c.getComponentType();
            }
            String pkg = c.getPackageName();
            abs = pkg.isEmpty() ? name : pkg.replace('.', '/') + "/" + name;
        }
        byte[] b = resource0(abs);
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

    public boolean isHidden() {
        return false;
    }
}
