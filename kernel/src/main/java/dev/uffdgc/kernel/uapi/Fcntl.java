package dev.uffdgc.kernel.uapi;

/** The {@code open(2)} flags this module uses, x86_64 values from {@code uapi/asm-generic/fcntl.h} (octal there). */
public final class Fcntl {
    private Fcntl() {
    }

    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 01;
    public static final int O_RDWR = 02;
    public static final int O_NONBLOCK = 04000;
    public static final int O_CLOEXEC = 02000000;
}
