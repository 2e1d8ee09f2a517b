package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.uapi.Fcntl.*;

import dev.uffdgc.kernel.uapi.Swap;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A swapfile this process created and enabled, disabled and deleted again by {@link #close()} or, if the JVM
 * exits first (Ctrl-C included), by a shutdown hook. Needs root (CAP_SYS_ADMIN) and {@code mkswap} on the PATH
 * or in /usr/sbin, /sbin.
 *
 * <p>Choose the directory with care: tmpfs, ramfs and overlayfs (a container's root filesystem) cannot hold a
 * swapfile and swapon fails with EINVAL; /tmp is tmpfs on many systems. A directory under the build's target/
 * or /var/tmp usually sits on the real disk (ext4, xfs; btrfs only with nodatacow).
 */
public final class Swapfile implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int OWNER_READ_WRITE = 0600;
    private static final long MIB = 1L << 20;

    private final Path path;
    private final long sizeBytes;
    private final Thread cleanupHook;
    private boolean active;
    private boolean closed;

    private Swapfile(Path path, long sizeBytes) {
        this.path = path;
        this.sizeBytes = sizeBytes;
        this.cleanupHook = new Thread(this::closeQuietly, "swapfile-cleanup " + path);
    }

    /** Creates, formats and enables a swapfile of {@code mebibytes} MiB in {@code directory}, default priority. */
    public static Swapfile create(Path directory, long mebibytes) {
        return create(directory, mebibytes, 0);
    }

    /**
     * As {@link #create(Path, long)} with swapon flags ({@link Swap#SWAP_FLAG_PREFER} | priority, ...). On any
     * failure the file is removed again before the exception propagates.
     */
    public static Swapfile create(Path directory, long mebibytes, int swapFlags) {
        if (mebibytes < 1) {
            throw new IllegalArgumentException("a swapfile needs at least 1 MiB: " + mebibytes);
        }
        Path path = directory.toAbsolutePath().resolve(
                "uffdgc-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + ".swap");
        Swapfile swapfile = new Swapfile(path, mebibytes * MIB);
        // Hook first: a Ctrl-C between creating the file and returning still removes it.
        Runtime.getRuntime().addShutdownHook(swapfile.cleanupHook);
        try {
            allocate(path, swapfile.sizeBytes);
            mkswap(path);
            swapon(path, swapFlags);
            swapfile.active = true;
            return swapfile;
        } catch (RuntimeException e) {
            try {
                swapfile.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** Swapoff (which reads every page still out in this file back into memory), then delete. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (active) {
            swapoff(path); // throws, leaving the file: the kernel refuses to unlink an active swapfile anyway
            active = false;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete swapfile " + path, e);
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupHook);
        } catch (IllegalStateException shuttingDown) {
            // we are the hook, or the JVM is already exiting: nothing to unregister
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("uffd-gc: could not remove swapfile " + path + ": " + e.getMessage());
        }
    }

    /** Real blocks, no holes (swapon refuses a sparse file): fallocate, or zeros where that is unsupported. */
    private static void allocate(Path path, long bytes) {
        try (NativeFile f = NativeFile.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, OWNER_READ_WRITE)) {
            f.fallocate(FALLOC_FL_DEFAULT, 0, bytes);
            return;
        } catch (KernelException e) {
            if (!e.is(Errno.EOPNOTSUPP)) {
                throw e;
            }
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocateDirect((int) MIB);
            for (long done = 0; done < bytes; done += MIB) {
                zeros.clear();
                ch.write(zeros, done);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write zeros to swapfile " + path, e);
        }
    }

    private static void mkswap(Path path) {
        List<String> cmd = List.of(findMkswap(), path.toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd, e);
        }
    }

    private static String findMkswap() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin"));
        for (String dir : dirs) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "mkswap"))) {
                return Path.of(dir, "mkswap").toString();
            }
        }
        throw new IllegalStateException("mkswap not found on PATH or in /usr/sbin, /sbin (Debian: util-linux)");
    }

    /** swapon(2): syscall 167. */
    public static void swapon(Path path, int flags) {
        int errno = pathSyscall(Swap.__NR_swapon, path, flags);
        if (errno != 0) {
            throw new KernelException("swapon(" + path + ")", errno, switch (Errno.of(errno)) {
                case EPERM -> "needs root (CAP_SYS_ADMIN), or the maximum number of swap areas is in use";
                case EINVAL -> "the filesystem (" + fsType(path) + ") does not support swapfiles (tmpfs, ramfs and"
                        + " overlayfs cannot hold one; use a directory on ext4/xfs), or the file is not a swap area"
                        + " (mkswap) or has holes";
                case EBUSY -> "this file is already in use as swap";
                case ENOENT -> "the file does not exist";
                case ENOMEM -> "not enough memory for the swap map";
                case null, default -> "";
            });
        }
    }

    /** swapoff(2): syscall 168. Reads every page still in the area back into memory first. */
    public static void swapoff(Path path) {
        int errno = pathSyscall(Swap.__NR_swapoff, path, 0);
        if (errno != 0) {
            throw new KernelException("swapoff(" + path + ")", errno, switch (Errno.of(errno)) {
                case EPERM -> "needs root (CAP_SYS_ADMIN)";
                case EINVAL -> "not an active swap area";
                case ENOMEM -> "not enough memory to bring the swapped-out pages back in; the file stays active";
                case null, default -> "";
            });
        }
    }

    /** Returns 0 on success, else errno. */
    private static int pathSyscall(long number, Path path, long arg) {
        MemorySegment st = Libc.state();
        long r;
        try (Arena arena = Arena.ofConfined()) {
            r = (long) Libc.SyscallPtrLong.HANDLE.invokeExact(st, number, arena.allocateFrom(path.toString()), arg);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        return r == 0 ? 0 : Libc.errno(st);
    }

    private static String fsType(Path path) {
        try {
            return Files.getFileStore(path).type();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
