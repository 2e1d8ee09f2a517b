package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.Libc.C_INT;
import static dev.uffdgc.kernel.Libc.C_LONG;
import static dev.uffdgc.kernel.Libc.C_POINTER;
import static dev.uffdgc.kernel.Libc.C_SIZE_T;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * libc's file calls on raw addresses, for a VM whose guest library (the JDK's sun.nio.fs and sun.nio.ch) has
 * already put its arguments into native memory: a path is the address of a NUL-terminated string, a buffer an
 * address and a length, a directory stream the {@code DIR *} that {@link #opendir} returned. Each call is the
 * libc function of the same name and returns what it returns, or {@code -errno} when it fails — the errno the
 * guest's {@code UnixException} is made of. Pointers returned are addresses; 0 is NULL.
 *
 * <p>Nothing here checks an address: the caller passes only native memory it owns.
 */
public final class PosixFiles {
    private PosixFiles() {
    }

    private static MethodHandle fixed(String name, FunctionDescriptor fd) {
        return Libc.LINKER.downcallHandle(Libc.LINKER.defaultLookup().findOrThrow(name), fd,
                Linker.Option.captureCallState("errno"));
    }

    private static MethodHandle variadic(String name, FunctionDescriptor fd, int firstVariadic) {
        return Libc.LINKER.downcallHandle(Libc.LINKER.defaultLookup().findOrThrow(name), fd,
                Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(firstVariadic));
    }

    private static final FunctionDescriptor INT_PTR = FunctionDescriptor.of(C_INT, C_POINTER);
    private static final FunctionDescriptor INT_PTR_PTR = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
    private static final FunctionDescriptor INT_PTR_INT = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
    private static final FunctionDescriptor INT_INT = FunctionDescriptor.of(C_INT, C_INT);
    private static final FunctionDescriptor INT_INT_INT = FunctionDescriptor.of(C_INT, C_INT, C_INT);
    private static final FunctionDescriptor SSIZE_INT_PTR_SIZE = FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_SIZE_T);
    private static final FunctionDescriptor SSIZE_INT_PTR_SIZE_OFF =
            FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_SIZE_T, C_LONG);

    // One holder class per handle: linking spins a class (10-20 ms here), paid only for the calls a program makes.
    private static final class Openat {
        static final MethodHandle H = variadic("openat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_INT), 3);
    }

    private static final class Write {
        static final MethodHandle H = fixed("write", SSIZE_INT_PTR_SIZE);
    }

    private static final class Pwrite {
        static final MethodHandle H = fixed("pwrite", SSIZE_INT_PTR_SIZE_OFF);
    }

    private static final class Lseek {
        static final MethodHandle H = fixed("lseek", FunctionDescriptor.of(C_LONG, C_INT, C_LONG, C_INT));
    }

    private static final class Ftruncate {
        static final MethodHandle H = fixed("ftruncate", FunctionDescriptor.of(C_INT, C_INT, C_LONG));
    }

    private static final class Fsync {
        static final MethodHandle H = fixed("fsync", INT_INT);
    }

    private static final class Fdatasync {
        static final MethodHandle H = fixed("fdatasync", INT_INT);
    }

    private static final class Dup {
        static final MethodHandle H = fixed("dup", INT_INT);
    }

    private static final class StatH {
        static final MethodHandle H = fixed("stat", INT_PTR_PTR);
    }

    private static final class Lstat {
        static final MethodHandle H = fixed("lstat", INT_PTR_PTR);
    }

    private static final class Fstat {
        static final MethodHandle H = fixed("fstat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER));
    }

    private static final class Fstatat {
        static final MethodHandle H = fixed("fstatat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER, C_INT));
    }

    private static final class Statvfs {
        static final MethodHandle H = fixed("statvfs", INT_PTR_PTR);
    }

    private static final class Mkdir {
        static final MethodHandle H = fixed("mkdir", INT_PTR_INT);
    }

    private static final class Rmdir {
        static final MethodHandle H = fixed("rmdir", INT_PTR);
    }

    private static final class Unlink {
        static final MethodHandle H = fixed("unlink", INT_PTR);
    }

    private static final class Unlinkat {
        static final MethodHandle H = fixed("unlinkat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT));
    }

    private static final class Rename {
        static final MethodHandle H = fixed("rename", INT_PTR_PTR);
    }

    private static final class Renameat {
        static final MethodHandle H = fixed("renameat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_POINTER));
    }

    private static final class Link {
        static final MethodHandle H = fixed("link", INT_PTR_PTR);
    }

    private static final class Symlink {
        static final MethodHandle H = fixed("symlink", INT_PTR_PTR);
    }

    private static final class Readlink {
        static final MethodHandle H = fixed("readlink", FunctionDescriptor.of(C_LONG, C_POINTER, C_POINTER, C_SIZE_T));
    }

    private static final class Realpath {
        static final MethodHandle H = fixed("realpath", FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER));
    }

    private static final class Getcwd {
        static final MethodHandle H = fixed("getcwd", FunctionDescriptor.of(C_POINTER, C_POINTER, C_SIZE_T));
    }

    private static final class Access {
        static final MethodHandle H = fixed("access", INT_PTR_INT);
    }

    private static final class Chmod {
        static final MethodHandle H = fixed("chmod", INT_PTR_INT);
    }

    private static final class Fchmod {
        static final MethodHandle H = fixed("fchmod", INT_INT_INT);
    }

    private static final class Opendir {
        static final MethodHandle H = fixed("opendir", FunctionDescriptor.of(C_POINTER, C_POINTER));
    }

    private static final class Fdopendir {
        static final MethodHandle H = fixed("fdopendir", FunctionDescriptor.of(C_POINTER, C_INT));
    }

    private static final class Readdir {
        static final MethodHandle H = fixed("readdir", FunctionDescriptor.of(C_POINTER, C_POINTER));
    }

    private static final class ErrnoLocation {
        static final MethodHandle H = Libc.LINKER.downcallHandle(
                Libc.LINKER.defaultLookup().findOrThrow("__errno_location"), FunctionDescriptor.of(C_POINTER));
    }

    private static final class Closedir {
        static final MethodHandle H = fixed("closedir", INT_PTR);
    }

    private static final class Pathconf {
        static final MethodHandle H = fixed("pathconf", FunctionDescriptor.of(C_LONG, C_POINTER, C_INT));
    }

    private static final class PosixFadvise {
        static final MethodHandle H = fixed("posix_fadvise", FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_LONG, C_INT));
    }

    private static final class Strerror {
        static final MethodHandle H = Libc.LINKER.downcallHandle(Libc.LINKER.defaultLookup().findOrThrow("strerror"),
                FunctionDescriptor.of(C_POINTER, C_INT));
    }

    private static MemorySegment p(long address) {
        return MemorySegment.ofAddress(address);
    }

    private static int ret(int r, MemorySegment st) {
        return r < 0 ? -Libc.errno(st) : r;
    }

    private static long ret(long r, MemorySegment st) {
        return r < 0 ? -Libc.errno(st) : r;
    }

    /** A pointer result: its address, or {@code -errno} for NULL with errno set (0 for NULL without one). */
    private static long ptr(MemorySegment r, MemorySegment st) {
        return r.address() != 0 ? r.address() : -Libc.errno(st);
    }

    public static int open(long path, int flags, int mode) {
        MemorySegment st = Libc.state();
        try {
            return ret((int) Libc.Open.HANDLE.invokeExact(st, p(path), flags, mode), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int openat(int dfd, long path, int flags, int mode) {
        MemorySegment st = Libc.state();
        try {
            return ret((int) Openat.H.invokeExact(st, dfd, p(path), flags, mode), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int close(int fd) {
        MemorySegment st = Libc.state();
        try {
            return ret((int) Libc.Close.HANDLE.invokeExact(st, fd), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static long read(int fd, long buf, long count) {
        MemorySegment st = Libc.state();
        try {
            return ret((long) Libc.Read.HANDLE.invokeExact(st, fd, p(buf), count), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static long write(int fd, long buf, long count) {
        MemorySegment st = Libc.state();
        try {
            return ret((long) Write.H.invokeExact(st, fd, p(buf), count), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static long pread(int fd, long buf, long count, long offset) {
        MemorySegment st = Libc.state();
        try {
            return ret((long) Libc.Pread.HANDLE.invokeExact(st, fd, p(buf), count, offset), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static long pwrite(int fd, long buf, long count, long offset) {
        MemorySegment st = Libc.state();
        try {
            return ret((long) Pwrite.H.invokeExact(st, fd, p(buf), count, offset), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static long lseek(int fd, long offset, int whence) {
        MemorySegment st = Libc.state();
        try {
            return ret((long) Lseek.H.invokeExact(st, fd, offset, whence), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int ftruncate(int fd, long length) {
        MemorySegment st = Libc.state();
        try {
            return ret((int) Ftruncate.H.invokeExact(st, fd, length), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int fsync(int fd) {
        return intCall(Fsync.H, fd);
    }

    public static int fdatasync(int fd) {
        return intCall(Fdatasync.H, fd);
    }

    public static int dup(int fd) {
        return intCall(Dup.H, fd);
    }

    private static int intCall(MethodHandle h, int fd) {
        MemorySegment st = Libc.state();
        try {
            return ret((int) h.invokeExact(st, fd), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int fchmod(int fd, int mode) {
        MemorySegment st = Libc.state();
        try {
            return ret((int) Fchmod.H.invokeExact(st, fd, mode), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** {@code stat(path, statbuf)}; {@code statbuf} holds {@link dev.uffdgc.kernel.uapi.Stat#SIZEOF_STAT} bytes. */
    public static int stat(long path, MemorySegment statbuf) {
        return pathPtr(StatH.H, path, statbuf);
    }

    public static int lstat(long path, MemorySegment statbuf) {
        return pathPtr(Lstat.H, path, statbuf);
    }

    public static int fstat(int fd, MemorySegment statbuf) {
        MemorySegment st = Libc.state();
        try {
            return ret((int) Fstat.H.invokeExact(st, fd, statbuf), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int fstatat(int dfd, long path, MemorySegment statbuf, int flag) {
        MemorySegment st = Libc.state();
        try {
            return ret((int) Fstatat.H.invokeExact(st, dfd, p(path), statbuf, flag), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static int pathPtr(MethodHandle h, long path, MemorySegment other) {
        MemorySegment st = Libc.state();
        try {
            return ret((int) h.invokeExact(st, p(path), other), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static int pathInt(MethodHandle h, long path, int arg) {
        MemorySegment st = Libc.state();
        try {
            return ret((int) h.invokeExact(st, p(path), arg), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static int path(MethodHandle h, long path) {
        MemorySegment st = Libc.state();
        try {
            return ret((int) h.invokeExact(st, p(path)), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** {@code statvfs(path, buf)}; {@code buf} holds {@link dev.uffdgc.kernel.uapi.Stat#SIZEOF_STATVFS} bytes. */
    public static int statvfs(long path, MemorySegment buf) {
        return pathPtr(Statvfs.H, path, buf);
    }

    public static int mkdir(long path, int mode) {
        return pathInt(Mkdir.H, path, mode);
    }

    public static int rmdir(long path) {
        return path(Rmdir.H, path);
    }

    public static int unlink(long path) {
        return path(Unlink.H, path);
    }

    public static int unlinkat(int dfd, long path, int flag) {
        MemorySegment st = Libc.state();
        try {
            return ret((int) Unlinkat.H.invokeExact(st, dfd, p(path), flag), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int rename(long from, long to) {
        return pathPtr(Rename.H, from, p(to));
    }

    public static int renameat(int fromDfd, long from, int toDfd, long to) {
        MemorySegment st = Libc.state();
        try {
            return ret((int) Renameat.H.invokeExact(st, fromDfd, p(from), toDfd, p(to)), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int link(long existing, long newPath) {
        return pathPtr(Link.H, existing, p(newPath));
    }

    public static int symlink(long target, long linkPath) {
        return pathPtr(Symlink.H, target, p(linkPath));
    }

    public static long readlink(long path, MemorySegment buf) {
        MemorySegment st = Libc.state();
        try {
            return ret((long) Readlink.H.invokeExact(st, p(path), buf, buf.byteSize()), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** {@code realpath(path, resolved)}: 0, or {@code -errno}; {@code resolved} holds PATH_MAX (4096) bytes. */
    public static int realpath(long path, MemorySegment resolved) {
        MemorySegment st = Libc.state();
        try {
            long r = ptr((MemorySegment) Realpath.H.invokeExact(st, p(path), resolved), st);
            return r < 0 ? (int) r : 0;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int getcwd(MemorySegment buf) {
        MemorySegment st = Libc.state();
        try {
            long r = ptr((MemorySegment) Getcwd.H.invokeExact(st, buf, buf.byteSize()), st);
            return r < 0 ? (int) r : 0;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int access(long path, int mode) {
        return pathInt(Access.H, path, mode);
    }

    public static int chmod(long path, int mode) {
        return pathInt(Chmod.H, path, mode);
    }

    /** {@code opendir(path)}: the {@code DIR *}, or {@code -errno}. */
    public static long opendir(long path) {
        MemorySegment st = Libc.state();
        try {
            return ptr((MemorySegment) Opendir.H.invokeExact(st, p(path)), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static long fdopendir(int fd) {
        MemorySegment st = Libc.state();
        try {
            return ptr((MemorySegment) Fdopendir.H.invokeExact(st, fd), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * {@code readdir(dir)}: the {@code struct dirent *} (its name at {@link dev.uffdgc.kernel.uapi.Stat#d_name}),
     * 0 at the end of the stream, or {@code -errno}. errno is set to 0 just before, as readdir(3) asks of a
     * caller that must tell the end from an error (the captured errno is the thread's C errno after the call).
     */
    public static long readdir(long dir) {
        MemorySegment st = Libc.state();
        try {
            ((MemorySegment) ErrnoLocation.H.invokeExact()).reinterpret(4).set(C_INT, 0, 0);
            return ptr((MemorySegment) Readdir.H.invokeExact(st, p(dir)), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    public static int closedir(long dir) {
        return path(Closedir.H, dir);
    }

    public static long pathconf(long path, int name) {
        MemorySegment st = Libc.state();
        try {
            return ret((long) Pathconf.H.invokeExact(st, p(path), name), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** {@code ioctl(fd, request, arg)} with a pointer argument (e.g. FIONREAD into an int). */
    public static int ioctl(int fd, long request, MemorySegment arg) {
        MemorySegment st = Libc.state();
        try {
            return ret((int) Libc.Ioctl.HANDLE.invokeExact(st, fd, request, arg), st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** {@code posix_fadvise(fd, offset, len, advice)}: 0 or the error number (it does not use errno). */
    public static int posix_fadvise(int fd, long offset, long len, int advice) {
        try {
            return (int) PosixFadvise.H.invokeExact(Libc.state(), fd, offset, len, advice);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** {@code pathconf(path, name)} for a host path string (java.io.File's getNameMax). */
    public static long pathconf(String path, int name) {
        try (java.lang.foreign.Arena a = java.lang.foreign.Arena.ofConfined()) {
            return pathconf(a.allocateFrom(path).address(), name);
        }
    }

    /** {@code strerror(errnum)}: the C library's message, as the JDK's natives put into their exceptions. */
    public static String strerror(int errnum) {
        try {
            return ((MemorySegment) Strerror.H.invokeExact(errnum)).reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
