package dev.uffdgc.agent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uffdgc.toyvm.heap.HeapAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The demo compares both collectors' guest output with HotSpot's and fails, with a clear line, when it differs. */
class DemoTest {
    @Test
    void differenceNamesTheFirstLineThatDiffers() {
        assertNull(Demo.difference("a\nb\n", "a\nb\n"));
        assertEquals("line 2: expected \"b\" but got \"c\"", Demo.difference("a\nb\n", "a\nc\n"));
        assertEquals("line 2: expected \"b\" but got the end", Demo.difference("a\nb", "a"));
    }

    @Test
    @Timeout(120)
    void anOutputThatDiffersFromHotSpotsExitsOneAndSaysWhere(@TempDir Path dir) throws Exception {
        // toyvm's maxMemory is its -Xmx (2 MiB); HotSpot's is its own default heap: the outputs must differ.
        compile(dir, "Differs", "System.out.println(\"heap \" + (Runtime.getRuntime().maxMemory() >> 20) + \" MiB\");");
        compile(dir, "Same", "long s = 0; for (int i = 0; i < 20000; i++) { s += new int[64].length + i; }"
                + " System.out.println(\"sum \" + s);");
        Run differs = demo(dir, "Differs");
        assertEquals(Demo.DIFFERS, differs.status, differs.out);
        assertTrue(differs.out.contains("FAIL: the guest output under stw differs from HotSpot's: line 1: expected"
                + " \"heap "), differs.out);
        assertTrue(differs.out.contains("FAIL: the guest output under move differs from HotSpot's"), differs.out);
        Run same = demo(dir, "Same");
        assertEquals(0, same.status, same.out);
        assertTrue(same.out.contains("guest output identical to HotSpot's (1 lines) under stw and move"), same.out);
    }

    private record Run(int status, String out) {
    }

    private static Run demo(Path dir, String main) throws Exception {
        Process p = new ProcessBuilder(java("java"), "--enable-native-access=ALL-UNNAMED", HeapAccess.ADD_EXPORTS, "-cp",
                System.getProperty("java.class.path"), Demo.class.getName(), "--cp", dir.toString(), "--heap", "2m", main)
                .redirectErrorStream(true).redirectOutput(dir.resolve(main + ".out").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the demo of " + main + " did not end within 90 s");
        }
        return new Run(p.exitValue(), Files.readString(dir.resolve(main + ".out")));
    }

    private static void compile(Path dir, String name, String body) throws Exception {
        Path src = dir.resolve(name + ".java");
        Files.writeString(src, "public class " + name + " { public static void main(String[] a) { " + body + " } }");
        Process javac = new ProcessBuilder(List.of(java("javac"), "-d", dir.toString(), src.toString())).inheritIO()
                .start();
        assertEquals(0, javac.waitFor());
    }

    private static String java(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }
}
