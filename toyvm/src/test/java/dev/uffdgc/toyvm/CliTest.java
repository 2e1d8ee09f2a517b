package dev.uffdgc.toyvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.toyvm.cli.Main;
import dev.uffdgc.toyvm.heap.HeapAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command line and bad input: each with a clear message and a defined exit status. */
class CliTest {
    record Result(int status, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String guest() {
        return GuestRun.guestClasses().toString();
    }

    @Test
    void badFlagsExitWith2AndSayWhy() {
        Result r = cli("-Xbogus", "-cp", guest(), "Arith");
        assertEquals(ExitStatus.USAGE, r.status());
        assertTrue(r.err().contains("unknown option -Xbogus"), r.err());
        assertTrue(r.err().contains("Usage: toyvm"), r.err());
        Result hotspot = cli("-XX:+UseG1GC", "-cp", guest(), "Arith");
        assertEquals(ExitStatus.USAGE, hotspot.status());
        assertTrue(hotspot.err().contains("unknown option -XX:+UseG1GC (HotSpot's -XX options do not apply to toyvm"),
                hotspot.err());
        Result size = cli("-Xmxlots", "-cp", guest(), "Arith");
        assertEquals(ExitStatus.USAGE, size.status());
        assertTrue(size.err().contains("bad size 'lots'"), size.err());
        Result threshold = cli("-Xjit-threshold=0", "-cp", guest(), "Arith");
        assertEquals(ExitStatus.USAGE, threshold.status());
        assertTrue(threshold.err().contains("bad count in -Xjit-threshold=0"), threshold.err());
        Result noMain = cli("-cp", guest());
        assertEquals(ExitStatus.USAGE, noMain.status());
        assertTrue(noMain.err().contains("no main class"), noMain.err());
    }

    @Test
    @Timeout(60)
    void tierFlagsRunTheSameProgram() {
        Result interpreted = cli("-Xint", "-cp", guest(), "Arith");
        Result compiled = cli("-Xcomp", "-Xlog:jit", "-cp", guest(), "Arith");
        assertEquals(0, interpreted.status(), interpreted.err());
        assertEquals(0, compiled.status(), compiled.err());
        assertEquals(interpreted.out(), compiled.out());
        // (Arith.main itself is too long for the host JIT and stays interpreted: -Xlog:jit says so; idiv compiles.)
        assertTrue(compiled.err().contains("[jit] 1 Arith.idiv(II)I"), compiled.err());
        assertTrue(compiled.err().contains("[jit] Arith.main([Ljava/lang/String;)V stays interpreted"), compiled.err());
    }

    @Test
    @Timeout(60)
    void aHostWithoutTheHeapsExportExitsWith3NamingTheFlag() {
        // A class-path launch that forgot HeapAccess's export: one line naming the flag, not a linkage error.
        GuestRun r = GuestRun.hotspot(60, List.of("--enable-native-access=ALL-UNNAMED"),
                Path.of(System.getProperty("java.class.path")), Main.class.getName(), "-cp", guest(), "Arith");
        assertEquals(ExitStatus.VM_ERROR, r.status(), r.stderr());
        assertEquals("toyvm: cannot start the VM: the host JVM must be started with " + HeapAccess.ADD_EXPORTS
                + " (toyvm.jar's manifest carries it for java -jar)\n", r.stderr());
    }

    @Test
    @Timeout(60)
    void missingMainClassExitsWith1LikeJava() {
        Result r = cli("-cp", guest(), "NoSuchClass");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("Error: Could not find or load main class NoSuchClass"), r.err());
    }

    @Test
    @Timeout(60)
    void malformedClassFileIsALinkageError(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("Broken.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0});
        Result r = cli("-cp", dir.toString(), "Broken");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("java.lang.ClassFormatError: Broken: malformed class file"), r.err());
    }

