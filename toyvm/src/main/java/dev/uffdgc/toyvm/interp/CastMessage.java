package dev.uffdgc.toyvm.interp;

import dev.uffdgc.toyvm.classfile.ClassPath;
import dev.uffdgc.toyvm.classfile.VmClass;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message of a failed {@code checkcast}, worded as HotSpot words it (SharedRuntime::generate_class_cast_message):
 * {@code class A cannot be cast to class B (A and B are in unnamed module of loader 'app')}, or with one
 * "(A is in ...; B is in ...)" clause per class when they differ. Programs log {@code e.getMessage()}, so the
 * wording is output that is compared with HotSpot's byte for byte.
 *
 * <p>toyvm has no class loader objects, so the module and loader are what HotSpot would report for the same class
 * file: a class of the JDK's packages is in its JDK module (asked of the host's boot layer, which holds the same
 * JDK's modules) with that module's loader ('bootstrap' or 'platform'); any other class is in the unnamed module
 * of the application loader. An array class is where its element class is; a primitive array is in java.base.
 */
final class CastMessage {
    private static final String APP = "unnamed module of loader 'app'";
    private static final String BASE = "module java.base of loader 'bootstrap'";
    /** Package (internal name) -> where HotSpot says a JDK class of it is; rare path, but cheap to keep. */
    private static final Map<String, String> JDK_PACKAGES = new ConcurrentHashMap<>();

    private CastMessage() {
    }

    static String of(VmClass from, VmClass to) {
        String a = from.binaryName();
        String b = to.binaryName();
        String whereA = where(from);
        String whereB = where(to);
        String clause = whereA.equals(whereB)
                ? a + " and " + b + " are in " + whereA
                : a + " is in " + whereA + "; " + b + " is in " + whereB;
        return "class " + a + " cannot be cast to class " + b + " (" + clause + ")";
    }

    private static String where(VmClass c) {
        VmClass element = c;
        while (element.isArray()) {
            if (element.component == null) {
                return BASE; // a primitive array: its class is the boot loader's, in java.base
            }
            element = element.component;
        }
        String name = element.name;
        if (!ClassPath.isJdkPackage(name)) {
            return APP;
        }
        int slash = name.lastIndexOf('/');
        return JDK_PACKAGES.computeIfAbsent(slash < 0 ? "" : name.substring(0, slash), CastMessage::jdkModule);
    }

    private static String jdkModule(String internalPackage) {
        String pkg = internalPackage.replace('/', '.');
        for (Module m : ModuleLayer.boot().modules()) {
            if (m.getPackages().contains(pkg)) {
                return "module " + m.getName() + " of loader " + (m.getClassLoader() == null ? "'bootstrap'" : "'platform'");
            }
        }
        return BASE; // a package of toyvm's guest library that the JDK lacks: it stands in for java.base classes
    }
}
