package dev.uffdgc.toyvm.runtime;

import dev.uffdgc.toyvm.heap.ObjectLayout;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_BASE_OFFSET;
import static dev.uffdgc.toyvm.heap.ObjectLayout.ARRAY_LENGTH_OFFSET;

import dev.uffdgc.toyvm.Vm;
import dev.uffdgc.toyvm.interp.Intrinsic;
import dev.uffdgc.toyvm.thread.VmThread;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's own FileDescriptor, FileInputStream, FileOutputStream and RandomAccessFile, with the natives HotSpot's
 * libjava gives them. A guest file descriptor is a number of toyvm's: 0, 1 and 2 are the VM's stdin, stdout and stderr (the
 * same host streams System.in/out/err use, so output through {@code new FileOutputStream(FileDescriptor.out)}
 * keeps its order with System.out's), 3 and up are files the guest opened, each a host RandomAccessFile (no
 * host descriptor number leaks into the guest). Reads happen BLOCKED (stdin or a named pipe may wait for ever; a
 * collection must not wait for them), into a host buffer copied into the guest array afterwards. Opening a named
 * pipe, which waits for its writer, still happens RUNNING.
 */
final class IoNatives {
    private static final String FD = "java/io/FileDescriptor";
    private static final String FIS = "java/io/FileInputStream";
    private static final String FOS = "java/io/FileOutputStream";
    private static final String RAF = "java/io/RandomAccessFile";
    /** RandomAccessFile's open0 mode bits (its O_RDWR, O_SYNC, O_DSYNC; O_RDONLY is 1). */
    private static final int O_RDWR = 2, O_SYNC = 4, O_DSYNC = 8;

    private final Vm vm;
    private final Map<Integer, RandomAccessFile> files = new ConcurrentHashMap<>();
    /**
     * Stream numbers of toyvm's own start far above any kernel descriptor (RLIMIT_NOFILE is at most 2^20 here):
     * a FileDescriptor may also hold a real one, opened with open(2) by sun.nio.fs for a FileChannel (NioFsNatives),
     * and closing either must not close the other.
     */
    private final AtomicInteger nextFd = new AtomicInteger(1 << 30);

    private IoNatives(Vm vm) {
        this.vm = vm;
    }

