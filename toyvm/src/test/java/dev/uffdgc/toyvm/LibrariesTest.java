package dev.uffdgc.toyvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unmodified libraries from Maven Central on the guest: a small program (src/test/libs) exercising each,
 * compiled here against the library's jar (copied into target/guest-libs by the build), run on HotSpot and on
 * toyvm with the jar on the class path: stdout, exit status and stderr (as CorpusTest compares it) identical.
 * commons-cli 1.0 is a version-45 class file (no stack maps): it also covers loading classes of the oldest
 * format; the others are current: commons-cli 1.9.0, commons-lang3 3.18.0, jsoup, commons-csv (which needs
 * commons-io and commons-codec on the class path: a case names several jars joined by '+'), commons-math3, and two
 * that read annotations the way frameworks do (annotation instances, defaults, parameter annotations, generic
 * signatures, enum constants' fields): Gson 2.15 and picocli 4.7.
 */
class LibrariesTest {
    private static final Path LIBS = Path.of(System.getProperty("toyvm.guestLibs", "target/guest-libs"));

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"CliTool,commons-cli-1.0.jar", "CliTool,commons-cli-1.9.0.jar", "CliModern,commons-cli-1.9.0.jar",
            "LangTool,commons-lang3-3.18.0.jar", "JsoupTool,jsoup-1.24.1.jar",
            "CsvTool,commons-csv-1.14.1.jar+commons-io-2.21.0.jar+commons-codec-1.20.0.jar",
            "MathTool,commons-math3-3.6.1.jar", "GsonTool,gson-2.15.0.jar", "PicoTool,picocli-4.7.7.jar"})
    @Timeout(180)
    void aProgramUsingTheLibraryPrintsWhatHotSpotPrints(String program, String jars, @TempDir Path dir) {
        List<String> libs = new java.util.ArrayList<>();
        for (String jar : jars.split("\\+")) { // a library and the libraries it needs
            Path lib = LIBS.resolve(jar);
            assertTrue(Files.isRegularFile(lib), lib + " missing: the build's dependency:copy (guest-libraries) puts it there");
            libs.add(lib.toString());
        }
        String lib = String.join(File.pathSeparator, libs);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-nowarn", "-d", dir.toString(), "-cp", lib,
                Path.of("src/test/libs", program + ".java").toString());
        assertEquals(0, rc, "javac " + program + ":\n" + diagnostics);
        Path cp = Path.of(dir + File.pathSeparator + lib);
        GuestRun hotspot = GuestRun.hotspot(120, List.of(), cp, Path.of("/dev/null"), program);
        VmOptions options = GuestRun.options(cp, "32m");
        options.verifyGc = true;
        GuestRun toyvm = GuestRun.toyvm(options, (Path) null, program);
        assertEquals(0, hotspot.status(), hotspot.stderr());
        assertEquals(hotspot.stdout(), toyvm.stdout(), program + " stdout; toyvm stderr:\n" + toyvm.stderr());
        assertEquals(hotspot.status(), toyvm.status(), toyvm.stderr());
        assertEquals(CorpusTest.ownFrames(hotspot.stderr()), CorpusTest.ownFrames(toyvm.stderr()));
    }
}
