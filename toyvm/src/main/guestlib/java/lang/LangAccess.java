package java.lang;

/**
 * toyvm guest library: stands in for the JDK's JavaLangAccess, which JDK classes loaded from jrt:/ reach
 * through SharedSecrets (EnumMap, EnumSet, streams, StringJoiner...). System installs it into
 * SharedSecrets.javaLangAccess with a VM intrinsic. It does not declare the interface (the real one has ~100
 * methods): toyvm dispatches interface calls by name and descriptor, so the methods below answer, and any
 * other method of JavaLangAccess fails with AbstractMethodError naming it.
 */
final class LangAccess {
    public <E extends Enum<E>> E[] getEnumConstantsShared(Class<E> klass) {
        return klass.getEnumConstants();
    }

    public String join(String prefix, String suffix, String delimiter, String[] elements, int size) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            sb.append(elements[i]);
        }
        return sb.append(suffix).toString();
    }
}
