package dev.uffdgc.toyvm.classfile;

import dev.uffdgc.toyvm.heap.ObjectLayout;

/** Field and method descriptor arithmetic: sizes in objects and slots on the interpreter stack. */
public final class Descriptors {
    private Descriptors() {
    }

    /** Bytes a value of this type takes in an object or array. */
    public static int sizeOf(char type) {
        return switch (type) {
            case 'J', 'D' -> 8;
            case 'I', 'F' -> 4;
            case 'L', '[' -> ObjectLayout.REFERENCE_BYTES;
            case 'S', 'C' -> 2;
            case 'B', 'Z' -> 1;
            default -> throw new IllegalArgumentException("bad type " + type);
        };
    }

    /** Interpreter stack slots a value takes (long and double take two, as in the JVM's locals). */
    public static int slots(char type) {
        return switch (type) {
            case 'J', 'D' -> 2;
            case 'V' -> 0;
            default -> 1;
        };
    }

    /** The first character of each parameter's descriptor, in order. */
    public static char[] parameterTypes(String methodDescriptor) {
        StringBuilder out = new StringBuilder();
        int i = 1;
        while (methodDescriptor.charAt(i) != ')') {
            char c = methodDescriptor.charAt(i);
            out.append(c);
            i = skipType(methodDescriptor, i);
        }
        return out.toString().toCharArray();
    }

    /** Each parameter's full descriptor, in order. */
    public static String[] parameterDescriptors(String methodDescriptor) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int i = 1;
        while (methodDescriptor.charAt(i) != ')') {
            int next = skipType(methodDescriptor, i);
            out.add(methodDescriptor.substring(i, next));
            i = next;
        }
        return out.toArray(String[]::new);
    }

    public static String returnDescriptor(String methodDescriptor) {
        return methodDescriptor.substring(methodDescriptor.indexOf(')') + 1);
    }

    public static char returnType(String methodDescriptor) {
        return methodDescriptor.charAt(methodDescriptor.indexOf(')') + 1);
    }

    public static int argumentSlots(String methodDescriptor) {
        int n = 0;
        for (char c : parameterTypes(methodDescriptor)) {
            n += slots(c);
        }
        return n;
    }

    private static int skipType(String d, int i) {
        while (d.charAt(i) == '[') {
            i++;
        }
        if (d.charAt(i) == 'L') {
            return d.indexOf(';', i) + 1;
        }
        return i + 1;
    }

    /** "java/lang/String" or "[I" from a field descriptor "Ljava/lang/String;" or "[I". */
    public static String classNameOf(String fieldDescriptor) {
        if (fieldDescriptor.charAt(0) == 'L') {
            return fieldDescriptor.substring(1, fieldDescriptor.length() - 1);
        }
        return fieldDescriptor;
    }
}
