package dev.uffdgc.kernel.proc;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of {@code /proc/self/status} (fs/proc/array.c, task_mem in fs/proc/task_mmu.c). The memory fields
 * are reported by the kernel in kB (KiB); the accessors here return bytes.
 */
public final class ProcStatus {
    private static final Path SELF = Path.of("/proc/self/status");
    private static final int CAP_SYS_ADMIN = 21;

    private final Map<String, String> fields;

    private ProcStatus(Map<String, String> fields) {
        this.fields = fields;
    }

    public static ProcStatus self() {
        return parse(ProcFiles.read(SELF));
    }

    /** Parses "Name:\tvalue" lines. */
    public static ProcStatus parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return new ProcStatus(Collections.unmodifiableMap(fields));
    }

    /** Resident set size now. */
    public long vmRss() {
        return bytes("VmRSS");
    }

    /**
     * Peak resident set size ("high water mark"). The kernel records it lazily (at munmap, exit) and takes the max
     * with the current RSS when this file is read, so a peak freed by MADV_DONTNEED in between can be missed
     * (seen here). Sample VmRSS yourself when the peak matters.
     */
    public long vmHwm() {
        return bytes("VmHWM");
    }

    /** Anonymous memory of this process that is out in swap. */
    public long vmSwap() {
        return bytes("VmSwap");
    }

    /** Effective capabilities (CapEff), one bit per CAP_* number of include/uapi/linux/capability.h. */
    public long capEff() {
        return Long.parseUnsignedLong(field("CapEff"), 16);
    }

    /** CAP_SYS_ADMIN (21): needed for swapon/swapoff and to see PFNs and swap offsets in pagemap. */
    public boolean hasCapSysAdmin() {
        return (capEff() >>> CAP_SYS_ADMIN & 1) != 0;
    }

    /** A "kB" field (VmRSS, RssAnon, VmSwap, ...) in bytes; IllegalArgumentException if absent or not in kB. */
    public long bytes(String field) {
        String v = field(field);
        if (!v.endsWith(" kB")) {
            throw new IllegalArgumentException("/proc/self/status field " + field + " is not in kB: '" + v + "'");
        }
        return Long.parseLong(v.substring(0, v.length() - 3).trim()) * 1024;
    }

    /** The raw text of a field, e.g. "State" -> "R (running)". */
    public String field(String name) {
        String v = fields.get(name);
        if (v == null) {
            throw new IllegalArgumentException("/proc/self/status has no field '" + name + "' on this kernel");
        }
        return v;
    }

    public Map<String, String> asMap() {
        return fields;
    }

    @Override
    public String toString() {
        return "ProcStatus[VmRSS=" + fields.get("VmRSS") + ", VmHWM=" + fields.get("VmHWM")
                + ", VmSwap=" + fields.get("VmSwap") + "]";
    }
}
