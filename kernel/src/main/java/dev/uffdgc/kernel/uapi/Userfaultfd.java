package dev.uffdgc.kernel.uapi;

import static dev.uffdgc.kernel.uapi.Ioctl._IO;
import static dev.uffdgc.kernel.uapi.Ioctl._IOR;
import static dev.uffdgc.kernel.uapi.Ioctl._IOWR;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code include/uapi/linux/userfaultfd.h} (Linux 6.8+, the first with {@code UFFDIO_MOVE}), laid out like
 * jextract output: constants and structs named exactly as in the header. Debian 12's headers predate MOVE, so
 * the numbers come from the uapi itself; ioctl numbers are computed with {@link Ioctl} and the known x86_64
 * values are noted beside each (and checked by a test).
 */
public final class Userfaultfd {
    private Userfaultfd() {
    }

    /* ioctls for /dev/userfaultfd */
    public static final int USERFAULTFD_IOC = 0xAA;
    public static final long USERFAULTFD_IOC_NEW = _IO(USERFAULTFD_IOC, 0x00);            // 0xAA00

    public static final long UFFD_API = 0xAA;

    /* ioctl command numbers; bit n of uffdio_api.ioctls / uffdio_register.ioctls is ioctl n */
    public static final int _UFFDIO_REGISTER = 0x00;
    public static final int _UFFDIO_UNREGISTER = 0x01;
    public static final int _UFFDIO_WAKE = 0x02;
    public static final int _UFFDIO_COPY = 0x03;
    public static final int _UFFDIO_ZEROPAGE = 0x04;
    public static final int _UFFDIO_MOVE = 0x05;
    public static final int _UFFDIO_WRITEPROTECT = 0x06;
    public static final int _UFFDIO_CONTINUE = 0x07;
    public static final int _UFFDIO_POISON = 0x08;
    public static final int _UFFDIO_API = 0x3F;

    public static final int UFFDIO = 0xAA;

    /* UFFDIO_UNREGISTER and UFFDIO_WAKE are _IOR although the kernel reads them: a historical mistake the header keeps. */
    public static final long UFFDIO_API = _IOWR(UFFDIO, _UFFDIO_API, uffdio_api.LAYOUT.byteSize());                   // 0xC018AA3F
    public static final long UFFDIO_REGISTER = _IOWR(UFFDIO, _UFFDIO_REGISTER, uffdio_register.LAYOUT.byteSize());    // 0xC020AA00
    public static final long UFFDIO_UNREGISTER = _IOR(UFFDIO, _UFFDIO_UNREGISTER, uffdio_range.LAYOUT.byteSize());    // 0x8010AA01
    public static final long UFFDIO_WAKE = _IOR(UFFDIO, _UFFDIO_WAKE, uffdio_range.LAYOUT.byteSize());                // 0x8010AA02
    public static final long UFFDIO_COPY = _IOWR(UFFDIO, _UFFDIO_COPY, uffdio_copy.LAYOUT.byteSize());                // 0xC028AA03
    public static final long UFFDIO_ZEROPAGE = _IOWR(UFFDIO, _UFFDIO_ZEROPAGE, uffdio_zeropage.LAYOUT.byteSize());    // 0xC020AA04
    public static final long UFFDIO_MOVE = _IOWR(UFFDIO, _UFFDIO_MOVE, uffdio_move.LAYOUT.byteSize());                // 0xC028AA05
    public static final long UFFDIO_WRITEPROTECT =
            _IOWR(UFFDIO, _UFFDIO_WRITEPROTECT, uffdio_writeprotect.LAYOUT.byteSize());                               // 0xC018AA06
    public static final long UFFDIO_CONTINUE = _IOWR(UFFDIO, _UFFDIO_CONTINUE, uffdio_continue.LAYOUT.byteSize());    // 0xC020AA07
    public static final long UFFDIO_POISON = _IOWR(UFFDIO, _UFFDIO_POISON, uffdio_poison.LAYOUT.byteSize());          // 0xC020AA08

    /* uffd_msg.event; starts at 0x12, not 0, to catch bugs */
    public static final int UFFD_EVENT_PAGEFAULT = 0x12;
    public static final int UFFD_EVENT_FORK = 0x13;
    public static final int UFFD_EVENT_REMAP = 0x14;
    public static final int UFFD_EVENT_REMOVE = 0x15;
    public static final int UFFD_EVENT_UNMAP = 0x16;