    @Test
    @Timeout(60)
    void uncaughtExceptionPrintsLikeHotSpotAndExitsWith1() {
        Result r = cli("-cp", guest(), "Exceptions");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("Exception in thread \"main\" java.lang.IllegalStateException: uncaught at the end\n"
                + "\tat Exceptions.main(Exceptions.java:"), r.err());
    }

    /**
     * A host Error (not only StackOverflowError) escaping guest code is the VM's failure: one "internal error" report
     * and exit 3, on the main thread and on another guest thread (before, it escaped the host thread: a raw stack
     * trace and exit 0).
     */
    @ParameterizedTest
    @ValueSource(strings = {"main", "other thread"})
    @Timeout(60)
    void aHostErrorInGuestCodeIsAnInternalErrorWithExit3(String where) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Vm vm = new Vm(GuestRun.options(GuestRun.guestClasses(), "16m"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String method = where.equals("main") ? "main([Ljava/lang/String;)V" : "bump()V"; // bump: the workers' loop
        vm.intrinsics.add("ThreadBasics", method, (t, b) -> {
            throw new AssertionError("host failure injected into ThreadBasics." + method);
        });
        int status = vm.runMain("ThreadBasics", new String[0]);
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitStatus.VM_ERROR, status, e);
        assertTrue(e.contains("toyvm: internal error in guest thread") && e.contains("java.lang.AssertionError: host failure"), e);
    }

    @Test
    @Timeout(60)
    void systemExitCodeIsTheStatus() {
        assertEquals(7, cli("-cp", guest(), "Language").status());
    }

    @Test
    @Timeout(60)
    void unsupportedNativeFailsNamingTheMethod() {
        Result r = cli("-cp", guest(), "Unsupported");
        assertTrue(r.out().contains("caught: toyvm: unsupported native method java.lang.ProcessHandleImpl.parent0(JJ)J"), r.out());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("Exception in thread \"main\" java.lang.UnsatisfiedLinkError: toyvm: unsupported native"), r.err());
    }

    @Test
    @Timeout(120)
    void missingMethodAndFieldAreGuestLinkageErrors(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Lib.java"), "public class Lib { public static int f = 1; public static int m() { return 2; } }");
        Files.writeString(src.resolve("UsesLib.java"), """
                public class UsesLib {
                    public static void main(String[] a) {
                        try { System.out.println(Lib.m()); } catch (NoSuchMethodError e) { System.out.println("NSME " + e.getMessage()); }
                        try { System.out.println(Lib.f); } catch (NoSuchFieldError e) { System.out.println("NSFE " + e.getMessage()); }
                    }
                }""");
        Path classes = dir.resolve("classes");
        compile(classes, src.resolve("Lib.java"), src.resolve("UsesLib.java"));
        Files.writeString(src.resolve("Lib.java"), "public class Lib { }");
        compile(classes, src.resolve("Lib.java"));
        Result r = cli("-cp", classes.toString(), "UsesLib");
        assertEquals(0, r.status(), r.err());
        assertEquals("NSME 'int Lib.m()'\nNSFE Class Lib does not have member field 'int f'\n", r.out(), "HotSpot's messages");
    }

    /**
     * The Java 25 launch protocol (JEP 512): main(String[]) before main(), inherited ones, instance mains on an
     * instance made with the no-argument constructor, and the launcher's refusals, each compared with HotSpot
     * (stdout, stderr, status). toyvm looked only for a static main(String[]) declared in the class itself.
     */
    @Test
    @Timeout(180)
    void mainMethodsAreChosenAsJava25Does(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        java.util.Map<String, String> programs = new java.util.LinkedHashMap<>();
        programs.put("Compact", "void main() { IO.println(\"compact \" + greet()); }\nString greet() { return \"hi\"; }\n");
        programs.put("InstanceArgs", "public class InstanceArgs { InstanceArgs() { System.out.println(\"ctor\"); }"
                + " static { System.out.println(\"clinit\"); }"
                + " void main(String[] a) { System.out.println(\"args \" + a.length); } void main() { } }");
        programs.put("StaticNoArgs", "public class StaticNoArgs { static void main() { System.out.println(\"static, no args\"); } }");
        programs.put("Inherits", "public class Inherits extends InheritsBase { }\n"
                + "class InheritsBase { public static void main(String[] a) { System.out.println(\"inherited \" + a.length); } }");
        programs.put("FromInterface", "public class FromInterface implements Mains { }\n"
                + "interface Mains { default void main() { System.out.println(\"default main of \" + getClass().getName()); } }");
        programs.put("PrivateMain", "public class PrivateMain { private static void main(String[] a) { } void main() { System.out.println(\"the instance one\"); } }");
        programs.put("Abstract", "public abstract class Abstract { void main() { } }");
        programs.put("PrivateCtor", "public class PrivateCtor { private PrivateCtor() { } void main() { } }");
        programs.put("NoMain", "public class NoMain { static void helper() { } }");
        programs.put("Throws", "public class Throws { void main() throws Exception { throw new Exception(\"from an instance main\"); } }");
        Path[] files = new Path[programs.size()];
        int i = 0;
        for (var p : programs.entrySet()) {
            files[i++] = Files.writeString(src.resolve(p.getKey() + ".java"), p.getValue());
        }
        Path classes = dir.resolve("classes");
        compile(classes, files);
        for (String main : programs.keySet()) {
            GuestRun hs = GuestRun.hotspot(classes, main, "x", "y");
            Result r = cli("-cp", classes.toString(), main, "x", "y");
            assertEquals(hs.stdout(), r.out(), main + ": stdout");
            assertEquals(hs.stderr(), r.err(), main + ": stderr");
            assertEquals(hs.status(), r.status(), main + ": status");
        }
    }

    /**
     * HotSpot's launcher switches that GC benchmarks' scripts pass (-D for their parameters, -ea for their checks,
     * -Xms beside -Xmx): each set of switches prints what HotSpot prints. toyvm refused all three as unknown options.
     */
    @Test
    @Timeout(180)
    void launcherSwitchesActAsHotSpots(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/p/q"));
        Files.writeString(src.resolve("Flags.java"), """
                package p.q;
                public class Flags {
                    static class Inner { static boolean on() { boolean on = false; assert on = true; return on; } }
                    public static void main(String[] a) {
                        boolean on = false;
                        assert on = true;
                        System.out.println("assertions " + on + ", nested " + Inner.on() + ", JDK's "
                                + String.class.desiredAssertionStatus() + ", depth " + System.getProperty("bench.depth")
                                + ", flag '" + System.getProperty("bench.flag") + "'");
                    }
                }""");
        Path classes = dir.resolve("classes");
        compile(classes, src.resolve("Flags.java"));
        for (String switches : List.of("-Dbench.depth=18", "-ea -Dbench.flag", "-ea:p... -Xms8m -Xmx16m",
                "-ea -da:p.q.Flags", "-da:p.q... -ea -esa", "-ea:p.q.Flags", "-ea:q...", "-ea:...")) {
            List<String> flags = List.of(switches.split(" "));
            GuestRun hs = GuestRun.hotspot(flags, classes, "p.q.Flags");
            List<String> args = new java.util.ArrayList<>(flags);
            args.addAll(List.of("-cp", classes.toString(), "p.q.Flags"));
            Result r = cli(args.toArray(String[]::new));
            assertEquals(hs.stdout(), r.out(), switches + ": stdout; toyvm stderr " + r.err());
            assertEquals(0, r.status(), switches);
        }
        Result bad = cli("-Xms32m", "-Xmx16m", "-cp", classes.toString(), "p.q.Flags");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("Initial heap size set to a larger value than the maximum heap size"), bad.err());
    }

    private static void compile(Path out, Path... sources) throws Exception {
        Files.createDirectories(out);
        List<String> args = new java.util.ArrayList<>(List.of("-d", out.toString()));
        for (Path s : sources) {
            args.add(s.toString());
        }
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        assertEquals(0, rc, "javac failed");
    }
}