    static void register(Vm vm, Intrinsics r) {
        IoNatives n = new IoNatives(vm);
        Intrinsic none = (t, b) -> { };
        r.add(FD, "initIDs()V", none);
        r.add(FIS, "initIDs()V", none);
        r.add(FOS, "initIDs()V", none);
        r.add(FD, "getHandle(I)J", (t, b) -> t.prims[b] = -1);
        r.add(FD, "getAppend(I)Z", (t, b) -> t.prims[b] = 0);
        r.add(FD, "close0()V", n::close);
        r.add(FD, "sync0()V", (t, b) -> n.sync(t, n.fdValue(t.refs[b])));
        r.add(FOS, "open0(Ljava/lang/String;Z)V", (t, b) -> n.open(t, b, t.prims[b + 2] != 0 ? "append" : "write", FOS));
        r.add(FIS, "open0(Ljava/lang/String;)V", (t, b) -> n.open(t, b, "read", FIS));
        r.add(FOS, "write(IZ)V", (t, b) -> n.write(t, n.streamFd(t, b, FOS), new byte[] {(byte) t.prims[b + 1]}));
        r.add(FOS, "writeBytes([BIIZ)V", (t, b) -> n.write(t, n.streamFd(t, b, FOS), n.bytes(t, b + 1)));
        r.add(FIS, "read0()I", (t, b) -> {
            byte[] one = new byte[1];
            int got = n.read(t, n.streamFd(t, b, FIS), one);
            t.prims[b] = got <= 0 ? -1 : one[0] & 0xff;
        });
        r.add(FIS, "readBytes([BII)I", (t, b) -> t.prims[b] = n.readInto(t, n.streamFd(t, b, FIS), b + 1));
        r.add(FIS, "length0()J", (t, b) -> t.prims[b] = n.io(t, () -> n.file(t, n.streamFd(t, b, FIS)).length()));
        r.add(FIS, "position0()J", (t, b) -> t.prims[b] = n.io(t, () -> n.file(t, n.streamFd(t, b, FIS)).getFilePointer()));
        r.add(FIS, "skip0(J)J", (t, b) -> t.prims[b] = n.io(t, () -> {
            RandomAccessFile f = n.file(t, n.streamFd(t, b, FIS));
            long at = f.getFilePointer();
            f.seek(at + t.prims[b + 1]);
            return f.getFilePointer() - at;
        }));
        r.add(FIS, "available0()I", (t, b) -> {
            int fd = n.streamFd(t, b, FIS);
            t.prims[b] = n.io(t, () -> fd == 0 ? vm.in.available()
                    : Math.min(Integer.MAX_VALUE, Math.max(0, n.file(t, fd).length() - n.file(t, fd).getFilePointer())));
        });
        r.add(FIS, "isRegularFile0(Ljava/io/FileDescriptor;)Z", (t, b) -> t.prims[b] = n.files.containsKey(n.fdValue(t.refs[b + 1])) ? 1 : 0);
        // RandomAccessFile: a host RandomAccessFile opened with the same mode (it was "unsupported native
        // RandomAccessFile.initIDs" at the class's first use).
        r.add(RAF, "initIDs()V", none);
        r.add(RAF, "open0(Ljava/lang/String;I)V", (t, b) -> {
            int mode = (int) t.prims[b + 2];
            n.open(t, b, (mode & O_RDWR) == 0 ? "r" : (mode & O_SYNC) != 0 ? "rws" : (mode & O_DSYNC) != 0 ? "rwd" : "rw", RAF);
        });
        r.add(RAF, "read0()I", (t, b) -> {
            byte[] one = new byte[1];
            int got = n.read(t, n.streamFd(t, b, RAF), one);
            t.prims[b] = got <= 0 ? -1 : one[0] & 0xff;
        });
        r.add(RAF, "readBytes0([BII)I", (t, b) -> t.prims[b] = n.readInto(t, n.streamFd(t, b, RAF), b + 1));
        r.add(RAF, "write0(I)V", (t, b) -> n.write(t, n.streamFd(t, b, RAF), new byte[] {(byte) t.prims[b + 1]}));
        r.add(RAF, "writeBytes0([BII)V", (t, b) -> n.write(t, n.streamFd(t, b, RAF), n.bytes(t, b + 1)));
        r.add(RAF, "getFilePointer()J", (t, b) -> t.prims[b] = n.io(t, () -> n.file(t, n.streamFd(t, b, RAF)).getFilePointer()));
        r.add(RAF, "seek0(J)V", (t, b) -> n.io(t, () -> {
            n.file(t, n.streamFd(t, b, RAF)).seek(t.prims[b + 1]);
            return 0;
        }));
        r.add(RAF, "length0()J", (t, b) -> t.prims[b] = n.io(t, () -> n.file(t, n.streamFd(t, b, RAF)).length()));
        r.add(RAF, "setLength0(J)V", (t, b) -> n.io(t, () -> {
            n.file(t, n.streamFd(t, b, RAF)).setLength(t.prims[b + 1]);
            return 0;
        }));
        // java.io.File's natives (java.io.UnixFileSystem) are IoFileNatives'.
    }

    private interface IoCall {
        long call() throws IOException;
    }

    /** Runs a host I/O call; its IOException becomes the guest's, with the same message. */
    private long io(VmThread t, IoCall c) {
        try {
            return c.call();
        } catch (IOException e) {
            throw vm.throwing.raise(t, "java/io/IOException", e.getMessage());
        }
    }

