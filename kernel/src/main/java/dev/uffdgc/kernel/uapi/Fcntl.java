package dev.uffdgc.kernel.uapi;

/** Constants of {@code <fcntl.h>} for x86_64, named as in {@code uapi/asm-generic/fcntl.h} and {@code uapi/linux/falloc.h}. */
public final class Fcntl {
    private Fcntl() {
    }

    public static final int O_RDONLY = 00;
    public static final int O_WRONLY = 01;
    public static final int O_RDWR = 02;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_TRUNC = 01000;
    public static final int O_NONBLOCK = 04000;
    public static final int O_CLOEXEC = 02000000;

    /** fallocate(2) mode 0: allocate and zero-fill, extending the file size. */
    public static final int FALLOC_FL_DEFAULT = 0x00;
    public static final int FALLOC_FL_KEEP_SIZE = 0x01;
}
