package dev.uffdgc.samples;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command that runs a sample on toyvm in a fresh host JVM from the JDK running the tests. The host
 * gets the same fixed locale as {@link SampleRunner}'s HotSpot runs and, in tests, {@code -Dtoyvm.verifyGC=true}
 * (canonical graph hash and structural verifier around every collection). The gc log goes to a file so that
 * stdout holds exactly what the guest printed.
 */
final class ToyVmRunner {
    static final String MAIN_CLASS = "dev.uffdgc.toyvm.cli.Main";
    /** A kernel class, to find kernel/'s classes, which toyvm needs for mmap. */
    private static final String KERNEL_CLASS = "dev.uffdgc.kernel.KernelException";
    /** toyvm interprets; with verification around every collection it is far slower than HotSpot. */
    static final long TIMEOUT_SECONDS = 180;

    private ToyVmRunner() {}

    /**
     * The host JVM running toyvm from the classes on this test's class path (the toyvm and kernel artifacts the
     * build resolved for this module), so a test never runs a stale or missing toyvm.jar.
     */
    static List<String> fromTestClassPath(boolean verify) {
        List<String> cmd = host(verify);
        cmd.add("-cp");
        cmd.add(codeSource(MAIN_CLASS) + File.pathSeparator + codeSource(KERNEL_CLASS));
        cmd.add(MAIN_CLASS);
        return cmd;
    }

    /** The host JVM running toyvm.jar, as a user would: {@code java -jar toyvm.jar}. */
    static List<String> fromJar(Path jar, boolean verify) {
        List<String> cmd = host(verify);
        cmd.add("-jar");
        cmd.add(jar.toString());
        return cmd;
    }

    /** launcher + toyvm's own options + the sample, guest class path = the sample classes. */
    static List<String> command(List<String> launcher, String heap, Path gcLog, Path guestClasses, SampleLine sample) {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.add("-Xmx" + heap);
        cmd.add("-Xlog:gc:file=" + gcLog);
        cmd.add("-cp");
        cmd.add(guestClasses.toString());
        cmd.add(sample.mainClass());
        cmd.addAll(sample.args());
        return cmd;
    }

    private static List<String> host(boolean verify) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Duser.language=en");
        cmd.add("-Duser.country=US");
        if (verify) {
            cmd.add("-Dtoyvm.verifyGC=true");
        }
        return cmd;
    }

    private static String codeSource(String className) {
        try {
            Class<?> c = Class.forName(className, false, ToyVmRunner.class.getClassLoader());
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is not on the test class path: samples/pom.xml must "
                    + "depend on dev.uffdgc:toyvm (test scope)", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + className, e);
        }
    }
}
