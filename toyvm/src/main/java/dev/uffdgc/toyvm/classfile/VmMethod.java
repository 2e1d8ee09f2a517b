package dev.uffdgc.toyvm.classfile;

import dev.uffdgc.toyvm.interp.Code;
import dev.uffdgc.toyvm.interp.CompiledCode;
import dev.uffdgc.toyvm.interp.Intrinsic;
import java.lang.classfile.MethodModel;
import java.lang.reflect.AccessFlag;

/**
 * A linked method. It runs either as decoded bytecode ({@link #code}, decoded on first call) or as a host
 * {@link #intrinsic} (natives, and a few hot library methods).
 */
public final class VmMethod {
    public final VmClass owner;
    public final String name;
    public final String descriptor;
    public final int accessFlags;
    /** Stack slots of the arguments, including the receiver. */
    public final int argSlots;
    public final int retSlots;
    public final char returnType;
    public final MethodModel model;
    public int vtableIndex = -1;
    /** Index in the VM's method table; stack traces record it. */
    public int id;
    public Intrinsic intrinsic;
    /** ACC_SYNCHRONIZED: the interpreter holds the receiver's (or the class mirror's) monitor around the call. */
    public boolean synchronizedMethod;
    public Code code;
    /**
     * The compiled code a compiled caller may run directly, skipping {@code Interpreter.invoke}: set by the
     * compiler with {@code code.compiled} when this method is neither synchronized nor an intrinsic (so the call
     * needs nothing but a new frame), cleared with it on deoptimisation. Read without a lock: its object has only
     * final fields.
     */
    public CompiledCode entry;

    public VmMethod(VmClass owner, String name, String descriptor, int accessFlags, MethodModel model) {
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.accessFlags = accessFlags;
        this.synchronizedMethod = (accessFlags & java.lang.reflect.AccessFlag.SYNCHRONIZED.mask()) != 0;
        this.model = model;
        this.argSlots = Descriptors.argumentSlots(descriptor) + (isStatic() ? 0 : 1);
        this.returnType = Descriptors.returnType(descriptor);
        this.retSlots = Descriptors.slots(returnType);
    }

    /** VM annotations read from the class file: 0 not yet read, else READ with the bits below (a benign race reads twice). */
    private int annotations;
    private static final int READ = 1;
    private static final int HIDDEN = 2;
    private static final int CALLER_SENSITIVE = 4;

    /**
     * Annotated {@code @jdk.internal.vm.annotation.Hidden}: HotSpot leaves such frames out of stack traces
     * (Thread.runWith, which a virtual thread's run calls) and out of StackWalker's walks, and so does toyvm.
     */
    public boolean isHidden() {
        return (annotations() & HIDDEN) != 0;
    }

    /**
     * Annotated {@code @jdk.internal.reflect.CallerSensitive} (System.getLogger, Class.forName...): StackWalker's
     * getCallerClass refuses to answer such a method, as on HotSpot.
     */
    public boolean isCallerSensitive() {
        return (annotations() & CALLER_SENSITIVE) != 0;
    }

    private int annotations() {
        int a = annotations;
        if (a == 0) {
            a = READ;
            // HotSpot honours these only in classes of the boot and platform loaders (ClassFileParser's
            // "privileged"): here, the JDK's packages, which come from jrt:/ or the guestlib, never the class path.
            boolean privileged = ClassPath.isJdkPackage(owner.name);
            // The classfile models parse lazily and are not thread-safe (VmClass.MODEL_LOCK).
            synchronized (VmClass.MODEL_LOCK) {
                var attr = model == null || !privileged ? null
                        : model.findAttribute(java.lang.classfile.Attributes.runtimeVisibleAnnotations()).orElse(null);
                for (var x : attr == null ? java.util.List.<java.lang.classfile.Annotation>of() : attr.annotations()) {
                    if (x.className().equalsString("Ljdk/internal/vm/annotation/Hidden;")) {
                        a |= HIDDEN;
                    } else if (x.className().equalsString("Ljdk/internal/reflect/CallerSensitive;")) {
                        a |= CALLER_SENSITIVE;
                    }
                }
            }
            annotations = a;
        }
        return a;
    }

    public boolean isStatic() {
        return (accessFlags & AccessFlag.STATIC.mask()) != 0;
    }

    public boolean isAbstract() {
        return (accessFlags & AccessFlag.ABSTRACT.mask()) != 0;
    }

    public boolean isNative() {
        return (accessFlags & AccessFlag.NATIVE.mask()) != 0;
    }

    public boolean isPrivate() {
        return (accessFlags & AccessFlag.PRIVATE.mask()) != 0;
    }

    public boolean isFinal() {
        return (accessFlags & AccessFlag.FINAL.mask()) != 0;
    }

    public boolean isConstructor() {
        return name.equals("<init>");
    }

    /** Overridable through a vtable: not static, not private, not a constructor. */
    public boolean isVirtual() {
        return !isStatic() && !isPrivate() && !name.startsWith("<");
    }

    public String key() {
        return name + descriptor;
    }

    @Override
    public String toString() {
        return owner.binaryName() + "." + name + descriptor;
    }
}