    /** The int {@code fd} of a guest FileDescriptor. */
    private int fdValue(int fdObject) {
        return vm.mem.getInt(ObjectLayout.offset(fdObject) + vm.classes.load(FD).findField("fd").offset);
    }

    /** The descriptor of the stream at slot b ({@code this.fd.fd}); -1 (closed) raises "Stream Closed" as the JDK's natives do. */
    private int streamFd(VmThread t, int b, String streamClass) {
        int fdObject = vm.mem.getInt(ObjectLayout.offset(t.refs[b]) + vm.classes.load(streamClass).findField("fd").offset);
        int fd = fdObject == 0 ? -1 : fdValue(fdObject);
        if (fd < 0) {
            throw vm.throwing.raise(t, "java/io/IOException", "Stream Closed");
        }
        return fd;
    }

    private RandomAccessFile file(VmThread t, int fd) {
        RandomAccessFile f = files.get(fd);
        if (f == null) {
            throw vm.throwing.raise(t, "java/io/IOException", "toyvm: not a file: descriptor " + fd);
        }
        return f;
    }

    /**
     * open0 of the stream or file at slot b (of streamClass): a host file, its new guest number stored in
     * this.fd.fd; how is "read", "write" (truncate), "append", or a RandomAccessFile mode ("r", "rw", "rws", "rwd").
     */
    private void open(VmThread t, int b, String how, String streamClass) {
        String name = vm.strings.toHost(t.refs[b + 1]);
        RandomAccessFile f;
        try {
            f = new RandomAccessFile(name, how.equals("read") ? "r" : how.startsWith("r") ? how : "rw");
            if (how.equals("write")) {
                f.setLength(0);
            } else if (how.equals("append")) {
                f.seek(f.length());
            }
        } catch (FileNotFoundException e) {
            throw vm.throwing.raise(t, "java/io/FileNotFoundException", e.getMessage());
        } catch (IOException e) {
            throw vm.throwing.raise(t, "java/io/IOException", e.getMessage());
        }
        int fd = nextFd.getAndIncrement();
        files.put(fd, f);
        int fdObject = vm.mem.getInt(ObjectLayout.offset(t.refs[b]) + vm.classes.load(streamClass).findField("fd").offset);
        vm.mem.putInt(ObjectLayout.offset(fdObject) + vm.classes.load(FD).findField("fd").offset, fd);
    }

    /** FileDescriptor.close0: a file is closed; the standard streams stay open for System.out/err/in. */
    private void close(VmThread t, int b) {
        int fdObject = t.refs[b];
        int fd = fdValue(fdObject);
        vm.mem.putInt(ObjectLayout.offset(fdObject) + vm.classes.load(FD).findField("fd").offset, -1);
        RandomAccessFile f = fd < 3 ? null : files.remove(fd);
        if (f != null) {
            io(t, () -> {
                f.close();
                return 0;
            });
        } else if (fd > 2) {
            // A kernel descriptor (a FileChannel's): close(2), an error other than EINTR reported as the JDK's.
            int rc = dev.uffdgc.kernel.PosixFiles.close(fd);
            if (rc < 0 && rc != -4) {
                throw vm.throwing.raise(t, "java/io/IOException", dev.uffdgc.kernel.PosixFiles.strerror(-rc));
            }
        }
    }

    private void sync(VmThread t, int fd) {
        if (fd == 1 || fd == 2) {
            (fd == 1 ? vm.out : vm.err).flush();
        } else if (fd > 2) {
            io(t, () -> {
                file(t, fd).getFD().sync();
                return 0;
            });
        }
    }

    /** The bytes of (array, off, len) at slots i, i+1, i+2. */
    private byte[] bytes(VmThread t, int i) {
        return vm.mem.slice(byteRange(vm, t, i), (int) t.prims[i + 2]).toArray(ValueLayout.JAVA_BYTE);
    }

