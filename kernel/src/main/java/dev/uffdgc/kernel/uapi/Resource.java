package dev.uffdgc.kernel.uapi;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * getrusage(2): {@code who} values and {@code struct rusage} from {@code include/uapi/linux/resource.h}
 * (x86_64: {@code __kernel_old_timeval} and every {@code ru_*} field are 64-bit).
 */
public final class Resource {
    private Resource() {
    }

    public static final int RUSAGE_SELF = 0;
    public static final int RUSAGE_CHILDREN = -1;
    public static final int RUSAGE_BOTH = -2;
    public static final int RUSAGE_THREAD = 1;

    /** {@code struct __kernel_old_timeval { long tv_sec; long tv_usec; }}. */
    public static final class timeval {
        private timeval() {
        }

        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                ValueLayout.JAVA_LONG.withName("tv_sec"),
                ValueLayout.JAVA_LONG.withName("tv_usec")).withName("timeval");
    }

    /** {@code struct rusage}: 144 bytes on x86_64. */
    public static final class rusage {
        private rusage() {
        }

        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                timeval.LAYOUT.withName("ru_utime"),
                timeval.LAYOUT.withName("ru_stime"),
                ValueLayout.JAVA_LONG.withName("ru_maxrss"),
                ValueLayout.JAVA_LONG.withName("ru_ixrss"),
                ValueLayout.JAVA_LONG.withName("ru_idrss"),
                ValueLayout.JAVA_LONG.withName("ru_isrss"),
                ValueLayout.JAVA_LONG.withName("ru_minflt"),
                ValueLayout.JAVA_LONG.withName("ru_majflt"),
                ValueLayout.JAVA_LONG.withName("ru_nswap"),
                ValueLayout.JAVA_LONG.withName("ru_inblock"),
                ValueLayout.JAVA_LONG.withName("ru_oublock"),
                ValueLayout.JAVA_LONG.withName("ru_msgsnd"),
                ValueLayout.JAVA_LONG.withName("ru_msgrcv"),
                ValueLayout.JAVA_LONG.withName("ru_nsignals"),
                ValueLayout.JAVA_LONG.withName("ru_nvcsw"),
                ValueLayout.JAVA_LONG.withName("ru_nivcsw")).withName("rusage");

        private static final VarHandle UTIME_SEC = field(groupElement("ru_utime"), groupElement("tv_sec"));
        private static final VarHandle UTIME_USEC = field(groupElement("ru_utime"), groupElement("tv_usec"));
        private static final VarHandle STIME_SEC = field(groupElement("ru_stime"), groupElement("tv_sec"));
        private static final VarHandle STIME_USEC = field(groupElement("ru_stime"), groupElement("tv_usec"));
        private static final VarHandle MAXRSS = field(groupElement("ru_maxrss"));
        private static final VarHandle MINFLT = field(groupElement("ru_minflt"));
        private static final VarHandle MAJFLT = field(groupElement("ru_majflt"));
        private static final VarHandle INBLOCK = field(groupElement("ru_inblock"));
        private static final VarHandle OUBLOCK = field(groupElement("ru_oublock"));
        private static final VarHandle NVCSW = field(groupElement("ru_nvcsw"));
        private static final VarHandle NIVCSW = field(groupElement("ru_nivcsw"));

        private static VarHandle field(MemoryLayout.PathElement... path) {
            return LAYOUT.varHandle(path);
        }

        public static long ru_utime_tv_sec(MemorySegment s) {
            return (long) UTIME_SEC.get(s, 0L);
        }

        public static long ru_utime_tv_usec(MemorySegment s) {
            return (long) UTIME_USEC.get(s, 0L);
        }

        public static long ru_stime_tv_sec(MemorySegment s) {
            return (long) STIME_SEC.get(s, 0L);
        }

        public static long ru_stime_tv_usec(MemorySegment s) {
            return (long) STIME_USEC.get(s, 0L);
        }

        /** Peak resident set size in KiB (the kernel's unit for this field). */
        public static long ru_maxrss(MemorySegment s) {
            return (long) MAXRSS.get(s, 0L);
        }

        public static long ru_minflt(MemorySegment s) {
            return (long) MINFLT.get(s, 0L);
        }

        public static long ru_majflt(MemorySegment s) {
            return (long) MAJFLT.get(s, 0L);
        }

        public static long ru_inblock(MemorySegment s) {
            return (long) INBLOCK.get(s, 0L);
        }

        public static long ru_oublock(MemorySegment s) {
            return (long) OUBLOCK.get(s, 0L);
        }

        public static long ru_nvcsw(MemorySegment s) {
            return (long) NVCSW.get(s, 0L);
        }

        public static long ru_nivcsw(MemorySegment s) {
            return (long) NIVCSW.get(s, 0L);
        }
    }
}