    /* uffd_msg.arg.pagefault.flags */
    public static final long UFFD_PAGEFAULT_FLAG_WRITE = 1L << 0;
    public static final long UFFD_PAGEFAULT_FLAG_WP = 1L << 1;
    public static final long UFFD_PAGEFAULT_FLAG_MINOR = 1L << 2;

    /* uffdio_api.features */
    public static final long UFFD_FEATURE_PAGEFAULT_FLAG_WP = 1L << 0;
    public static final long UFFD_FEATURE_EVENT_FORK = 1L << 1;
    public static final long UFFD_FEATURE_EVENT_REMAP = 1L << 2;
    public static final long UFFD_FEATURE_EVENT_REMOVE = 1L << 3;
    public static final long UFFD_FEATURE_MISSING_HUGETLBFS = 1L << 4;
    public static final long UFFD_FEATURE_MISSING_SHMEM = 1L << 5;
    public static final long UFFD_FEATURE_EVENT_UNMAP = 1L << 6;
    public static final long UFFD_FEATURE_SIGBUS = 1L << 7;
    public static final long UFFD_FEATURE_THREAD_ID = 1L << 8;
    public static final long UFFD_FEATURE_MINOR_HUGETLBFS = 1L << 9;
    public static final long UFFD_FEATURE_MINOR_SHMEM = 1L << 10;
    public static final long UFFD_FEATURE_EXACT_ADDRESS = 1L << 11;
    public static final long UFFD_FEATURE_WP_HUGETLBFS_SHMEM = 1L << 12;
    public static final long UFFD_FEATURE_WP_UNPOPULATED = 1L << 13;
    public static final long UFFD_FEATURE_POISON = 1L << 14;
    public static final long UFFD_FEATURE_WP_ASYNC = 1L << 15;
    public static final long UFFD_FEATURE_MOVE = 1L << 16;

    public static final long UFFD_API_FEATURES = UFFD_FEATURE_PAGEFAULT_FLAG_WP | UFFD_FEATURE_EVENT_FORK
            | UFFD_FEATURE_EVENT_REMAP | UFFD_FEATURE_EVENT_REMOVE | UFFD_FEATURE_EVENT_UNMAP
            | UFFD_FEATURE_MISSING_HUGETLBFS | UFFD_FEATURE_MISSING_SHMEM | UFFD_FEATURE_SIGBUS
            | UFFD_FEATURE_THREAD_ID | UFFD_FEATURE_MINOR_HUGETLBFS | UFFD_FEATURE_MINOR_SHMEM
            | UFFD_FEATURE_EXACT_ADDRESS | UFFD_FEATURE_WP_HUGETLBFS_SHMEM | UFFD_FEATURE_WP_UNPOPULATED
            | UFFD_FEATURE_POISON | UFFD_FEATURE_WP_ASYNC | UFFD_FEATURE_MOVE;
    public static final long UFFD_API_IOCTLS =
            1L << _UFFDIO_REGISTER | 1L << _UFFDIO_UNREGISTER | 1L << _UFFDIO_API;
    public static final long UFFD_API_RANGE_IOCTLS = 1L << _UFFDIO_WAKE | 1L << _UFFDIO_COPY
            | 1L << _UFFDIO_ZEROPAGE | 1L << _UFFDIO_MOVE | 1L << _UFFDIO_WRITEPROTECT
            | 1L << _UFFDIO_CONTINUE | 1L << _UFFDIO_POISON;

    /* uffdio_register.mode */
    public static final long UFFDIO_REGISTER_MODE_MISSING = 1L << 0;
    public static final long UFFDIO_REGISTER_MODE_WP = 1L << 1;
    public static final long UFFDIO_REGISTER_MODE_MINOR = 1L << 2;
    public static final long UFFD_API_REGISTER_MODES =
            UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP | UFFDIO_REGISTER_MODE_MINOR;

    public static final long UFFDIO_COPY_MODE_DONTWAKE = 1L << 0;
    public static final long UFFDIO_COPY_MODE_WP = 1L << 1;
    public static final long UFFDIO_ZEROPAGE_MODE_DONTWAKE = 1L << 0;
    public static final long UFFDIO_WRITEPROTECT_MODE_WP = 1L << 0;
    public static final long UFFDIO_WRITEPROTECT_MODE_DONTWAKE = 1L << 1;
    public static final long UFFDIO_CONTINUE_MODE_DONTWAKE = 1L << 0;
    public static final long UFFDIO_CONTINUE_MODE_WP = 1L << 1;
    public static final long UFFDIO_POISON_MODE_DONTWAKE = 1L << 0;
    public static final long UFFDIO_MOVE_MODE_DONTWAKE = 1L << 0;
    public static final long UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES = 1L << 1;

