package dev.uffdgc.kernel.uapi;

/**
 * The ioctl request-number encoding of {@code include/uapi/asm-generic/ioctl.h}, which x86_64 uses.
 *
 * <p>A request packs direction, size, type and number: {@code dir << 30 | size << 16 | type << 8 | nr}. The
 * userfaultfd ioctls are built with these so that a new one (e.g. {@code UFFDIO_MOVE}) is one line that reads
 * like the C header, instead of a magic number copied from somewhere.
 */
public final class Ioctl {
    private Ioctl() {
    }

    public static final int _IOC_NRBITS = 8;
    public static final int _IOC_TYPEBITS = 8;
    public static final int _IOC_SIZEBITS = 14;
    public static final int _IOC_DIRBITS = 2;

    public static final int _IOC_NRSHIFT = 0;
    public static final int _IOC_TYPESHIFT = _IOC_NRSHIFT + _IOC_NRBITS;
    public static final int _IOC_SIZESHIFT = _IOC_TYPESHIFT + _IOC_TYPEBITS;
    public static final int _IOC_DIRSHIFT = _IOC_SIZESHIFT + _IOC_SIZEBITS;

    public static final int _IOC_NONE = 0;
    public static final int _IOC_WRITE = 1;
    public static final int _IOC_READ = 2;

    /**
     * {@code _IOC(dir, type, nr, size)}. Returned as a non-negative long because the request is an
     * {@code unsigned long} in {@code ioctl(2)}: as a Java int, {@code _IOWR} numbers would be negative and
     * sign-extend into a different request.
     */
    public static long _IOC(int dir, int type, int nr, long size) {
        if (size < 0 || size >= 1L << _IOC_SIZEBITS) {
            throw new IllegalArgumentException("ioctl argument size does not fit in " + _IOC_SIZEBITS + " bits: " + size);
        }
        return ((long) dir << _IOC_DIRSHIFT) | (size << _IOC_SIZESHIFT)
                | ((long) type << _IOC_TYPESHIFT) | ((long) nr << _IOC_NRSHIFT);
    }

    public static long _IO(int type, int nr) {
        return _IOC(_IOC_NONE, type, nr, 0);
    }

    public static long _IOR(int type, int nr, long size) {
        return _IOC(_IOC_READ, type, nr, size);
    }

    public static long _IOW(int type, int nr, long size) {
        return _IOC(_IOC_WRITE, type, nr, size);
    }

    public static long _IOWR(int type, int nr, long size) {
        return _IOC(_IOC_READ | _IOC_WRITE, type, nr, size);
    }
}
