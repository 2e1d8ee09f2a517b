package dev.uffdgc.toyvm;

import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.classfile.VmMethod;
import java.lang.classfile.attribute.InnerClassesAttribute;
import java.lang.reflect.AccessFlag;

/**
 * The launcher's choice of main method (JLS 12.1.4, JEP 512, final in Java 25), as the JDK's
 * {@code jdk.internal.misc.MethodFinder} and {@code sun.launcher.LauncherHelper.validateMainMethod} make it: a
 * {@code main(String[])} declared in the class, a superclass or (an instance one) a superinterface, public ones
 * first; failing that, a {@code main()}; either static or instance, never private, returning void. An instance
 * main needs a concrete, non-inner class with a non-private no-argument constructor. Failures are HotSpot's
 * launcher messages, word for word.
 */
final class MainMethods {
    static final String WITH_ARGS = "main([Ljava/lang/String;)V";
    static final String NO_ARGS = "main()V";

    private MainMethods() {
    }

    /** The main method to run, or null after printing why there is none (HotSpot's launcher text). */
    static VmMethod find(VmClass main, java.io.PrintStream err) {
        VmMethod m = lookUp(main, WITH_ARGS, true);
        if (m == null) {
            m = lookUp(main, WITH_ARGS, false);
        }
        if (m == null || m.isPrivate()) {
            m = lookUp(main, NO_ARGS, false);
        }
        if (m == null || m.isPrivate()) {
            err.println("Error: Main method not found in class " + main.binaryName()
                    + ", please define the main method as:");
            err.println("   public static void main(String[] args)");
            err.println("or a JavaFX application class must extend javafx.application.Application");
            return null;
        }
        if (m.isStatic()) {
            return m;
        }
        String declaring = m.owner.binaryName();
        if (main.isAbstract()) {
            err.println("Error: abstract class " + declaring + " can not be instantiated");
            err.println("please use a concrete class");
            return null;
        }
        if (isInnerClass(main)) {
            err.println("Error: non-static inner class " + declaring + " constructor can not be invoked ");
            err.println("make inner class static or move inner class out to separate source file");
            return null;
        }
        VmMethod ctor = main.methods.get("<init>()V");
        if (ctor == null || ctor.isPrivate()) {
            err.println("Error: no non-private zero argument constructor found in class " + declaring);
            err.println("remove private from existing constructor or define as:");
            err.println("   public " + declaring + "()");
            return null;
        }
        return m;
    }

    /** Class.findMethod: the class and its superclasses first, then (instance methods) the superinterfaces. */
    private static VmMethod lookUp(VmClass c, String key, boolean publicOnly) {
        for (VmClass k = c; k != null; k = k.superclass) {
            VmMethod m = k.methods.get(key);
            if (m != null && (!publicOnly || isPublic(m))) {
                return m;
            }
        }
        VmMethod m = c.findInterfaceMethod(key);
        return m != null && (!publicOnly || isPublic(m)) ? m : null;
    }

    private static boolean isPublic(VmMethod m) {
        return (m.accessFlags & AccessFlag.PUBLIC.mask()) != 0;
    }

    /** A member class declared without static (InnerClasses attribute): its constructor needs an outer instance. */
    private static boolean isInnerClass(VmClass c) {
        if (c.model == null) {
            return false;
        }
        return c.model.findAttribute(java.lang.classfile.Attributes.innerClasses())
                .map(InnerClassesAttribute::classes).stream().flatMap(java.util.List::stream)
                .anyMatch(i -> i.innerClass().asInternalName().equals(c.name) && i.outerClass().isPresent()
                        && (i.flagsMask() & AccessFlag.STATIC.mask()) == 0);
    }
}
