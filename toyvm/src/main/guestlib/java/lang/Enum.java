package java.lang;

/** toyvm guest library: the base of enums. */
public abstract class Enum<E extends Enum<E>> implements java.lang.constant.Constable, Comparable<E>,
        java.io.Serializable {
    private final String name;
    private final int ordinal;

    protected Enum(String name, int ordinal) {
        this.name = name;
        this.ordinal = ordinal;
    }

    public final String name() {
        return name;
    }

    public final int ordinal() {
        return ordinal;
    }

    public String toString() {
        return name;
    }

    public final boolean equals(Object other) {
        return this == other;
    }

    public final int hashCode() {
        return super.hashCode();
    }

    protected final Object clone() throws CloneNotSupportedException {
        throw new CloneNotSupportedException();
    }

    public final int compareTo(E o) {
        Enum<?> other = o;
        if (getDeclaringClass() != other.getDeclaringClass()) {
            throw new ClassCastException();
        }
        return ordinal - other.ordinal;
    }

    @SuppressWarnings("unchecked")
    public final Class<E> getDeclaringClass() {
        Class<?> clazz = getClass();
        Class<?> zuper = clazz.getSuperclass();
        return (zuper == Enum.class) ? (Class<E>) clazz : (Class<E>) zuper;
    }

    public static <T extends Enum<T>> T valueOf(Class<T> enumClass, String name) {
        if (name == null) {
            throw new NullPointerException("Name is null");
        }
        T[] constants = enumClass.getEnumConstants();
        if (constants != null) {
            for (T c : constants) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("No enum constant " + enumClass.getName().replace('$', '.') + "." + name);
    }

    /**
     * As the JDK's: the constant's nominal descriptor, an Enum.EnumDesc of its declaring class and name. That
     * nested class is the JDK's own (loaded from jrt:/, as this file does not declare it), reached through
     * DynamicConstantDesc's canonical form of an enum constant.
     */
    @Override
    public final java.util.Optional<? extends java.lang.constant.ConstantDesc> describeConstable() {
        return getDeclaringClass().describeConstable().map(c -> java.lang.constant.DynamicConstantDesc.ofCanonical(
                java.lang.constant.ConstantDescs.BSM_ENUM_CONSTANT, name, c, new java.lang.constant.ConstantDesc[0]));
    }
}