    /**
     * The heap address of {@code array[off]} for a byte range (array, off, len) at slots i, i+1, i+2, after the
     * checks the JDK's natives make (NullPointerException, IndexOutOfBoundsException).
     */
    static long byteRange(Vm vm, VmThread t, int i) {
        int arr = t.refs[i];
        int off = (int) t.prims[i + 1];
        int len = (int) t.prims[i + 2];
        if (arr == 0) {
            throw vm.throwing.raise(t, "java/lang/NullPointerException", null);
        }
        if (off < 0 || len < 0 || off > vm.mem.getInt(ObjectLayout.offset(arr) + ARRAY_LENGTH_OFFSET) - len) {
            throw vm.throwing.raise(t, "java/lang/IndexOutOfBoundsException", "offset " + off + ", length " + len);
        }
        return ObjectLayout.offset(arr) + ARRAY_BASE_OFFSET + off;
    }

    private void write(VmThread t, int fd, byte[] data) {
        switch (fd) {
            case 0 -> throw vm.throwing.raise(t, "java/io/IOException", "Bad file descriptor");
            case 1 -> vm.out.write(data, 0, data.length);
            case 2 -> vm.err.write(data, 0, data.length);
            default -> io(t, () -> {
                file(t, fd).write(data);
                return 0;
            });
        }
    }

    /** Reads up to buf.length bytes from fd, BLOCKED (a named pipe may wait as stdin does); -1 at the end. */
    private int read(VmThread t, int fd, byte[] buf) {
        if (fd == 1 || fd == 2) {
            throw vm.throwing.raise(t, "java/io/IOException", "Bad file descriptor");
        }
        if (fd == 0) {
            return readStdin(vm, t, buf);
        }
        RandomAccessFile f = file(t, fd);
        return (int) blocking(vm, t, () -> f.read(buf), "read failed");
    }

    /** readBytes(array, off, len) with the array at slot i: read first, then copy into wherever the array is now. */
    private int readInto(VmThread t, int fd, int i) {
        int len = (int) t.prims[i + 2];
        byte[] buf = new byte[Math.max(0, len)];
        int n = len == 0 ? 0 : read(t, fd, buf);
        copyInto(vm, t, i, buf, n);
        return len == 0 ? 0 : n;
    }

    /** Reads the VM's stdin into buf; -1 at the end. */
    static int readStdin(Vm vm, VmThread t, byte[] buf) {
        InputStream in = vm.in;
        return (int) blocking(vm, t, () -> in.read(buf, 0, buf.length), "read of standard input failed");
    }

    /**
     * Runs a host call that may wait (a read of a pipe or a terminal, for ever) with the thread BLOCKED, so that
     * a collection does not wait for it; its IOException is raised in the guest once the thread runs again.
     */
    private static long blocking(Vm vm, VmThread t, IoCall c, String failure) {
        long n;
        IOException failed = null;
        vm.safepoints.block(t);
        try {
            n = c.call();
        } catch (IOException e) {
            failed = e;
            n = -1;
        } finally {
            vm.safepoints.unblock(t);
        }
        if (failed != null) {
            throw vm.throwing.raise(t, "java/io/IOException", failed.getMessage() != null ? failed.getMessage() : failure);
        }
        return n;
    }

    /** Copies n bytes read into (array, off) at slots i, i+1, re-reading the array's slot (it may have moved). */
    static void copyInto(Vm vm, VmThread t, int i, byte[] buf, int n) {
        int arr = t.refs[i];
        int off = (int) t.prims[i + 1];
        if (n > 0) {
            if (off < 0 || off > vm.mem.getInt(ObjectLayout.offset(arr) + ARRAY_LENGTH_OFFSET) - n) {
                throw vm.throwing.raise(t, "java/lang/IndexOutOfBoundsException", "offset " + off + ", length " + n);
            }
            vm.mem.slice(ObjectLayout.offset(arr) + ARRAY_BASE_OFFSET + off, n).copyFrom(MemorySegment.ofArray(buf).asSlice(0, n));
        }
    }
}
