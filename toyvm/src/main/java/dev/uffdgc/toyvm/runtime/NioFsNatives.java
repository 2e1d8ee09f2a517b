package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.uffdgc.kernel.Errno;
import dev.uffdgc.kernel.PosixFiles;
import dev.uffdgc.kernel.uapi.Stat;
import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.classfile.VmClass;
import dev.uffdgc.toyvm.thread.GuestException;
import dev.uffdgc.toyvm.thread.VmThread;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.IntSupplier;

/**
 * sun.nio.fs's natives (UnixNativeDispatcher, LinuxNativeDispatcher, UnixFileSystem's copy loop): java.nio.file on
 * the guest is the JDK's own provider, and each native here is the libc call the JDK's C code makes, through
 * {@link PosixFiles}. Paths and buffers arrive as native-memory addresses the guest's NativeBuffers filled
 * ({@link DirectMemory} checks them); a failing call raises the guest {@code UnixException(errno)}, which the JDK
 * turns into NoSuchFileException, AccessDeniedException... with HotSpot's messages. Calls that may wait (read,
 * write, the copy loop) run BLOCKED: they touch only native memory, so a collection need not wait for them.
 *
 * <p>Capabilities reported by {@code init}: the *at calls (openat, fstatat, unlinkat, renameat, fdopendir), as on
 * HotSpot/Linux; not birth time (statx) nor extended attributes, so {@code creationTime()} reads as the last
 * modification time and the user-defined attribute view is absent. {@code directCopy0} answers
 * {@code IOStatus.UNSUPPORTED}, which the JDK's contract allows: Files.copy then takes its buffered loop.
 */
final class NioFsNatives {
    private static final String D = "sun/nio/fs/UnixNativeDispatcher";
    private static final String ATTRS = "Lsun/nio/fs/UnixFileAttributes;";
    private static final int SUPPORTS_OPENAT = 1 << 1;
    /** sun.nio.ch.IOStatus.UNSUPPORTED. */
    private static final int IOS_UNSUPPORTED = -4;
    private static final int EINTR = Errno.EINTR.number();
    private static final int PATH_MAX = 4096;

    private final Vm vm;
    private final DirectMemory native_;

    private NioFsNatives(Vm vm, DirectMemory nativeMemory) {
        this.vm = vm;
        this.native_ = nativeMemory;
    }

