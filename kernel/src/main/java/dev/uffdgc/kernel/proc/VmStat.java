package dev.uffdgc.kernel.proc;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of {@code /proc/vmstat}: system-wide memory counters by their kernel names (mm/vmstat.c
 * {@code vmstat_text}). Event counters (pswpin, pgfault, ...) only grow; take two snapshots and
 * {@link #minus(VmStat)} them. They are machine-wide: another process swapping at the same time shows up too.
 */
public final class VmStat {
    private static final Path FILE = Path.of("/proc/vmstat");

    private final Map<String, Long> counters;

    private VmStat(Map<String, Long> counters) {
        this.counters = counters;
    }

    public static VmStat snapshot() {
        return parse(ProcFiles.read(FILE));
    }

    /** Parses the "name value" lines of /proc/vmstat. */
    public static VmStat parse(String text) {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                counters.put(line.substring(0, space), Long.parseLong(line.substring(space + 1).trim()));
            }
        }
        return new VmStat(Collections.unmodifiableMap(counters));
    }

    public boolean has(String name) {
        return counters.containsKey(name);
    }

    /** The counter {@code name}; IllegalArgumentException if this kernel does not have it (config or version). */
    public long get(String name) {
        Long v = counters.get(name);
        if (v == null) {
            throw new IllegalArgumentException("/proc/vmstat has no counter '" + name + "' on this kernel");
        }
        return v;
    }

    /** Pages read in from swap. */
    public long pswpin() {
        return get("pswpin");
    }

    /** Pages written out to swap. */
    public long pswpout() {
        return get("pswpout");
    }

    /** Faults that needed I/O (swap-in, file read). */
    public long pgmajfault() {
        return get("pgmajfault");
    }

    /** All page faults, minor and major. */
    public long pgfault() {
        return get("pgfault");
    }

    /** This snapshot minus {@code earlier}, for every counter both have (gauges such as nr_free_pages may be negative). */
    public VmStat minus(VmStat earlier) {
        Map<String, Long> delta = new LinkedHashMap<>();
        counters.forEach((name, value) -> {
            Long before = earlier.counters.get(name);
            if (before != null) {
                delta.put(name, value - before);
            }
        });
        return new VmStat(Collections.unmodifiableMap(delta));
    }

    public Map<String, Long> asMap() {
        return counters;
    }

    @Override
    public String toString() {
        return "VmStat[pswpin=" + counters.get("pswpin") + ", pswpout=" + counters.get("pswpout")
                + ", pgmajfault=" + counters.get("pgmajfault") + ", pgfault=" + counters.get("pgfault")
                + ", " + counters.size() + " counters]";
    }
}
