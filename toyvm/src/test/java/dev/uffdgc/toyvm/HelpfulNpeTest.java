package dev.uffdgc.toyvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.instruction.LocalVariable;
import java.lang.classfile.instruction.LocalVariableType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helpful NullPointerException messages of code compiled without {@code -g} (javac's default): no local variable
 * names, so HotSpot says "&lt;local4&gt;", "&lt;parameter1&gt;" or "this" from the slot and whether a store
 * reached it. The corpus (built with -g) covers named locals with the same program, HelpfulNpe; here its classes
 * lose their LocalVariableTable and both VMs run them.
 */
class HelpfulNpeTest {
    private static final Path CORPUS = Path.of(System.getProperty("toyvm.corpusClasses", "target/corpus-classes"));

    @Test
    @Timeout(120)
    void messagesNameSlotsWhereNoLocalVariableTableNamesThem(@TempDir Path dir) throws IOException {
        ClassFile cf = ClassFile.of();
        CodeTransform dropNames = (builder, e) -> {
            // The table attributes are written from these pseudo-instructions: without them, none.
            if (!(e instanceof LocalVariable || e instanceof LocalVariableType)) {
                builder.with(e);
            }
        };
        try (var files = Files.list(CORPUS)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("HelpfulNpe")).toList()) {
                byte[] stripped = cf.transformClass(cf.parse(f), ClassTransform.transformingMethodBodies(dropNames));
                Files.write(dir.resolve(f.getFileName()), stripped);
            }
        }
        GuestRun hotspot = GuestRun.hotspot(120, List.of(), dir, Path.of("/dev/null"), "HelpfulNpe");
        GuestRun toyvm = GuestRun.toyvm(GuestRun.options(dir, "16m"), "HelpfulNpe");
        assertTrue(hotspot.stdout().contains("because \"<local") && hotspot.stdout().contains("\"<parameter1>"),
                "the stripped classes still name their locals:\n" + hotspot.stdout());
        assertEquals(hotspot.stdout(), toyvm.stdout(), "stdout; toyvm stderr:\n" + toyvm.stderr());
        assertEquals(CorpusTest.ownFrames(hotspot.stderr()), CorpusTest.ownFrames(toyvm.stderr()), "stderr");
        assertEquals(hotspot.status(), toyvm.status(), toyvm.stderr());
    }
}
