package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.classfile.VmClass;

/** Class names as the guest sees them (Class.getSimpleName, record toString). */
public final class Names {
    private Names() {
    }

    public static String simpleName(VmClass c) {
        return CoreNatives.simpleName(c);
    }
}
