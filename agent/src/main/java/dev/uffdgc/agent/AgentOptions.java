package dev.uffdgc.agent;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's options: {@code -javaagent:uffd-gc.jar=mode=move,workers=1,trigger=70,log=gc.log,verify=true}.
 * Comma-separated {@code key=value} pairs; unknown keys and bad values are rejected with a message that lists
 * every valid option ({@link #USAGE}).
 */
public final class AgentOptions {
    /** Which collector runs. */
    public enum Mode { MOVE, COPY, STW }

    /** How mutators touch the heap during a compaction window (toyvm's PageGuard). */
    public enum Access { CHECKED, NATIVE }

    public static final String USAGE = """
            uffd-gc agent options (comma-separated key=value):
              mode=move|copy|stw     move: concurrent compaction, pages mapped with UFFDIO_MOVE (default)
                                     copy: the same pipeline with UFFDIO_COPY from per-thread buffers
                                     stw:  leave toyvm's built-in stop-the-world mark-compact in charge
              workers=<n>            background compaction threads, 0-64 (default 1; 0: mutators build pages)
              markers=<n>            threads of the concurrent mark, 1-16 (default 1): the marker thread and
                                     n-1 helpers sharing its work
              trigger=<percent>      start a cycle when the heap is this full, 1-100 (default 100: when full);
                                     checked on the allocation slow path (every TLAB refill)
              rate=<ms>              also start one when the allocation rate would fill the heap within this
                                     many ms, 0 = off (default 0)
              pace=true|false        start one when the free heap would not last until the flip of a cycle
                                     started now, at the smoothed allocation rate and mark-to-flip time of the
                                     last cycles (default false: on a busy machine it costs more than the wait
                                     it saves, see the agent README)
              batch=<pages>          pages per MOVE/COPY ioctl, 1-512 (default 512)
              copyrun=<pages>        mode=move: COPY, not MOVE, runs of at most this many pages, 0-512
                                     (default 15; 0: MOVE everything but a failed MOVE's page;
                                     with batch <= copyrun only large arrays' pages are MOVEd)
              single=move|copy       copyrun=0|1: MOVE or COPY a page that goes to the kernel alone
              stallrun=<pages>       a mutator that meets an unbuilt page builds and maps it and the
                                     unclaimed pages above it, this many in all, 1-512 (default 32)
              access=checked|native  fault-safe heap access during a window: page-state check per access
                                     (default) or a native-state touch per access
              log=<file>|-|off       GC log (unified-logging lines); default: toyvm's -Xlog:gc target
              verify=true|false      graph hash + structural heap verification around every cycle
              dense=<percent>        live ratio that keeps a page in the in-place dense prefix (default 95)
            """;

    public Mode mode = Mode.MOVE;
    public int workers = 1;
    /**
     * Threads of the concurrent mark (compact/MarkHelpers). 1: on a quiet machine (2026-12-07 19:18, load 1.1-1.9,
     * `bench pause --live 8,64 --threads 1,2 --modes stw,move,move:markers=1`, one run) markers=2 cost 10-15% more
     * process CPU in all four workloads (5.94 vs 5.36 s, 6.19 vs 5.62, 48.3 vs 42.0, 49.7 vs 43.5) for the same wall
     * time (4.50 vs 4.52 s, 3.47 vs 3.51, 37.3 vs 36.9, 25.9 vs 27.0) and a higher p99 pause in three of four; it cut
     * the mark stall by 10-27% only on a loaded machine (agent README).
     */
    public int markers = 1;
    public int triggerPercent = 100;
    public long rateMillis;
    /**
     * The pacer (compact/Pacer): start a cycle so that its mark and plan end before the heap is full. Off by default:
     * LiveSetChurn 8 1 102 -Xmx32m, load 6.5-8.5, 2 runs each alternated: 57-62 cycles instead of 34, process CPU
     * 16.6-21.1 s vs 7.9-10.7, mark stall 1.6-2.3 s vs 1.5-2.8. A mark started early shares the CPU with the
     * mutator (wall 80-160 ms for 29-36 ms of CPU), and everything allocated meanwhile is black: 7-12 MiB of
     * floating garbage per cycle, compacted as live (live after the cycle 15-20 MiB instead of 8). At 64 MiB live
     * (-Xmx256m, 1 thread, load 9-11): 71 cycles instead of 34, 46 MiB of floating garbage, process CPU 104 vs 54 s.
     */
    public boolean pace;
    /**
     * Pages a worker claims and maps with one ioctl. 512, measured with {@code bench gc --rounds 5 --modes
     * 'copy;move;move:batch=128;move:batch=512'} (one run, 2026-12-03): build+map MB/s dense copy 627, move 16
     * pages 344, 128: 394, 512: 577; trees copy 553, 16: 488, 128: 582, 512: 701 — MOVE pays one TLB-flush IPI
     * per ioctl (DESIGN.md). The price: a mutator that touches a page of a run being built waits for the whole
     * run (trees: mutator stall 13% of the cycle at 16, 40% at 512); batch=16 is the low-latency setting.
     */
    public int batchPages = 512;
    /**
     * {@code copyrun=N}: under MOVE, a run of at most N pages (a slid large array's page excepted) is COPYed.
     * {@code single=copy} (N = 1, the default; {@code single=move}: 0): a page mapped alone is COPYed (no TLB flush, ~8 µs/page) rather than MOVEd
     * (one TLB-flush IPI per ioctl: 29 µs with a busy sibling thread, bench kernel); a large array's slid page is
     * MOVEd all the same. The default, measured with {@code bench gc --modes 'stw;copy;move;move:single=copy'
     * --rounds 3} (one run, 2026-12-03, when single=move was the default): agent 1-page MOVE 20-27 µs/page, 1-page
     * COPY 2.1-2.6; build+map MB/s dense 485 -> 856 (1 guest thread), 313 -> 743 (2), trees 538 -> 623, 384 -> 569;
     * CPU per MiB compacted dense 2.76 -> 1.84, 3.51 -> 1.90. Lone pages there are mostly built by mutators at their
     * page-state check (72-84%) and worker runs of one; almost never spare-page cuts (agent README, bench gc).
     * Runs cut short by a mutator's page (2-15 pages) cost MOVE 6.6-10 µs/page, COPY 1.4-1.6, so 15: {@code --modes
     * 'copy;move:single=move;move:single=copy;move:copyrun=16;move:copyrun=64'} (one run, as
     * {@code move:single=copy} read then {@code move}) dense build+map MB/s
     * 838 / 550 / 885 / 1106 / 1118 (1 guest thread), 750 / 319 / 732 / 797 / 843 (2); 64 is within a few % of 16,
     * and 16-63-page runs cost about the same either way (MOVE ~1.0 µs/page, COPY 1.4-1.7).
     */
    public int copyRunPages = 15;
    /**
     * {@code stallrun=N}: a mutator (or the fault handler, or a collection finishing the previous cycle) that needs
     * an unbuilt page claims it and up to N - 1 unclaimed pages above it (not across 2 MiB) and maps them as one
     * run; 1: that page alone (the behaviour before issue 11's fix). See Cycle.ensureMapped and the agent README.
     */
    public int stallRunPages = 32;
    public Access access = Access.CHECKED;
    public String log;
    public boolean verify;
    public int densePercent = 95;
    /** The text the options were parsed from (for log lines). */
    public String text = "";

    /** Parses {@code text} (null or empty: defaults); throws IllegalArgumentException naming the problem. */
    public static AgentOptions parse(String text) {
        AgentOptions o = new AgentOptions();
        o.text = text == null ? "" : text.strip();
        if (o.text.isEmpty()) {
            return o;
        }
        Map<String, String> seen = new LinkedHashMap<>();
        for (String part : o.text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + part + "' is not key=value");
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            if (seen.put(key, value) != null) {
                throw new IllegalArgumentException("option '" + key + "' given twice");
            }
            o.set(key, value);
        }
        return o;
    }

    private void set(String key, String value) {
        switch (key) {
            case "mode" -> mode = choice(Mode.class, key, value);
            case "workers" -> workers = (int) range(key, value, 0, 64);
            case "markers" -> markers = (int) range(key, value, 1, 16);
            case "trigger" -> triggerPercent = (int) range(key, value, 1, 100);
            case "rate" -> rateMillis = range(key, value, 0, 3_600_000);
            case "pace" -> pace = bool(key, value);
            case "batch" -> batchPages = (int) range(key, value, 1, 512);
            case "copyrun" -> copyRunPages = (int) range(key, value, 0, 512);
            case "stallrun" -> stallRunPages = (int) range(key, value, 1, 512);
            case "single" -> copyRunPages = switch (value.toLowerCase(Locale.ROOT)) {
                case "move" -> 0;
                case "copy" -> 1;
                default -> throw new IllegalArgumentException(key + "=" + value + ": expected move|copy");
            };
            case "access" -> access = choice(Access.class, key, value);
            case "log" -> log = value.isEmpty() ? null : value;
            case "verify" -> verify = bool(key, value);
            case "dense" -> densePercent = (int) range(key, value, 50, 101);
            default -> throw new IllegalArgumentException("unknown option '" + key + "'");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String key, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            valid.append(valid.isEmpty() ? "" : "|").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(key + "=" + value + ": expected " + valid);
    }

    private static long range(String key, String value, long min, long max) {
        long v;
        try {
            v = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + ": not a number");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + "=" + value + ": must be between " + min + " and " + max);
        }
        return v;
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException(key + "=" + value + ": expected true|false");
        };
    }

    @Override
    public String toString() {
        return "mode=" + mode.name().toLowerCase(Locale.ROOT) + ",workers=" + workers + ",markers=" + markers + ",trigger=" + triggerPercent
                + ",batch=" + batchPages + (copyRunPages == 15 ? "" : ",copyrun=" + copyRunPages)
                + (stallRunPages == 32 ? "" : ",stallrun=" + stallRunPages) + (pace ? ",pace=true" : "") + ",access=" + access.name().toLowerCase(Locale.ROOT)
                + (verify ? ",verify=true" : "");
    }
}
