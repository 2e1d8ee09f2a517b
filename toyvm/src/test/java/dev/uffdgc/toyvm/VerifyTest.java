package dev.uffdgc.toyvm;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_void;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class HotSpot's verifier rejects, toyvm rejects the same way (VerifyError when the class links, catchable,
 * and uncaught it ends the program like HotSpot's) instead of running it: here an int returned as a reference.
 * And a class whose verification needs a class missing from the class path fails as HotSpot's does, with a
 * NoClassDefFoundError naming the missing class (a stranger's program run without one of its library's
 * dependencies: commons-csv without commons-io).
 */
class VerifyTest {
    private static final ClassDesc BAD = ClassDesc.of("BadInt");
    private static final ClassDesc PS = ClassDesc.of("java.io.PrintStream");
    private static final MethodTypeDesc GET = MethodTypeDesc.of(CD_Object);
    private static final MethodTypeDesc PRINTLN = MethodTypeDesc.of(CD_void, CD_String);

    @Test
    @Timeout(120)
    void aClassThatFailsVerificationIsAVerifyErrorAsOnHotSpot(@TempDir Path dir) throws IOException {
        // BadInt.get() returns the int 1 as an Object: HotSpot's verifier says "Bad type on operand stack".
        Files.write(dir.resolve("BadInt.class"), ClassFile.of().build(BAD, cb -> cb.withMethodBody("get", GET,
                ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code -> code.iconst_1().areturn())));
        ClassDesc main = ClassDesc.of("VerifyMain");
        Files.write(dir.resolve("VerifyMain.class"), ClassFile.of().build(main, cb -> cb.withMethodBody("main",
                MethodTypeDesc.of(CD_void, CD_String.arrayType()), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                code -> code.trying(
                        b -> b.invokestatic(BAD, "get", GET).pop()
                                .getstatic(ClassDesc.of("java.lang.System"), "out", PS).ldc("ran").invokevirtual(PS, "println", PRINTLN),
                        c -> c.catching(ClassDesc.of("java.lang.VerifyError"), h -> h.pop()
                                .getstatic(ClassDesc.of("java.lang.System"), "out", PS).ldc("VerifyError caught")
                                .invokevirtual(PS, "println", PRINTLN)))
                        .invokestatic(BAD, "get", GET).pop().return_())));
        GuestRun hotspot = GuestRun.hotspot(dir, "VerifyMain");
        GuestRun toyvm = GuestRun.toyvm(GuestRun.options(dir, null), "VerifyMain");
        assertEquals("VerifyError caught\n", hotspot.stdout(), hotspot.stderr());
        assertEquals(hotspot.stdout(), toyvm.stdout(), toyvm.stderr());
        assertEquals(hotspot.status(), toyvm.status(), toyvm.stderr());
        String uncaught = "Exception in thread \"main\" java.lang.VerifyError: ";
        assertTrue(hotspot.firstErrorLine().startsWith(uncaught), hotspot.stderr());
        assertTrue(toyvm.firstErrorLine().startsWith(uncaught), toyvm.stderr());
        assertTrue(toyvm.firstErrorLine().contains("get"), "the message names the method: " + toyvm.firstErrorLine());
    }

    @Test
    @Timeout(120)
    void aClassMissingWhileVerifyingIsANoClassDefFoundErrorAsOnHotSpot(@TempDir Path dir) throws IOException {
        // Maker.make() returns a new Gone as an OutputStream: the verifier must load Gone to see that it is one,
        // and Gone.class is not on the class path.
        ClassDesc gone = ClassDesc.of("Gone");
        ClassDesc maker = ClassDesc.of("Maker");
        MethodTypeDesc make = MethodTypeDesc.of(ClassDesc.of("java.io.OutputStream"));
        Files.write(dir.resolve("Maker.class"), ClassFile.of().build(maker, cb -> cb.withMethodBody("make", make,
                ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                code -> code.new_(gone).dup().invokespecial(gone, "<init>", MethodTypeDesc.of(CD_void)).areturn())));
        ClassDesc main = ClassDesc.of("MissingMain");
        ClassDesc ncdfe = ClassDesc.of("java.lang.NoClassDefFoundError");
        Files.write(dir.resolve("MissingMain.class"), ClassFile.of().build(main, cb -> cb.withMethodBody("main",
                MethodTypeDesc.of(CD_void, CD_String.arrayType()), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                code -> code.trying(
                        b -> b.invokestatic(maker, "make", make).pop()
                                .getstatic(ClassDesc.of("java.lang.System"), "out", PS).ldc("ran").invokevirtual(PS, "println", PRINTLN),
                        c -> c.catching(ncdfe, h -> h
                                .invokevirtual(ncdfe, "getMessage", MethodTypeDesc.of(CD_String)).astore(1)
                                .getstatic(ClassDesc.of("java.lang.System"), "out", PS).aload(1)
                                .invokevirtual(PS, "println", PRINTLN)))
                        .invokestatic(maker, "make", make).pop().return_())));
        GuestRun hotspot = GuestRun.hotspot(dir, "MissingMain");
        GuestRun toyvm = GuestRun.toyvm(GuestRun.options(dir, null), "MissingMain");
        assertEquals("Gone\n", hotspot.stdout(), hotspot.stderr());
        assertEquals(hotspot.stdout(), toyvm.stdout(), toyvm.stderr());
        assertEquals(hotspot.status(), toyvm.status(), toyvm.stderr());
        assertEquals(hotspot.firstErrorLine(), toyvm.firstErrorLine(), toyvm.stderr());
    }
}
