package dev.uffdgc.toyvm.classfile;

/** A linked field: instance fields have a byte offset in the object, static fields a slot in the VM's static tables. */
public final class VmField {
    public final VmClass owner;
    public final String name;
    public final String descriptor;
    public final boolean isStatic;
    /** Byte offset in the object (instance) or index into the VM's static prim or ref table (static). */
    public int offset;
    /** ACC_VOLATILE: accessed with volatile (sequentially consistent) semantics. */
    public boolean isVolatile;

    public VmField(VmClass owner, String name, String descriptor, boolean isStatic) {
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.isStatic = isStatic;
    }

    public char type() {
        return descriptor.charAt(0);
    }

    public boolean isReference() {
        char c = type();
        return c == 'L' || c == '[';
    }

    /** Bytes in an object: references are 32 bits (ObjectLayout.REF_SHIFT). */
    public int size() {
        return Descriptors.sizeOf(type());
    }

    @Override
    public String toString() {
        return owner.binaryName() + "." + name;
    }
}
