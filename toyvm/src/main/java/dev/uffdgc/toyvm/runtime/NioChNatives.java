package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.uffdgc.kernel.Errno;
import dev.uffdgc.kernel.PosixFiles;
import dev.uffdgc.kernel.uapi.Stat;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.LongSupplier;

/**
 * sun.nio.ch's natives for files (FileChannelImpl over UnixFileDispatcherImpl, IOUtil, NativeThread): what
 * Files.newInputStream/newOutputStream/newByteChannel/readAllBytes/write and Files.copy run on. Each is the JDK's C
 * code's system call through {@link PosixFiles}, with its return conventions: {@code IOStatus.EOF} for a read of 0
 * bytes, {@code IOStatus.INTERRUPTED} for EINTR (the Java side retries), {@code IOStatus.UNAVAILABLE} for EAGAIN,
 * and otherwise an IOException whose message is the C library's error string. Reads and writes touch only native
 * memory (the JDK copies heap buffers through a temporary direct one) and run BLOCKED.
 *
 * <p>{@code NativeThread.current0} answers 0, the JDK's "this platform cannot signal native threads": closing a
 * channel does not interrupt another thread's blocking read (a file read does not block for long).
 * {@code transferTo0}/{@code transferFrom0} answer {@code IOStatus.UNSUPPORTED}: FileChannel.transferTo/From take
 * the JDK's own read/write loop.
 */
final class NioChNatives {
    private static final String IO = "sun/nio/ch/IOUtil";
    private static final String FD = "Ljava/io/FileDescriptor;";
    // sun.nio.ch.IOStatus.
    private static final int IOS_EOF = -1;
    private static final int IOS_UNAVAILABLE = -2;
    private static final int IOS_INTERRUPTED = -3;
    private static final int IOS_UNSUPPORTED = -4;
    private static final int EINTR = Errno.EINTR.number();
    private static final int EAGAIN = Errno.EAGAIN.number();
    private static final int SEEK_SET = 0;
    private static final int SEEK_CUR = 1;
    private static final int SEEK_END = 2;
    /** {@code FIONREAD} of {@code asm-generic/ioctls.h}. */
    private static final long FIONREAD = 0x541B;
    /** sysconf(_SC_IOV_MAX) on Linux: the kernel's UIO_MAXIOV ({@code uapi/linux/uio.h}). */
    private static final int UIO_MAXIOV = 1024;

    private final Vm vm;
    private final DirectMemory native_;

    private NioChNatives(Vm vm, DirectMemory nativeMemory) {
        this.vm = vm;
        this.native_ = nativeMemory;
    }

    static void register(Vm vm, Intrinsics r, DirectMemory nativeMemory) {
        NioChNatives n = new NioChNatives(vm, nativeMemory);
        r.add(IO, "initIDs()V", (t, b) -> { });
        r.add(IO, "iovMax()I", (t, b) -> t.prims[b] = UIO_MAXIOV);
        // The JDK's IOUtil.c: LONG_MAX on Linux (INT_MAX only on macOS).
        r.add(IO, "writevMax()J", (t, b) -> t.prims[b] = Long.MAX_VALUE);
        r.add(IO, "fdVal(" + FD + ")I", (t, b) -> t.prims[b] = n.fd(t, b));
        r.add(IO, "setfdVal(" + FD + "I)V", (t, b) -> vm.mem.putInt(ObjectLayout.offset(t.refs[b]) + n.fdOffset(), (int) t.prims[b + 1]));
        String nt = "sun/nio/ch/NativeThread";
        r.add(nt, "init()V", (t, b) -> { });
        r.add(nt, "current0()J", (t, b) -> t.prims[b] = 0);
        r.add(nt, "supportPendingSignals0()Z", (t, b) -> t.prims[b] = 0);
        String ux = "sun/nio/ch/UnixDispatcher";
        r.add(ux, "init()V", (t, b) -> { });
        r.add(ux, "close0(" + FD + ")V", (t, b) -> n.close(t, n.fd(t, b)));
        String fdi = "sun/nio/ch/FileDispatcherImpl";
        r.add(fdi, "init0()V", (t, b) -> { });
        r.add(fdi, "transferTo0(" + FD + "JJ" + FD + "Z)J", (t, b) -> t.prims[b] = IOS_UNSUPPORTED);
        r.add(fdi, "transferFrom0(" + FD + FD + "JJZ)J", (t, b) -> t.prims[b] = IOS_UNSUPPORTED);
        String d = "sun/nio/ch/UnixFileDispatcherImpl";
        r.add(d, "read0(" + FD + "JI)I", (t, b) -> t.prims[b] = n.io(t, t.prims[b + 1], (int) t.prims[b + 3], true,
                fd -> PosixFiles.read(fd, t.prims[b + 1], (int) t.prims[b + 3]), n.fd(t, b)));
        r.add(d, "pread0(" + FD + "JIJ)I", (t, b) -> t.prims[b] = n.io(t, t.prims[b + 1], (int) t.prims[b + 3], true,
                fd -> PosixFiles.pread(fd, t.prims[b + 1], (int) t.prims[b + 3], t.prims[b + 4]), n.fd(t, b)));
        r.add(d, "write0(" + FD + "JI)I", (t, b) -> t.prims[b] = n.io(t, t.prims[b + 1], (int) t.prims[b + 3], false,
                fd -> PosixFiles.write(fd, t.prims[b + 1], (int) t.prims[b + 3]), n.fd(t, b)));
        r.add(d, "pwrite0(" + FD + "JIJ)I", (t, b) -> t.prims[b] = n.io(t, t.prims[b + 1], (int) t.prims[b + 3], false,
                fd -> PosixFiles.pwrite(fd, t.prims[b + 1], (int) t.prims[b + 3], t.prims[b + 4]), n.fd(t, b)));
        r.add(d, "seek0(" + FD + "J)J", (t, b) -> {
            int fd = n.fd(t, b);
            long offset = t.prims[b + 1];
            t.prims[b] = n.handle(t, () -> offset < 0 ? PosixFiles.lseek(fd, 0, SEEK_CUR) : PosixFiles.lseek(fd, offset, SEEK_SET));
        });
        r.add(d, "truncate0(" + FD + "J)I", (t, b) -> {
            int fd = n.fd(t, b);
            t.prims[b] = n.handle(t, () -> PosixFiles.ftruncate(fd, t.prims[b + 1]));
        });
        r.add(d, "force0(" + FD + "Z)I", (t, b) -> {
            int fd = n.fd(t, b);
            boolean metaData = t.prims[b + 1] != 0;
            t.prims[b] = n.handle(t, () -> metaData ? PosixFiles.fsync(fd) : PosixFiles.fdatasync(fd));
        });
        r.add(d, "size0(" + FD + ")J", (t, b) -> {
            int fd = n.fd(t, b);
            try (Arena a = Arena.ofConfined()) {
                MemorySegment st = a.allocate(Stat.SIZEOF_STAT, 8);
                long rc = n.handle(t, () -> PosixFiles.fstat(fd, st));
                t.prims[b] = rc < 0 ? rc : st.get(JAVA_LONG, Stat.st_size);
            }
        });
        r.add(d, "available0(" + FD + ")I", (t, b) -> t.prims[b] = n.available(t, n.fd(t, b)));
        r.add(d, "closeIntFD(I)V", (t, b) -> n.close(t, (int) t.prims[b]));
    }

