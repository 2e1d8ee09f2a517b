package dev.uffdgc.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The libc entry points this module calls, as FFM downcall handles that capture errno.
 *
 * <p>Every handle takes the call-state segment as its first argument (that is how FFM captures errno). Each
 * thread reuses one call-state segment, so a call allocates nothing. None of the handles is
 * {@code critical}: a thread inside one of these calls is in native state and cannot hold up a HotSpot safepoint,
 * which matters for a thread that may block on a userfault (see DESIGN.md).
 */
public final class Libc {
    private Libc() {
    }

    static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final ThreadLocal<MemorySegment> STATE =
            ThreadLocal.withInitial(() -> Arena.global().allocate(CALL_STATE));

    static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout.OfLong C_SIZE_T = ValueLayout.JAVA_LONG;
    static final java.lang.foreign.AddressLayout C_POINTER = ValueLayout.ADDRESS;

    // One holder class per handle, so that a handle is linked on first use: linking spins a class per downcall
    // (10-20 ms each on this machine), and a program that needs only mmap and madvise (toyvm) should not pay
    // for all of them at start-up. A static final in a holder still folds to a constant in JIT-compiled callers.

    /** {@code long syscall(long number, ...)} with up to three long arguments. */
    static final class Syscall1 {
        static final MethodHandle HANDLE = variadic("syscall", FunctionDescriptor.of(C_LONG, C_LONG, C_LONG), 1);
    }

    static final class Ioctl {
        static final MethodHandle HANDLE = variadic("ioctl", FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_POINTER), 2);
    }

    /** ioctl whose argument is an integer, not a pointer (e.g. USERFAULTFD_IOC_NEW takes the fd flags). */
    static final class IoctlLong {
        static final MethodHandle HANDLE = variadic("ioctl", FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_LONG), 2);
    }

    static final class Open {
        static final MethodHandle HANDLE = variadic("open", FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_INT), 2);
    }

    static final class Close {
        static final MethodHandle HANDLE = fixed("close", FunctionDescriptor.of(C_INT, C_INT));
    }

    static final class Read {
        static final MethodHandle HANDLE = fixed("read", FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_SIZE_T));
    }

    static final class Pread {
        static final MethodHandle HANDLE = fixed("pread",
                FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_SIZE_T, C_LONG));
    }

    static final class Poll {
        static final MethodHandle HANDLE = fixed("poll", FunctionDescriptor.of(C_INT, C_POINTER, C_LONG, C_INT));
    }

    static final class Mmap {
        static final MethodHandle HANDLE = fixed("mmap",
                FunctionDescriptor.of(C_POINTER, C_POINTER, C_SIZE_T, C_INT, C_INT, C_INT, C_LONG));
    }

    static final class Munmap {
        static final MethodHandle HANDLE = fixed("munmap", FunctionDescriptor.of(C_INT, C_POINTER, C_SIZE_T));
    }

    static final class Mremap {
        static final MethodHandle HANDLE = variadic("mremap",
                FunctionDescriptor.of(C_POINTER, C_POINTER, C_SIZE_T, C_SIZE_T, C_INT, C_POINTER), 4);
    }

    static final class Madvise {
        static final MethodHandle HANDLE = fixed("madvise", FunctionDescriptor.of(C_INT, C_POINTER, C_SIZE_T, C_INT));
    }

    static final class Mprotect {
        static final MethodHandle HANDLE = fixed("mprotect", FunctionDescriptor.of(C_INT, C_POINTER, C_SIZE_T, C_INT));
    }

    static final class Mincore {
        static final MethodHandle HANDLE = fixed("mincore",
                FunctionDescriptor.of(C_INT, C_POINTER, C_SIZE_T, C_POINTER));
    }

    static final class Getrusage {
        static final MethodHandle HANDLE = fixed("getrusage", FunctionDescriptor.of(C_INT, C_INT, C_POINTER));
    }

    static final class Gettid {
        static final MethodHandle HANDLE = fixed("gettid", FunctionDescriptor.of(C_INT));
    }

    static final class SchedSetscheduler {
        static final MethodHandle HANDLE = fixed("sched_setscheduler", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_POINTER));
    }

    static final class SchedGetscheduler {
        static final MethodHandle HANDLE = fixed("sched_getscheduler", FunctionDescriptor.of(C_INT, C_INT));
    }

    static final class Fallocate {
        static final MethodHandle HANDLE = fixed("fallocate",
                FunctionDescriptor.of(C_INT, C_INT, C_INT, C_LONG, C_LONG));
    }

    /** {@code long syscall(long number, ...)} with a pointer and a long argument (e.g. swapon(path, flags)). */
    static final class SyscallPtrLong {
        static final MethodHandle HANDLE = variadic("syscall",
                FunctionDescriptor.of(C_LONG, C_LONG, C_POINTER, C_LONG), 1);
    }

    /** memcpy without errno capture: used as the fault-safe (native state) heap access path. */
    public static final class Memcpy {
        public static final MethodHandle HANDLE = LINKER.downcallHandle(LOOKUP.findOrThrow("memcpy"),
                FunctionDescriptor.of(C_POINTER, C_POINTER, C_POINTER, C_SIZE_T));
    }

    private static MethodHandle fixed(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(LOOKUP.findOrThrow(name), fd, CAPTURE_ERRNO);
    }

    private static MethodHandle variadic(String name, FunctionDescriptor fd, int firstVariadic) {
        return LINKER.downcallHandle(LOOKUP.findOrThrow(name), fd, CAPTURE_ERRNO,
                Linker.Option.firstVariadicArg(firstVariadic));
    }

    /** This thread's call-state segment: pass it as the first argument of every handle above. */
    static MemorySegment state() {
        return STATE.get();
    }

    /** The errno the last call on this thread captured into {@link #state()}. */
    static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** Rethrows what a downcall handle threw; downcalls do not throw checked exceptions in practice. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("unexpected exception from a downcall", t);
    }

    /** The kernel thread id of the calling thread, as {@code gettid(2)} returns it. */
    public static int gettid() {
        try {
            return (int) Gettid.HANDLE.invokeExact(state());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }
}
