package dev.uffdgc.kernel.proc;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TLB shootdowns the machine has received so far: the "TLB" line of {@code /proc/interrupts} (x86's per-CPU count
 * of TLB-shootdown IPIs received, arch/x86/kernel/irq.c), summed over the CPUs; where the kernel has no such line,
 * {@code /proc/vmstat}'s {@code nr_tlb_remote_flush_received} (only with CONFIG_DEBUG_TLBFLUSH). Machine-wide, as
 * both files are: take two readings and subtract; whatever else runs on the machine meanwhile counts too. A read
 * is one small file (~30 µs from Java here, 2 CPUs): fine between pauses, not inside one.
 */
public final class TlbShootdowns {
    /** What {@link #read()} answers when this kernel counts TLB shootdowns nowhere. */
    public static final long UNKNOWN = -1;
    private static final Path INTERRUPTS = Path.of("/proc/interrupts");
    private static final Path VMSTAT = Path.of("/proc/vmstat");

    private TlbShootdowns() {
    }

    /** The count now, or {@link #UNKNOWN}. */
    public static long read() {
        if (Files.isReadable(INTERRUPTS)) {
            long n = parseInterrupts(ProcFiles.read(INTERRUPTS));
            if (n != UNKNOWN) {
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
