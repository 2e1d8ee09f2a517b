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
        return (isInterface() ? "interface " : "class ") + getName();
    }
}
