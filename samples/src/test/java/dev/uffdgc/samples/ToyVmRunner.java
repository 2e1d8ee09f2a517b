package dev.uffdgc.samples;

import dev.uffdgc.toyvm.heap.HeapAccess;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command that runs a sample on toyvm in a fresh host JVM from the JDK running the tests. The host
 * gets the same fixed locale as {@link SampleRunner}'s HotSpot runs and, in tests, toyvm gets {@code -Xverify-gc}
 * (canonical graph hash and structural verifier around every collection). The gc log goes to a file so that
 * stdout holds exactly what the guest printed.
 */
final class ToyVmRunner {
    /** toyvm interprets; with verification around every collection it is far slower than HotSpot. */
    static final long TIMEOUT_SECONDS = 180;

    /**
     * The host JIT `./uffd-gc run` gives toyvm: C1 only. Most of a 1-3 s test run is host start-up and C2
     * compiling toyvm's dispatch loop; measured per run (CPU s, default vs C1 only): under the agent ExitCodes
     * 1.72 / 0.96, FormatBasics 1.91 / 1.17, PiDigits 200 3.09 / 1.45, KNucleotide 3.24 / 1.00; under the built-in
     * collector with -Xverify-gc -Xmx2m (2026-12-03, two interleaved rounds) BinaryTrees 13 1.57 / 1.03,
     * Json 100 10 2.55-2.98 / 1.30, Richards 80 1000 2.32 / 1.48-1.51. (The launcher's AOT cache took off another
     * 0.03-0.2 s here: not worth training one per test run. Under the agent it takes off 11-23% of the CPU, so the
     * agent tests' runs have one: AgentAotCache.)
     */
    static final String HOST_JIT = "-XX:TieredStopAtLevel=1";

    private ToyVmRunner() {}

    /**
     * The host JVM running toyvm from the classes on this test's class path (the toyvm and kernel artifacts the
     * build resolved for this module), so a test never runs a stale or missing toyvm.jar; C1 only ({@link #HOST_JIT}).
     */
    static List<String> fromTestClassPath() {
        List<String> cmd = host();
        cmd.add(HeapAccess.ADD_EXPORTS);
        cmd.add(HOST_JIT);
        cmd.add("-cp");
        // Class literals here, not in static fields: InterpBench uses this class without toyvm on its class path.
        Class<?> main = dev.uffdgc.toyvm.cli.Main.class;
        Class<?> kernel = dev.uffdgc.kernel.KernelException.class;
        cmd.add(codeSource(main) + File.pathSeparator + codeSource(kernel));
        cmd.add(main.getName());
        return cmd;
    }

    /** The host JVM running toyvm.jar, as a user would: {@code java -jar toyvm.jar}. */
    static List<String> fromJar(Path jar) {
        return fromJar(jar, List.of());
    }

    /**
     * The same with extra host JVM flags before {@code -jar} (the launcher's AOT cache). No {@code --add-exports}:
     * toyvm.jar's manifest exports what HeapAccess needs, and an export on the command line that the cache was not
     * trained with makes JDK 25 drop the whole cache ("Mismatched values for property jdk.module.addexports"):
     * bench interp timed toyvm without it from b5df298 on (empty main, 2,492 classes loaded, none from the cache).
     */
    static List<String> fromJar(Path jar, List<String> hostFlags) {
        List<String> cmd = host();
        cmd.addAll(hostFlags);
        cmd.add("-jar");
        cmd.add(jar.toString());
        return cmd;
    }

    /** launcher + toyvm's own options + the sample, run from guestClasses. */
    static List<String> command(List<String> launcher, boolean verify, String heap, Path gcLog, Path guestClasses,
            SampleLine sample) {
        List<String> cmd = new ArrayList<>(launcher);
        if (verify) {
            cmd.add("-Xverify-gc");
        }
        cmd.add("-Xmx" + heap);
        cmd.add("-Xlog:gc:file=" + gcLog);
        cmd.add("-cp");
        cmd.add(guestClasses.toString());
        cmd.add(sample.mainClass());
        cmd.addAll(sample.args());
        return cmd;
    }

    private static List<String> host() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Duser.language=en");
        cmd.add("-Duser.country=US");
        return cmd;
    }

    private static String codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
        }
    }
}
