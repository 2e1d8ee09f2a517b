package dev.uffdgc.kernel.tools;

import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFDIO_REGISTER_MODE_MISSING;

import dev.uffdgc.kernel.ApiInfo;
import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Memory;
import dev.uffdgc.kernel.Uffd;
import dev.uffdgc.kernel.uapi.Userfaultfd;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./uffd-gc doctor}: what this machine offers the compactor, and what to do about what it lacks.
 *
 * <p>Exit codes (documented in the README and {@code --help}): {@value #OK} MOVE usable, {@value #COPY_ONLY}
 * userfaultfd works but UFFDIO_MOVE does not, {@value #NO_UFFD} userfaultfd unavailable, {@value #FAILED} the
 * check itself failed unexpectedly.
 */
public final class Doctor {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int COPY_ONLY = 3;
    public static final int NO_UFFD = 4;

    private final PrintStream out;

    Doctor(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            boolean help = args[0].equals("--help") || args[0].equals("-h");
            (help ? System.out : System.err).println("""
                    Usage: ./uffd-gc doctor
                    Checks the kernel, userfaultfd and UFFDIO_MOVE, THP, swap and the JDK.
                    Exit 0: MOVE usable; 3: only COPY; 4: userfaultfd unavailable; 1: the check failed.""");
            System.exit(help ? OK : 2);
        }
        int code;
        try {
            code = new Doctor(System.out).run();
        } catch (RuntimeException e) {
            System.out.println("doctor: the check itself failed: " + e);
            code = FAILED;
        }
        System.exit(code);
    }

    int run() {
        section("machine");
        item("kernel", read("/proc/sys/kernel/osrelease"));
        item("jdk", System.getProperty("java.vm.name") + " " + Runtime.version() + " at " + System.getProperty("java.home"));
        item("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        item("uid", Long.toString(uid()));
        section("memory");
        item("transparent hugepages", read("/sys/kernel/mm/transparent_hugepage/enabled"));
        item("vm.max_map_count", read("/proc/sys/vm/max_map_count"));
        item("vm.overcommit_memory", read("/proc/sys/vm/overcommit_memory"));
        item("swap devices", swaps());
        item("zswap", read("/sys/module/zswap/parameters/enabled"));
        section("userfaultfd");
        item("vm.unprivileged_userfaultfd", read("/proc/sys/vm/unprivileged_userfaultfd"));
        item("/dev/userfaultfd", Files.exists(Path.of("/dev/userfaultfd")) ? "present" : "absent");
        return checkUserfaultfd();
    }

    private int checkUserfaultfd() {
        try (Uffd uffd = Uffd.open()) {
            item("opened by", describe(uffd.openedBy()));
            ApiInfo info = uffd.api(0);
            out.println();
            out.println(info.describe().indent(2).stripTrailing());
            out.println();
            if (!info.supportsMove()) {
                verdict("COPY only: this kernel has userfaultfd but not UFFD_FEATURE_MOVE. The compactor falls back "
                        + "to UFFDIO_COPY. UFFDIO_MOVE needs Linux >= 6.8 (CONFIG_USERFAULTFD).");
                return COPY_ONLY;
            }
            moveOnePage();
            verdict("MOVE usable: UFFDIO_MOVE moved a page into a registered range and the data read back intact.");
            return OK;
        } catch (KernelException e) {
            out.println("  " + e.getMessage());
            verdict("userfaultfd unavailable: " + advice(e) + " The compactor will fall back to stop-the-world.");
            return NO_UFFD;
        }
    }

    /** A real MOVE of one page, because a feature bit says nothing about, e.g., a seccomp filter on the ioctl. */
    private void moveOnePage() {
        MemorySegment src = Memory.mmapAnonymous(Memory.PAGE_SIZE);
        MemorySegment dst = Memory.mmapAnonymous(Memory.PAGE_SIZE);
        try (Uffd uffd = Uffd.open()) {
            uffd.api(Userfaultfd.UFFD_FEATURE_MOVE);
            src.set(ValueLayout.JAVA_LONG, 0, 0x5eed_f00d_cafeL);
            uffd.register(dst, UFFDIO_REGISTER_MODE_MISSING);
            uffd.moveFully(dst.address(), src.address(), Memory.PAGE_SIZE, 0);
            long got = dst.get(ValueLayout.JAVA_LONG, 0);
            if (got != 0x5eed_f00d_cafeL) {
                throw new IllegalStateException("UFFDIO_MOVE returned success but the page reads 0x" + Long.toHexString(got));
            }
            uffd.unregister(dst);
        } finally {
            Memory.munmap(src);
            Memory.munmap(dst);
        }
    }

    private static String describe(Uffd.OpenedBy how) {
        return switch (how) {
            case SYSCALL -> "userfaultfd(2) syscall";
            case SYSCALL_USER_MODE_ONLY -> "userfaultfd(2) syscall with UFFD_USER_MODE_ONLY (unprivileged)";
            case DEVICE -> "/dev/userfaultfd + USERFAULTFD_IOC_NEW";
        };
    }

    private static String advice(KernelException e) {
        return switch (e.errnoName()) {
            case EPERM, EACCES -> "not permitted. Run as root, or `sysctl vm.unprivileged_userfaultfd=1`, or give "
                    + "this user read-write access to /dev/userfaultfd.";
            case ENOSYS -> "this kernel is built without CONFIG_USERFAULTFD; use a kernel >= 6.8 with it enabled.";
            case null, default -> "see the error above.";
        };
    }

    private String swaps() {
        List<String> lines = lines("/proc/swaps");
        if (lines.size() <= 1) {
            return "none (the swap experiments create their own swapfile when run as root)";
        }
        return String.join("; ", lines.subList(1, lines.size()).stream()
                .map(l -> l.trim().replaceAll("\\s+", " ")).toList());
    }

    private static long uid() {
        for (String l : lines("/proc/self/status")) {
            if (l.startsWith("Uid:")) {
                return Long.parseLong(l.substring(4).trim().split("\\s+")[1]);
            }
        }
        return -1;
    }

    private static String read(String path) {
        List<String> l = lines(path);
        return l.isEmpty() ? "(unreadable: " + path + ")" : String.join(" ", l).trim();
    }

    private static List<String> lines(String path) {
        try {
            return Files.readAllLines(Path.of(path));
        } catch (IOException e) {
            return List.of();
        }
    }

    private void section(String name) {
        out.println(name);
    }

    private void item(String key, String value) {
        out.printf("  %-28s %s%n", key, value);
    }

    private void verdict(String text) {
        out.println("verdict: " + text);
    }
}
