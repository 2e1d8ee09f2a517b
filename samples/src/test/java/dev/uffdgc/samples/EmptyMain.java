package dev.uffdgc.samples;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_void;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A guest program that does nothing: {@code public static void main(String[]) { return; }}, written as a class
 * file so it is on no class path but its own. Running it measures a VM's start-up and shut-down, which
 * {@link InterpBench} subtracts to compare the two interpreters themselves.
 */
final class EmptyMain {
    static final String NAME = "EmptyMain";

    private EmptyMain() {}

    /** Writes EmptyMain.class into dir and returns dir, the class path to run it from. */
    static Path writeInto(Path dir) throws IOException {
        byte[] bytes = ClassFile.of().build(ClassDesc.of(NAME), c -> c
                .withSuperclass(CD_Object)
                .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)
                .withMethodBody("main", MethodTypeDesc.of(CD_void, CD_String.arrayType()),
                        ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code -> code.return_()));
        Files.write(dir.resolve(NAME + ".class"), bytes);
        return dir;
    }
}
