package dev.uffdgc.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * A file descriptor opened with open(2) through FFM, for the few files where the JDK's I/O is the wrong tool:
 * positional reads straight into native memory (pagemap, with no copy and no allocation per read) and
 * fallocate(2) (swapfiles). Not thread-safe to close while another thread reads.
 */
public final class NativeFile implements AutoCloseable {
    private final Path path;
    private int fd;

    private NativeFile(Path path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    /** {@code open(path, flags, mode)} with the {@code O_*} flags of {@link dev.uffdgc.kernel.uapi.Fcntl}. */
    public static NativeFile open(Path path, int flags, int mode) {
        MemorySegment st = Libc.state();
        int fd;
        try (Arena arena = Arena.ofConfined()) {
            fd = (int) Libc.Open.HANDLE.invokeExact(st, arena.allocateFrom(path.toString()), flags, mode);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (fd < 0) {
            int errno = Libc.errno(st);
            throw new KernelException("open(" + path + ")", errno, switch (Errno.of(errno)) {
                case ENOENT -> "the file or a directory on its path does not exist";
                case EACCES, EPERM -> "not allowed to open it with these flags";
                case EEXIST -> "O_CREAT|O_EXCL and the file already exists";
                case null, default -> "";
            });
        }
        return new NativeFile(path, fd);
    }

    public int fd() {
        return fd;
    }

    public Path path() {
        return path;
    }

    /** One {@code pread(fd, buffer, buffer.byteSize(), offset)}; returns the bytes read (0 at end of file). */
    public long pread(MemorySegment buffer, long offset) {
        MemorySegment st = Libc.state();
        long n;
        try {
            n = (long) Libc.Pread.HANDLE.invokeExact(st, fd, buffer, buffer.byteSize(), offset);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (n < 0) {
            throw new KernelException("pread(" + path + ", offset=" + offset + ")", Libc.errno(st), "");
        }
        return n;
    }

    /** Fills {@code buffer} from {@code offset}, repeating short reads; fails if the file ends first. */
    public void preadFully(MemorySegment buffer, long offset) {
        long done = pread(buffer, offset); // the whole buffer in one call, as pagemap and /proc files do
        while (done < buffer.byteSize()) {
            long n = pread(buffer.asSlice(done), offset + done);
            if (n == 0) {
                throw new IllegalStateException("pread(" + path + "): end of file after " + done + " of "
                        + buffer.byteSize() + " bytes at offset " + offset);
            }
            done += n;
        }
    }

    /** {@code fallocate(fd, mode, offset, length)}: reserve real blocks (a swapfile must not have holes). */
    public void fallocate(int mode, long offset, long length) {
        MemorySegment st = Libc.state();
        int r;
        try {
            r = (int) Libc.Fallocate.HANDLE.invokeExact(st, fd, mode, offset, length);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (r != 0) {
            int errno = Libc.errno(st);
            throw new KernelException("fallocate(" + path + ", length=" + length + ")", errno,
                    switch (Errno.of(errno)) {
                        case EOPNOTSUPP -> "this filesystem cannot preallocate; write zeros instead";
                        case ENOSPC -> "not enough free space on the filesystem";
                        case null, default -> "";
                    });
        }
    }

    /**
     * {@code ioctl(fd, request, arg)}: the call's non-negative result; -1 becomes a {@link KernelException} naming
     * {@code name} (the request as the uapi spells it) and the errno.
     */
    public int ioctl(String name, long request, MemorySegment arg) {
        MemorySegment st = Libc.state();
        int r;
        try {
            r = (int) Libc.Ioctl.HANDLE.invokeExact(st, fd, request, arg);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (r < 0) {
            int errno = Libc.errno(st);
            throw new KernelException("ioctl(" + path + ", " + name + ")", errno, switch (Errno.of(errno)) {
                case ENOTTY -> "this kernel does not know the request (PAGEMAP_SCAN needs Linux 6.7+, PROCMAP_QUERY 6.11+)";
                case ENOENT -> "no mapping at or above the address (PROCMAP_QUERY)";
                case EINVAL -> "bad arguments (range not page-aligned, or an unknown flag or category)";
                case null, default -> "";
            });
        }
        return r;
    }

    /** Idempotent. */
    @Override
    public void close() {
        if (fd < 0) {
            return;
        }
        int old = fd;
        fd = -1;
        MemorySegment st = Libc.state();
        try {
            int r = (int) Libc.Close.HANDLE.invokeExact(st, old);
            if (r != 0) {
                throw new KernelException("close(" + path + ")", Libc.errno(st), "");
            }
        } catch (KernelException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