    /** Flag of the userfaultfd(2) syscall itself: handle faults from user mode only (allowed unprivileged). */
    public static final int UFFD_USER_MODE_ONLY = 1;

    private static long offset(StructLayout layout, String... path) {
        var elements = new MemoryLayout.PathElement[path.length];
        for (int i = 0; i < path.length; i++) {
            elements[i] = groupElement(path[i]);
        }
        return layout.byteOffset(elements);
    }

    /** {@code struct uffdio_api { __u64 api, features, ioctls; }} */
    public static final class uffdio_api {
        private uffdio_api() {
        }

        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_LONG.withName("api"), JAVA_LONG.withName("features"), JAVA_LONG.withName("ioctls"))
                .withName("uffdio_api");
        private static final long api$OFFSET = offset(LAYOUT, "api");
        private static final long features$OFFSET = offset(LAYOUT, "features");
        private static final long ioctls$OFFSET = offset(LAYOUT, "ioctls");

        public static long api(MemorySegment s) { return s.get(JAVA_LONG, api$OFFSET); }
        public static void api(MemorySegment s, long v) { s.set(JAVA_LONG, api$OFFSET, v); }
        public static long features(MemorySegment s) { return s.get(JAVA_LONG, features$OFFSET); }
        public static void features(MemorySegment s, long v) { s.set(JAVA_LONG, features$OFFSET, v); }
        public static long ioctls(MemorySegment s) { return s.get(JAVA_LONG, ioctls$OFFSET); }
        public static void ioctls(MemorySegment s, long v) { s.set(JAVA_LONG, ioctls$OFFSET, v); }
    }

    /** {@code struct uffdio_range { __u64 start, len; }} */
    public static final class uffdio_range {
        private uffdio_range() {
        }

        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_LONG.withName("start"), JAVA_LONG.withName("len")).withName("uffdio_range");
        private static final long start$OFFSET = offset(LAYOUT, "start");
        private static final long len$OFFSET = offset(LAYOUT, "len");

        public static long start(MemorySegment s) { return s.get(JAVA_LONG, start$OFFSET); }
        public static void start(MemorySegment s, long v) { s.set(JAVA_LONG, start$OFFSET, v); }
        public static long len(MemorySegment s) { return s.get(JAVA_LONG, len$OFFSET); }
        public static void len(MemorySegment s, long v) { s.set(JAVA_LONG, len$OFFSET, v); }
    }

    /**
     * A struct that begins with {@code struct uffdio_range range} and continues with {@code __u64 mode} and one
     * more 8-byte field (the kernel's answer). uffdio_register, uffdio_zeropage, uffdio_continue and
     * uffdio_poison all have this shape; only the name of the last field differs.
     */
    private static StructLayout rangeModeLayout(String name, String last) {
        return MemoryLayout.structLayout(uffdio_range.LAYOUT.withName("range"), JAVA_LONG.withName("mode"),
                JAVA_LONG.withName(last)).withName(name);
    }

    /** {@code struct uffdio_register { struct uffdio_range range; __u64 mode; __u64 ioctls; }} */
    public static final class uffdio_register {
        private uffdio_register() {
        }

        public static final StructLayout LAYOUT = rangeModeLayout("uffdio_register", "ioctls");
        private static final long range$OFFSET = offset(LAYOUT, "range");
        private static final long mode$OFFSET = offset(LAYOUT, "mode");
        private static final long ioctls$OFFSET = offset(LAYOUT, "ioctls");

        public static MemorySegment range(MemorySegment s) { return s.asSlice(range$OFFSET, uffdio_range.LAYOUT); }
        public static long mode(MemorySegment s) { return s.get(JAVA_LONG, mode$OFFSET); }
        public static void mode(MemorySegment s, long v) { s.set(JAVA_LONG, mode$OFFSET, v); }
        public static long ioctls(MemorySegment s) { return s.get(JAVA_LONG, ioctls$OFFSET); }
        public static void ioctls(MemorySegment s, long v) { s.set(JAVA_LONG, ioctls$OFFSET, v); }
    }

    /** {@code struct uffdio_copy { __u64 dst, src, len, mode; __s64 copy; }} */
    public static final class uffdio_copy {
        private uffdio_copy() {
        }

        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_LONG.withName("dst"), JAVA_LONG.withName("src"), JAVA_LONG.withName("len"),
                JAVA_LONG.withName("mode"), JAVA_LONG.withName("copy")).withName("uffdio_copy");
        private static final long dst$OFFSET = offset(LAYOUT, "dst");
        private static final long src$OFFSET = offset(LAYOUT, "src");
        private static final long len$OFFSET = offset(LAYOUT, "len");
        private static final long mode$OFFSET = offset(LAYOUT, "mode");
        private static final long copy$OFFSET = offset(LAYOUT, "copy");

        public static long dst(MemorySegment s) { return s.get(JAVA_LONG, dst$OFFSET); }
        public static void dst(MemorySegment s, long v) { s.set(JAVA_LONG, dst$OFFSET, v); }
        public static long src(MemorySegment s) { return s.get(JAVA_LONG, src$OFFSET); }
        public static void src(MemorySegment s, long v) { s.set(JAVA_LONG, src$OFFSET, v); }
        public static long len(MemorySegment s) { return s.get(JAVA_LONG, len$OFFSET); }
        public static void len(MemorySegment s, long v) { s.set(JAVA_LONG, len$OFFSET, v); }
        public static long mode(MemorySegment s) { return s.get(JAVA_LONG, mode$OFFSET); }
        public static void mode(MemorySegment s, long v) { s.set(JAVA_LONG, mode$OFFSET, v); }
        public static long copy(MemorySegment s) { return s.get(JAVA_LONG, copy$OFFSET); }
        public static void copy(MemorySegment s, long v) { s.set(JAVA_LONG, copy$OFFSET, v); }
    }

    /** {@code struct uffdio_zeropage { struct uffdio_range range; __u64 mode; __s64 zeropage; }} */
    public static final class uffdio_zeropage {
        private uffdio_zeropage() {
        }

        public static final StructLayout LAYOUT = rangeModeLayout("uffdio_zeropage", "zeropage");
        private static final long range$OFFSET = offset(LAYOUT, "range");
        private static final long mode$OFFSET = offset(LAYOUT, "mode");
        private static final long zeropage$OFFSET = offset(LAYOUT, "zeropage");

        public static MemorySegment range(MemorySegment s) { return s.asSlice(range$OFFSET, uffdio_range.LAYOUT); }
        public static long mode(MemorySegment s) { return s.get(JAVA_LONG, mode$OFFSET); }
        public static void mode(MemorySegment s, long v) { s.set(JAVA_LONG, mode$OFFSET, v); }
        public static long zeropage(MemorySegment s) { return s.get(JAVA_LONG, zeropage$OFFSET); }
        public static void zeropage(MemorySegment s, long v) { s.set(JAVA_LONG, zeropage$OFFSET, v); }
    }

    /** {@code struct uffdio_move { __u64 dst, src, len, mode; __s64 move; }} */
    public static final class uffdio_move {
        private uffdio_move() {
        }

        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_LONG.withName("dst"), JAVA_LONG.withName("src"), JAVA_LONG.withName("len"),
                JAVA_LONG.withName("mode"), JAVA_LONG.withName("move")).withName("uffdio_move");
        private static final long dst$OFFSET = offset(LAYOUT, "dst");
        private static final long src$OFFSET = offset(LAYOUT, "src");
        private static final long len$OFFSET = offset(LAYOUT, "len");
        private static final long mode$OFFSET = offset(LAYOUT, "mode");
        private static final long move$OFFSET = offset(LAYOUT, "move");

        public static long dst(MemorySegment s) { return s.get(JAVA_LONG, dst$OFFSET); }
        public static void dst(MemorySegment s, long v) { s.set(JAVA_LONG, dst$OFFSET, v); }
        public static long src(MemorySegment s) { return s.get(JAVA_LONG, src$OFFSET); }
        public static void src(MemorySegment s, long v) { s.set(JAVA_LONG, src$OFFSET, v); }
        public static long len(MemorySegment s) { return s.get(JAVA_LONG, len$OFFSET); }
        public static void len(MemorySegment s, long v) { s.set(JAVA_LONG, len$OFFSET, v); }
        public static long mode(MemorySegment s) { return s.get(JAVA_LONG, mode$OFFSET); }
        public static void mode(MemorySegment s, long v) { s.set(JAVA_LONG, mode$OFFSET, v); }
        public static long move(MemorySegment s) { return s.get(JAVA_LONG, move$OFFSET); }
        public static void move(MemorySegment s, long v) { s.set(JAVA_LONG, move$OFFSET, v); }
    }

    /** {@code struct uffdio_writeprotect { struct uffdio_range range; __u64 mode; }} */
    public static final class uffdio_writeprotect {
        private uffdio_writeprotect() {
        }

        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                uffdio_range.LAYOUT.withName("range"), JAVA_LONG.withName("mode")).withName("uffdio_writeprotect");
        private static final long range$OFFSET = offset(LAYOUT, "range");
        private static final long mode$OFFSET = offset(LAYOUT, "mode");

        public static MemorySegment range(MemorySegment s) { return s.asSlice(range$OFFSET, uffdio_range.LAYOUT); }
        public static long mode(MemorySegment s) { return s.get(JAVA_LONG, mode$OFFSET); }
        public static void mode(MemorySegment s, long v) { s.set(JAVA_LONG, mode$OFFSET, v); }
    }

    /** {@code struct uffdio_continue { struct uffdio_range range; __u64 mode; __s64 mapped; }} */
    public static final class uffdio_continue {
        private uffdio_continue() {
        }

        public static final StructLayout LAYOUT = rangeModeLayout("uffdio_continue", "mapped");
    }

    /** {@code struct uffdio_poison { struct uffdio_range range; __u64 mode; __s64 updated; }} */
    public static final class uffdio_poison {
        private uffdio_poison() {
        }

        public static final StructLayout LAYOUT = rangeModeLayout("uffdio_poison", "updated");
    }

    /**
     * {@code struct uffd_msg}, what read(2) on the fd returns: {@code __u8 event}, three reserved fields, then
     * the {@code arg} union (pagefault, fork, remap, remove, reserved). The C struct is {@code __packed}; its
     * fields happen to sit at natural offsets anyway, and the pagefault member is 20 bytes padded to 24.
     */
    public static final class uffd_msg {
        private uffd_msg() {
        }

        private static final StructLayout PAGEFAULT = MemoryLayout.structLayout(
                JAVA_LONG.withName("flags"), JAVA_LONG.withName("address"),
                MemoryLayout.unionLayout(JAVA_INT.withName("ptid")).withName("feat"),
                MemoryLayout.paddingLayout(4)).withName("pagefault");
        private static final MemoryLayout ARG = MemoryLayout.unionLayout(
                PAGEFAULT,
                MemoryLayout.structLayout(JAVA_INT.withName("ufd")).withName("fork"),
                MemoryLayout.structLayout(JAVA_LONG.withName("from"), JAVA_LONG.withName("to"),
                        JAVA_LONG.withName("len")).withName("remap"),
                MemoryLayout.structLayout(JAVA_LONG.withName("start"), JAVA_LONG.withName("end")).withName("remove"),
                MemoryLayout.structLayout(JAVA_LONG.withName("reserved1"), JAVA_LONG.withName("reserved2"),
                        JAVA_LONG.withName("reserved3")).withName("reserved")).withName("arg");

        public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                JAVA_BYTE.withName("event"), JAVA_BYTE.withName("reserved1"), JAVA_SHORT.withName("reserved2"),
                JAVA_INT.withName("reserved3"), ARG).withName("uffd_msg");
        private static final long event$OFFSET = offset(LAYOUT, "event");
        private static final long flags$OFFSET = offset(LAYOUT, "arg", "pagefault", "flags");
        private static final long address$OFFSET = offset(LAYOUT, "arg", "pagefault", "address");
        private static final long ptid$OFFSET = offset(LAYOUT, "arg", "pagefault", "feat", "ptid");
        private static final long start$OFFSET = offset(LAYOUT, "arg", "remove", "start");
        private static final long end$OFFSET = offset(LAYOUT, "arg", "remove", "end");

        /** {@code event}, unsigned. */
        public static int event(MemorySegment s) { return Byte.toUnsignedInt(s.get(JAVA_BYTE, event$OFFSET)); }
        /** {@code arg.pagefault.flags} */
        public static long arg_pagefault_flags(MemorySegment s) { return s.get(JAVA_LONG, flags$OFFSET); }
        /** {@code arg.pagefault.address} */
        public static long arg_pagefault_address(MemorySegment s) { return s.get(JAVA_LONG, address$OFFSET); }
        /** {@code arg.pagefault.feat.ptid} */
        public static int arg_pagefault_feat_ptid(MemorySegment s) { return s.get(JAVA_INT, ptid$OFFSET); }
        /** {@code arg.remove.start} */
        public static long arg_remove_start(MemorySegment s) { return s.get(JAVA_LONG, start$OFFSET); }
        /** {@code arg.remove.end} */
        public static long arg_remove_end(MemorySegment s) { return s.get(JAVA_LONG, end$OFFSET); }
    }
}
