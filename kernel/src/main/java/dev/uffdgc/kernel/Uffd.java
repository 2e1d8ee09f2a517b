package dev.uffdgc.kernel;

import static dev.uffdgc.kernel.uapi.Userfaultfd.*;

import dev.uffdgc.kernel.uapi.Poll;
import dev.uffdgc.kernel.uapi.Poll.pollfd;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A userfaultfd: register ranges, read their faults, resolve them with MOVE, COPY or ZEROPAGE.
 *
 * <p>The resolving ioctls allocate nothing: each thread fills its own scratch struct (the kernel bench compares
 * them to C at ~0.17 µs/page). Every call is a non-critical downcall, so a thread waiting in
 * {@link #readEvent} is in native state and cannot hold up a HotSpot safepoint (DESIGN.md).
 */
public final class Uffd implements AutoCloseable {

    /** How the fd was obtained. */
    public enum OpenedBy { SYSCALL, SYSCALL_USER_MODE_ONLY, DEVICE }

    private static final long EAGAIN = Errno.EAGAIN.number();
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread argument structs, so a call does not allocate. One call at a time per thread needs one of each. */
    private static final class Scratch {
        final MemorySegment struct = Arena.ofAuto().allocate(64, 8); // >= every uffdio_* struct
        final MemorySegment pollfd = Arena.ofAuto().allocate(Poll.pollfd.LAYOUT);
        final MemorySegment msg = Arena.ofAuto().allocate(uffd_msg.LAYOUT);
    }

    private volatile int fd;
    private final OpenedBy openedBy;
    private boolean apiDone;

    Uffd(int fd, OpenedBy openedBy) {
        this.fd = fd;
        this.openedBy = openedBy;
    }

    /**
     * Opens a userfaultfd (O_CLOEXEC | O_NONBLOCK): the syscall first; on EPERM again with UFFD_USER_MODE_ONLY
     * (faults from kernel mode, e.g. read(2) into a registered range, then fail with EFAULT instead of
     * blocking); then {@code /dev/userfaultfd}. Throws a KernelException saying what to do when all fail.
     */
    public static Uffd open() {
        return UffdOpen.open();
    }

    /** Opens a throwaway fd, handshakes with no features and returns what the kernel offers. */
    public static ApiInfo probe() {
        try (Uffd u = open()) {
            return u.api(0);
        }
    }

    public OpenedBy openedBy() {
        return openedBy;
    }

    /** The fd number, or -1 once closed. */
    public int fd() {
        return fd;
    }

    /** The UFFDIO_API handshake, once per fd, enabling {@code requestedFeatures}. */
    public synchronized ApiInfo api(long requestedFeatures) {
        MemorySegment s = SCRATCH.get().struct;
        uffdio_api.api(s, UFFD_API);
        uffdio_api.features(s, requestedFeatures);
        uffdio_api.ioctls(s, 0);
        int errno = ioctl(UFFDIO_API, s);
        if (errno != 0) {
            throw UffdErrors.api(errno, requestedFeatures, apiDone);
        }
        apiDone = true;
        return new ApiInfo(uffdio_api.api(s), uffdio_api.features(s), uffdio_api.ioctls(s));
    }

    /** Registers {@code range} in {@code mode} (UFFDIO_REGISTER_MODE_*); returns the ioctls allowed on it. */
    public long register(MemorySegment range, long mode) {
        MemorySegment s = SCRATCH.get().struct;
        uffdio_range.start(uffdio_register.range(s), range.address());
        uffdio_range.len(uffdio_register.range(s), range.byteSize());
        uffdio_register.mode(s, mode);
        uffdio_register.ioctls(s, 0);
        int errno = ioctl(UFFDIO_REGISTER, s);
        if (errno != 0) {
            throw UffdErrors.register(errno, range.address(), range.byteSize(), mode);
        }
        return uffdio_register.ioctls(s);
    }

    /** Unregisters {@code range}; threads blocked on faults in it are woken and fault normally. */
    public void unregister(MemorySegment range) {
        rangeIoctl(UFFDIO_UNREGISTER, "UFFDIO_UNREGISTER", range.address(), range.byteSize());
    }

    /** Wakes threads blocked on faults in [start, start+len), after resolving with a *_MODE_DONTWAKE ioctl. */
    public void wake(long start, long len) {
        rangeIoctl(UFFDIO_WAKE, "UFFDIO_WAKE", start, len);
    }

    /**
     * UFFDIO_WRITEPROTECT on [start, start+len) of a range registered with UFFDIO_REGISTER_MODE_WP: {@code protect}
     * arms write-protection (a write then faults with UFFD_PAGEFAULT_FLAG_WP); clearing it also wakes the threads
     * blocked on WP faults there, unless {@code dontWake}.
     */
    public void writeProtect(long start, long len, boolean protect, boolean dontWake) {
        MemorySegment s = SCRATCH.get().struct;
        uffdio_range.start(uffdio_writeprotect.range(s), start);
        uffdio_range.len(uffdio_writeprotect.range(s), len);
        uffdio_writeprotect.mode(s, (protect ? UFFDIO_WRITEPROTECT_MODE_WP : 0)
                | (dontWake ? UFFDIO_WRITEPROTECT_MODE_DONTWAKE : 0));
        int errno = ioctl(UFFDIO_WRITEPROTECT, s);
        if (errno != 0) {
            throw UffdErrors.range("UFFDIO_WRITEPROTECT", errno, start, len);
        }
    }

    /**
     * One UFFDIO_MOVE: moves the pages of [src, src+len) to [dst, dst+len) without copying. Returns the bytes
     * moved: {@code len}, or less when the kernel stopped part-way (EAGAIN with {@code uffdio_move.move > 0};
     * the ioctl on the rest reports the cause). Any other failure throws, with the errno explained.
     */
    public long move(long dst, long src, long len, long mode) {
        long r = moveRaw(dst, src, len, mode);
        if (r < 0) {
            throw UffdErrors.move((int) -r, dst, src, len, mode, 0);
        }
        return r;
    }

    /**
     * Moves all of [src, src+len), issuing more ioctls after partial moves and after EAGAIN with nothing done
     * (address space changing). Returns the number of ioctls issued. Do not call it from the only thread that
     * reads this fd's events while non-cooperative events (EVENT_REMOVE, EVENT_REMAP, ...) are enabled: the
     * EAGAIN lasts until that event is read.
     */
    public int moveFully(long dst, long src, long len, long mode) {
        return fully(true, dst, src, len, mode);
    }

    /** One UFFDIO_COPY of [src, src+len) into missing pages at dst; same contract as {@link #move}. */
    public long copy(long dst, long src, long len, long mode) {
        long r = copyRaw(dst, src, len, mode);
        if (r < 0) {
            throw UffdErrors.fill("UFFDIO_COPY", (int) -r, dst, src, len, mode, 0);
        }
        return r;
    }

    /** Copies all of [src, src+len) like {@link #moveFully}; returns the number of ioctls issued. */
    public int copyFully(long dst, long src, long len, long mode) {
        return fully(false, dst, src, len, mode);
    }

    // One loop for both ioctls (a boolean, not a lambda, so the retry path stays allocation-free).
    private int fully(boolean move, long dst, long src, long len, long mode) {
        int ioctls = 0;
        for (long done = 0; done < len; ) {
            ioctls++;
            long r = move ? moveRaw(dst + done, src + done, len - done, mode)
                    : copyRaw(dst + done, src + done, len - done, mode);
            if (r > 0) {
                done += r;
            } else if (r == -EAGAIN) {
                Thread.yield();
            } else if (move) {
                throw UffdErrors.move((int) -r, dst + done, src + done, len - done, mode, done);
            } else {
                throw UffdErrors.fill("UFFDIO_COPY", (int) -r, dst + done, src + done, len - done, mode, done);
            }
        }
        return ioctls;
    }

    /** One UFFDIO_ZEROPAGE: maps the shared zero page at missing pages of [dst, dst+len); returns bytes done. */
    public long zeropage(long dst, long len, long mode) {
        MemorySegment s = SCRATCH.get().struct;
        uffdio_range.start(uffdio_zeropage.range(s), dst);
        uffdio_range.len(uffdio_zeropage.range(s), len);
        uffdio_zeropage.mode(s, mode);
        uffdio_zeropage.zeropage(s, 0);
        int errno = ioctl(UFFDIO_ZEROPAGE, s);
        if (errno == 0) {
            return len;
        }
        long done = uffdio_zeropage.zeropage(s);
        if (errno == EAGAIN && done > 0) {
            return done;
        }
        throw UffdErrors.fill("UFFDIO_ZEROPAGE", errno, dst, -1, len, mode, 0);
    }

    /**
     * Waits up to {@code timeoutMillis} (negative: forever) for one message and returns it, or null on timeout.
     * Waits in poll(2), in native state. Closing the fd from another thread does not wake a waiting poll(2):
     * handler loops should use a finite timeout and check their own stop flag.
     */
    public UffdEvent readEvent(long timeoutMillis) {
        Scratch sc = SCRATCH.get();
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000;
        while (awaitReadable(sc, deadline, timeoutMillis < 0)) {
            long n = read(sc.msg);
            if (n == uffd_msg.LAYOUT.byteSize()) {
                MemorySegment m = sc.msg;
                return new UffdEvent(uffd_msg.event(m), uffd_msg.arg_pagefault_flags(m),
                        uffd_msg.arg_pagefault_address(m), uffd_msg.arg_pagefault_feat_ptid(m));
            }
            int errno = (int) -n;
            if (n >= 0 || errno != EAGAIN) { // EAGAIN: another reader took the message; wait for the next
                throw new KernelException("read(userfaultfd)", n >= 0 ? Errno.EIO.number() : errno,
                        n >= 0 ? "short read of " + n + " bytes" : "UFFDIO_API not done, or the fd is closed");
            }
        }
        return null;
    }

    /** Whether a message is ready to read within {@code timeoutMillis} (negative: forever); reads nothing. */
    public boolean awaitReadable(long timeoutMillis) {
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000;
        return awaitReadable(SCRATCH.get(), deadline, timeoutMillis < 0);
    }

    /** Closes the fd (idempotent). Threads blocked on its faults are woken and fault normally. */
    @Override
    public synchronized void close() {
        int f = fd;
        if (f < 0) {
            return;
        }
        fd = -1;
        MemorySegment st = Libc.state();
        int r;
        try {
            r = (int) Libc.Close.HANDLE.invokeExact(st, f);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
        if (r != 0 && Libc.errno(st) != Errno.EINTR.number()) { // after EINTR the fd is gone on Linux anyway
            throw new KernelException("close(userfaultfd " + f + ")", Libc.errno(st), "");
        }
    }

    /** Bytes moved (> 0), or -errno. */
    private long moveRaw(long dst, long src, long len, long mode) {
        MemorySegment s = SCRATCH.get().struct;
        uffdio_move.dst(s, dst);
        uffdio_move.src(s, src);
        uffdio_move.len(s, len);
        uffdio_move.mode(s, mode);
        uffdio_move.move(s, 0);
        int errno = ioctl(UFFDIO_MOVE, s);
        if (errno == 0) {
            return len;
        }
        long done = uffdio_move.move(s);
        return errno == EAGAIN && done > 0 ? done : -errno;
    }

    /** Bytes copied (> 0), or -errno. */
    private long copyRaw(long dst, long src, long len, long mode) {
        MemorySegment s = SCRATCH.get().struct;
        uffdio_copy.dst(s, dst);
        uffdio_copy.src(s, src);
        uffdio_copy.len(s, len);
        uffdio_copy.mode(s, mode);
        uffdio_copy.copy(s, 0);
        int errno = ioctl(UFFDIO_COPY, s);
        if (errno == 0) {
            return len;
        }
        long done = uffdio_copy.copy(s);
        return errno == EAGAIN && done > 0 ? done : -errno;
    }

    private void rangeIoctl(long request, String name, long start, long len) {
        MemorySegment s = SCRATCH.get().struct;
        uffdio_range.start(s, start);
        uffdio_range.len(s, len);
        int errno = ioctl(request, s);
        if (errno != 0) {
            throw UffdErrors.range(name, errno, start, len);
        }
    }

    /** 0 on success, else the errno. */
    private int ioctl(long request, MemorySegment arg) {
        MemorySegment st = Libc.state();
        try {
            int r = (int) Libc.Ioctl.HANDLE.invokeExact(st, fd, request, arg);
            return r == -1 ? Libc.errno(st) : 0;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private boolean awaitReadable(Scratch sc, long deadline, boolean forever) {
        if (fd < 0) { // poll(2) ignores negative fds: without this a closed fd would look merely quiet
            throw new KernelException("poll(userfaultfd)", Errno.EBADF.number(), "the userfaultfd is closed");
        }
        MemorySegment st = Libc.state();
        for (;;) {
            long remaining = forever ? -1 : Math.max(0, (deadline - System.nanoTime() + 999_999) / 1_000_000);
            pollfd.fd(sc.pollfd, fd);
            pollfd.events(sc.pollfd, Poll.POLLIN);
            pollfd.revents(sc.pollfd, (short) 0);
            int r;
            try {
                r = (int) Libc.Poll.HANDLE.invokeExact(st, sc.pollfd, 1L, (int) Math.min(remaining, Integer.MAX_VALUE));
            } catch (Throwable t) {
                throw Libc.rethrow(t);
            }
            if (r > 0) {
                short revents = pollfd.revents(sc.pollfd);
                if ((revents & (Poll.POLLERR | Poll.POLLNVAL)) != 0) {
                    throw new KernelException("poll(userfaultfd)", Errno.EBADF.number(), "revents=0x"
                            + Integer.toHexString(revents) + ": the fd is closed or UFFDIO_API was not done");
                }
                return true;
            }
            if (r == 0) {
                return false;
            }
            int errno = Libc.errno(st);
            if (errno != Errno.EINTR.number()) {
                throw new KernelException("poll(userfaultfd)", errno, "");
            }
        }
    }

    /** bytes read, or -errno. */
    private long read(MemorySegment msg) {
        MemorySegment st = Libc.state();
        try {
            long n = (long) Libc.Read.HANDLE.invokeExact(st, fd, msg, msg.byteSize());
            return n >= 0 ? n : -Libc.errno(st);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