    static void register(Vm vm, Intrinsics r, DirectMemory nativeMemory) {
        NioFsNatives n = new NioFsNatives(vm, nativeMemory);
        r.add(D, "init()I", (t, b) -> t.prims[b] = SUPPORTS_OPENAT);
        r.add(D, "fchmodatNoFollowSupported0()Z", (t, b) -> t.prims[b] = 0);
        r.add(D, "strerror(I)[B", (t, b) -> t.refs[b] = n.bytes(t, PosixFiles.strerror((int) t.prims[b]).getBytes()));
        r.add(D, "getcwd()[B", (t, b) -> {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment buf = a.allocate(PATH_MAX + 1);
                n.check(t, PosixFiles.getcwd(buf));
                t.refs[b] = n.bytes(t, cBytes(buf));
            }
        });
        r.add(D, "dup(I)I", (t, b) -> t.prims[b] = n.check(t, PosixFiles.dup((int) t.prims[b])));
        r.add(D, "open0(JII)I", (t, b) -> t.prims[b] = n.restartable(t,
                () -> PosixFiles.open(n.path(t, t.prims[b]), (int) t.prims[b + 2], (int) t.prims[b + 3])));
        r.add(D, "openat0(IJII)I", (t, b) -> t.prims[b] = n.restartable(t, () -> PosixFiles.openat((int) t.prims[b],
                n.path(t, t.prims[b + 1]), (int) t.prims[b + 3], (int) t.prims[b + 4])));
        r.add(D, "close0(I)V", (t, b) -> {
            // As the JDK's close0: EINTR is not retried (the descriptor is gone either way) and not reported.
            int rc = PosixFiles.close((int) t.prims[b]);
            if (rc < 0 && -rc != EINTR) {
                throw n.unix(t, -rc);
            }
        });
        r.add(D, "link0(JJ)V", (t, b) -> n.restartable(t, () -> PosixFiles.link(n.path(t, t.prims[b]), n.path(t, t.prims[b + 2]))));
        r.add(D, "unlink0(J)V", (t, b) -> n.check(t, PosixFiles.unlink(n.path(t, t.prims[b]))));
        r.add(D, "unlinkat0(IJI)V", (t, b) -> n.check(t,
                PosixFiles.unlinkat((int) t.prims[b], n.path(t, t.prims[b + 1]), (int) t.prims[b + 3])));
        r.add(D, "rename0(JJ)V", (t, b) -> n.check(t, PosixFiles.rename(n.path(t, t.prims[b]), n.path(t, t.prims[b + 2]))));
        r.add(D, "renameat0(IJIJ)V", (t, b) -> n.check(t, PosixFiles.renameat((int) t.prims[b], n.path(t, t.prims[b + 1]),
                (int) t.prims[b + 3], n.path(t, t.prims[b + 4]))));
        r.add(D, "mkdir0(JI)V", (t, b) -> n.check(t, PosixFiles.mkdir(n.path(t, t.prims[b]), (int) t.prims[b + 2])));
        r.add(D, "rmdir0(J)V", (t, b) -> n.check(t, PosixFiles.rmdir(n.path(t, t.prims[b]))));
        r.add(D, "symlink0(JJ)V", (t, b) -> n.check(t, PosixFiles.symlink(n.path(t, t.prims[b]), n.path(t, t.prims[b + 2]))));
        r.add(D, "readlink0(J)[B", (t, b) -> {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment buf = a.allocate(PATH_MAX + 1);
                long len = PosixFiles.readlink(n.path(t, t.prims[b]), buf);
                n.check(t, len);
                t.refs[b] = n.bytes(t, buf.asSlice(0, len).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
            }
        });
        r.add(D, "realpath0(J)[B", (t, b) -> {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment buf = a.allocate(PATH_MAX + 1);
                n.check(t, PosixFiles.realpath(n.path(t, t.prims[b]), buf));
                t.refs[b] = n.bytes(t, cBytes(buf));
            }
        });
        r.add(D, "stat0(J" + ATTRS + ")I", (t, b) -> t.prims[b] = n.stat(t, b + 2,
                buf -> restartableRaw(() -> PosixFiles.stat(n.path(t, t.prims[b]), buf)), false));
        r.add(D, "lstat0(J" + ATTRS + ")V", (t, b) -> n.stat(t, b + 2,
                buf -> restartableRaw(() -> PosixFiles.lstat(n.path(t, t.prims[b]), buf)), true));
        r.add(D, "fstat0(I" + ATTRS + ")V", (t, b) -> n.stat(t, b + 1,
                buf -> restartableRaw(() -> PosixFiles.fstat((int) t.prims[b], buf)), true));
        r.add(D, "fstatat0(IJI" + ATTRS + ")V", (t, b) -> n.stat(t, b + 4, buf -> restartableRaw(
                () -> PosixFiles.fstatat((int) t.prims[b], n.path(t, t.prims[b + 1]), buf, (int) t.prims[b + 3])), true));
        r.add(D, "statvfs0(JLsun/nio/fs/UnixFileStoreAttributes;)V", (t, b) -> {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment buf = a.allocate(Stat.SIZEOF_STATVFS, 8);
                n.restartable(t, () -> PosixFiles.statvfs(n.path(t, t.prims[b]), buf));
                VmClass c = vm.classes.load("sun/nio/fs/UnixFileStoreAttributes");
                int attrs = t.refs[b + 2];
                n.putLong(c, attrs, "f_frsize", buf.get(JAVA_LONG, Stat.f_frsize));
                n.putLong(c, attrs, "f_blocks", buf.get(JAVA_LONG, Stat.f_blocks));
                n.putLong(c, attrs, "f_bfree", buf.get(JAVA_LONG, Stat.f_bfree));
                n.putLong(c, attrs, "f_bavail", buf.get(JAVA_LONG, Stat.f_bavail));
            }
        });
        r.add(D, "chmod0(JI)V", (t, b) -> n.restartable(t, () -> PosixFiles.chmod(n.path(t, t.prims[b]), (int) t.prims[b + 2])));
        r.add(D, "fchmod0(II)V", (t, b) -> n.restartable(t, () -> PosixFiles.fchmod((int) t.prims[b], (int) t.prims[b + 1])));
        r.add(D, "opendir0(J)J", (t, b) -> t.prims[b] = n.check(t, PosixFiles.opendir(n.path(t, t.prims[b]))));
        r.add(D, "fdopendir(I)J", (t, b) -> t.prims[b] = n.check(t, PosixFiles.fdopendir((int) t.prims[b])));
        r.add(D, "closedir(J)V", (t, b) -> {
            int rc = PosixFiles.closedir(t.prims[b]);
            if (rc < 0 && -rc != EINTR) {
                throw n.unix(t, -rc);
            }
        });
        r.add(D, "readdir0(J)[B", (t, b) -> {
            long entry = n.check(t, PosixFiles.readdir(t.prims[b]));
            t.refs[b] = entry == 0 ? 0 : n.bytes(t, cBytes(MemorySegment.ofAddress(entry + Stat.d_name).reinterpret(256)));
        });
        r.add(D, "read0(IJI)I", (t, b) -> t.prims[b] = n.io(t, t.prims[b + 1], (int) t.prims[b + 3],
                () -> (int) PosixFiles.read((int) t.prims[b], t.prims[b + 1], (int) t.prims[b + 3])));
        r.add(D, "write0(IJI)I", (t, b) -> t.prims[b] = n.io(t, t.prims[b + 1], (int) t.prims[b + 3],
                () -> (int) PosixFiles.write((int) t.prims[b], t.prims[b + 1], (int) t.prims[b + 3])));
        r.add(D, "access0(JI)I", (t, b) -> {
            int rc = restartableRaw(() -> PosixFiles.access(n.path(t, t.prims[b]), (int) t.prims[b + 2]));
            t.prims[b] = rc < 0 ? -rc : 0;
        });
        String linux = "sun/nio/fs/LinuxNativeDispatcher";
        r.add(linux, "init()V", (t, b) -> { });
        // posix_fadvise returns its error number (never -1), and the JDK hands it back as it is.
        r.add(linux, "posix_fadvise(IJJI)I", (t, b) -> t.prims[b] =
                PosixFiles.posix_fadvise((int) t.prims[b], t.prims[b + 1], t.prims[b + 3], (int) t.prims[b + 5]));
        r.add(linux, "directCopy0(IIJ)I", (t, b) -> t.prims[b] = IOS_UNSUPPORTED);
        r.add("sun/nio/fs/UnixFileSystem", "bufferedCopy0(IIJIJ)V", (t, b) -> n.bufferedCopy(t, (int) t.prims[b],
                (int) t.prims[b + 1], t.prims[b + 2], (int) t.prims[b + 4], t.prims[b + 5]));
    }

    /** A path argument: the address of a NUL-terminated string inside a live native block. */
    private long path(VmThread t, long address) {
        return native_.cString(t, address);
    }

    /** A result that is {@code -errno} on failure: raised as UnixException, else returned. */
    private long check(VmThread t, long rc) {
        if (rc < 0) {
            throw unix(t, (int) -rc);
        }
        return rc;
    }

    private int check(VmThread t, int rc) {
        return (int) check(t, (long) rc);
    }

    /** The JDK's RESTARTABLE: retried while it fails with EINTR; then as {@link #check}. */
    private int restartable(VmThread t, IntSupplier call) {
        return check(t, restartableRaw(call));
    }

    private static int restartableRaw(IntSupplier call) {
        int rc;
        do {
            rc = call.getAsInt();
        } while (rc == -EINTR);
        return rc;
    }

    /** read/write on native memory, BLOCKED (a pipe or terminal may wait for ever), restarted on EINTR. */
    private int io(VmThread t, long buf, int len, IntSupplier call) {
        native_.raw(t, buf, len);
        int rc;
        vm.safepoints.block(t);
        try {
            rc = restartableRaw(call);
        } finally {
            vm.safepoints.unblock(t);
        }
        return check(t, rc);
    }

    private interface StatCall {
        int call(MemorySegment statbuf);
    }

    /**
     * One stat-family call into a scratch struct stat, copied into the guest's UnixFileAttributes in slot
     * {@code attrsSlot}. Returns the errno ({@code stat0}'s contract) or raises it ({@code raise}).
     */
    private int stat(VmThread t, int attrsSlot, StatCall call, boolean raise) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(Stat.SIZEOF_STAT, 8);
            int rc = call.call(st);
            if (rc < 0) {
                if (raise) {
                    throw unix(t, -rc);
                }
                return -rc;
            }
            int attrs = t.refs[attrsSlot];
            VmClass c = vm.classes.load("sun/nio/fs/UnixFileAttributes");
            putInt(c, attrs, "st_mode", st.get(JAVA_INT, Stat.st_mode));
            putLong(c, attrs, "st_ino", st.get(JAVA_LONG, Stat.st_ino));
            putLong(c, attrs, "st_dev", st.get(JAVA_LONG, Stat.st_dev));
            putLong(c, attrs, "st_rdev", st.get(JAVA_LONG, Stat.st_rdev));
            putInt(c, attrs, "st_nlink", (int) st.get(JAVA_LONG, Stat.st_nlink));
            putInt(c, attrs, "st_uid", st.get(JAVA_INT, Stat.st_uid));
            putInt(c, attrs, "st_gid", st.get(JAVA_INT, Stat.st_gid));
            putLong(c, attrs, "st_size", st.get(JAVA_LONG, Stat.st_size));
            putLong(c, attrs, "st_atime_sec", st.get(JAVA_LONG, Stat.st_atime));
            putLong(c, attrs, "st_atime_nsec", st.get(JAVA_LONG, Stat.st_atime_nsec));
            putLong(c, attrs, "st_mtime_sec", st.get(JAVA_LONG, Stat.st_mtime));
            putLong(c, attrs, "st_mtime_nsec", st.get(JAVA_LONG, Stat.st_mtime_nsec));
            putLong(c, attrs, "st_ctime_sec", st.get(JAVA_LONG, Stat.st_ctime));
            putLong(c, attrs, "st_ctime_nsec", st.get(JAVA_LONG, Stat.st_ctime_nsec));
            return 0;
        }
    }

    private void putInt(VmClass c, int obj, String field, int v) {
        vm.mem.putInt(ObjectLayout.offset(obj) + c.findField(field).offset, v);
    }

    private void putLong(VmClass c, int obj, String field, long v) {
        vm.mem.putLong(ObjectLayout.offset(obj) + c.findField(field).offset, v);
    }

    /** UnixFileSystem.bufferedCopy0: read/write through the guest's direct buffer until EOF, as the JDK's loop. */
    private void bufferedCopy(VmThread t, int dst, int src, long buf, int size, long cancel) {
        native_.raw(t, buf, size);
        if (cancel != 0) {
            native_.raw(t, cancel, 4);
        }
        while (true) {
            if (cancel != 0 && MemorySegment.ofAddress(cancel).reinterpret(4).get(JAVA_INT, 0) != 0) {
                throw unix(t, ECANCELED);
            }
            int n = io(t, buf, size, () -> (int) PosixFiles.read(src, buf, size));
            if (n == 0) {
                return;
            }
            long pos = 0;
            while (pos < n) {
                long from = buf + pos;
                int left = (int) (n - pos);
                pos += io(t, from, left, () -> (int) PosixFiles.write(dst, from, left));
            }
        }
    }

    /** The JDK's copy loop reports a cancelled copy as ECANCELED. */
    private static final int ECANCELED = 125;

    /** The bytes of the C string at the start of {@code s}, up to its NUL (not decoded: the JDK decodes them). */
    private static byte[] cBytes(MemorySegment s) {
        long len = 0;
        while (s.get(java.lang.foreign.ValueLayout.JAVA_BYTE, len) != 0) {
            len++;
        }
        return s.asSlice(0, len).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }

    /** A guest {@code sun.nio.fs.UnixException(errno)}. */
    GuestException unix(VmThread t, int errno) {
        VmClass c = vm.classes.load("sun/nio/fs/UnixException");
        vm.init.initialize(t, c);
        int mark = t.handleTop;
        int h = t.pushHandle(vm.alloc.instance(t, c));
        t.pushRef(t.handle(h));
        t.pushInt(errno);
        vm.interp.call(t, c.methods.get("<init>(I)V"));
        int ex = t.handle(h);
        t.popHandles(mark);
        return t.throwGuest(ex);
    }

    /** A new guest byte[] holding {@code bytes}. */
    private int bytes(VmThread t, byte[] bytes) {
        return TextNatives.byteArray(vm, t, bytes);
    }
}
