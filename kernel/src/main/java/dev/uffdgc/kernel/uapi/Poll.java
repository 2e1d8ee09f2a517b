package dev.uffdgc.kernel.uapi;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/** {@code uapi/asm-generic/poll.h}: the poll(2) event bits and {@code struct pollfd}. */
public final class Poll {
    private Poll() {
    }

    public static final short POLLIN = 0x0001;
    public static final short POLLPRI = 0x0002;
    public static final short POLLOUT = 0x0004;
    public static final short POLLERR = 0x0008;
    public static final short POLLHUP = 0x0010;
    public static final short POLLNVAL = 0x0020;

    /** {@code struct pollfd { int fd; short events; short revents; }} */
    public static final class pollfd {
        private pollfd() {
        }

        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_INT.withName("fd"), JAVA_SHORT.withName("events"), JAVA_SHORT.withName("revents"))
                .withName("pollfd");
        private static final long fd$OFFSET = 0;
        private static final long events$OFFSET = 4;
        private static final long revents$OFFSET = 6;

        public static int fd(MemorySegment s) { return s.get(JAVA_INT, fd$OFFSET); }
        public static void fd(MemorySegment s, int v) { s.set(JAVA_INT, fd$OFFSET, v); }
        public static short events(MemorySegment s) { return s.get(JAVA_SHORT, events$OFFSET); }
        public static void events(MemorySegment s, short v) { s.set(JAVA_SHORT, events$OFFSET, v); }
        public static short revents(MemorySegment s) { return s.get(JAVA_SHORT, revents$OFFSET); }
        public static void revents(MemorySegment s, short v) { s.set(JAVA_SHORT, revents$OFFSET, v); }
    }
}