    private interface FdCall {
        long call(int fd);
    }

    private int fdOffset() {
        return vm.classes.load("java/io/FileDescriptor").findField("fd").offset;
    }

    /** The {@code fd} of the guest FileDescriptor in slot {@code slot}. */
    private int fd(VmThread t, int slot) {
        if (t.refs[slot] == 0) {
            throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
        }
        return vm.mem.getInt(ObjectLayout.offset(t.refs[slot]) + fdOffset());
    }

    /** The JDK's convertReturnVal for a read or write of native memory, run BLOCKED. */
    private int io(VmThread t, long buf, int len, boolean reading, FdCall call, int fd) {
        native_.raw(t, buf, len);
        long rc;
        vm.safepoints.block(t);
        try {
            rc = call.call(fd);
        } finally {
            vm.safepoints.unblock(t);
        }
        if (rc > 0) {
            return (int) rc;
        }
        if (rc == 0) {
            return reading ? IOS_EOF : 0;
        }
        if (-rc == EAGAIN) {
            return IOS_UNAVAILABLE;
        }
        if (-rc == EINTR) {
            return IOS_INTERRUPTED;
        }
        throw ioException(t, (int) -rc);
    }

    /** The JDK's handle(): the result, INTERRUPTED for EINTR, an IOException for any other errno. */
    private long handle(VmThread t, LongSupplier call) {
        long rc = call.getAsLong();
        if (rc >= 0) {
            return rc;
        }
        if (-rc == EINTR) {
            return IOS_INTERRUPTED;
        }
        throw ioException(t, (int) -rc);
    }

    /**
     * The JDK's available0: FIONREAD for a character device, FIFO or socket; otherwise the bytes between the
     * position and the end (capped at Integer.MAX_VALUE), found with three lseeks.
     */
    private int available(VmThread t, int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(Stat.SIZEOF_STAT, 8);
            if (PosixFiles.fstat(fd, st) >= 0) {
                int type = st.get(java.lang.foreign.ValueLayout.JAVA_INT, Stat.st_mode) & Stat.S_IFMT;
                if (type == Stat.S_IFCHR || type == Stat.S_IFIFO || type == Stat.S_IFSOCK) {
                    MemorySegment n = a.allocate(java.lang.foreign.ValueLayout.JAVA_INT);
                    if (PosixFiles.ioctl(fd, FIONREAD, n) >= 0) {
                        return n.get(java.lang.foreign.ValueLayout.JAVA_INT, 0);
                    }
                }
            }
        }
        long current = handle(t, () -> PosixFiles.lseek(fd, 0, SEEK_CUR));
        long end = handle(t, () -> PosixFiles.lseek(fd, 0, SEEK_END));
        handle(t, () -> PosixFiles.lseek(fd, current, SEEK_SET));
        return (int) Math.min(end - current, Integer.MAX_VALUE);
    }

    private void close(VmThread t, int fd) {
        if (fd != -1) {
            int rc = PosixFiles.close(fd);
            if (rc < 0 && -rc != EINTR) {
                throw ioException(t, -rc);
            }
        }
    }

    /** JNU_ThrowIOExceptionWithLastError: an IOException whose message is strerror(errno). */
    private RuntimeException ioException(VmThread t, int errno) {
        return vm.throwing.raise(t, "java/io/IOException", PosixFiles.strerror(errno));
    }
}
