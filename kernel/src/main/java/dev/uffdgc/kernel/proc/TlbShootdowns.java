package dev.uffdgc.kernel.proc;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TLB shootdowns the machine has received so far: the "TLB" line of {@code /proc/interrupts} (x86's per-CPU count
 * of TLB-shootdown IPIs received, arch/x86/kernel/irq.c), summed over the CPUs; where the kernel has no such line,
 * {@code /proc/vmstat}'s {@code nr_tlb_remote_flush_received} (only with CONFIG_DEBUG_TLBFLUSH). Machine-wide, as
 * both files are: take two readings and subtract; whatever else runs on the machine meanwhile counts too.
 *
 * <p>A read is not cheap: the kernel formats every interrupt line for it, ~70-120 µs here (2 CPUs) for the file
 * alone and 0.4-1 ms for the whole read from C1-compiled Java at load 6 (75 ms for the first, cold). So it belongs
 * on a collector thread, never inside a pause nor on a guest thread that another thread's pause may wait for.
 * Where the count is not kept — the TLB line sums to 0, which on a machine that has run anything means the kernel
 * flushes remote TLBs without the IPIs it counts (a paravirtual flush: this VM's kernel flushes by hypercall, and
 * its line stayed 0 after 18 hours of MOVE benchmarks) — the first read says so and later reads cost nothing.
 */
public final class TlbShootdowns {
    /** What {@link #read()} answers when this kernel counts TLB shootdowns nowhere. */
    public static final long UNKNOWN = -1;
    private static final Path INTERRUPTS = Path.of("/proc/interrupts");
    private static final Path VMSTAT = Path.of("/proc/vmstat");
    /** Null until the first read; then whether any later read can answer other than {@link #UNKNOWN}. */
    private static volatile Boolean counted;

    private TlbShootdowns() {
    }

    /** The count now, or {@link #UNKNOWN}. */
    public static long read() {
        if (counted == Boolean.FALSE) {
            return UNKNOWN;
        }
        long n = readFiles();
        if (counted == null) {
            counted = n > 0;
        }
        return counted ? n : UNKNOWN;
    }

    private static long readFiles() {
        if (Files.isReadable(INTERRUPTS)) {
            long n = parseInterrupts(ProcFiles.read(INTERRUPTS));
            if (n > 0) {
                return n;
            }
        }
        if (Files.isReadable(VMSTAT)) {
            VmStat v = VmStat.parse(ProcFiles.read(VMSTAT));
            if (v.has("nr_tlb_remote_flush_received")) {
                return v.get("nr_tlb_remote_flush_received");
            }
        }
        return UNKNOWN;
    }

    /** {@code after - before}, or {@link #UNKNOWN} if either reading is. */
    public static long delta(long before, long after) {
        return before == UNKNOWN || after == UNKNOWN ? UNKNOWN : after - before;
    }

    /** The sum of the per-CPU counts on the "TLB:" line of /proc/interrupts text, or {@link #UNKNOWN} if none. */
    public static long parseInterrupts(String text) {
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("TLB:")) {
                continue;
            }
            long sum = 0;
            for (String w : t.substring(4).strip().split("\\s+")) {
                if (!w.chars().allMatch(Character::isDigit) || w.isEmpty()) {
                    break; // the description ("TLB shootdowns") follows the counts
                }
                sum += Long.parseLong(w);
            }
            return sum;
        }
        return UNKNOWN;
    }
}
