package dev.uffdgc.experiments.pause;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ./uffd-gc bench pause} options. */
final class PauseOptions {
    static final String USAGE = """
            Usage: ./uffd-gc bench pause [--live LIST] [--heaps LIST] [--threads LIST] [--modes LIST]
                   [--cycles N | --churn N] [--out DIR] [--host-flags "FLAGS"] [--timeout SECONDS]
              --live LIST        live-set sizes in MiB (default 8,64; 8191 is the largest toyvm holds at 4x)
              --heaps LIST       heap sizes (e.g. 256m,1g,2g) run with every live set: a heap-size sweep with
                                 the same live set (default: 4x each live set). Capped at toyvm's 32767 MiB
                                 (32-bit references shifted by 3) for every mode alike; a heap under 2x its live
                                 set is skipped
              --threads LIST     guest threads replacing parts of the live set (default 1,2,4)
              --modes LIST       of stw, copy, move (toyvm: built-in collector, the agent's COPY and MOVE) and
                                 hotspot-zgc, hotspot-shenandoah, hotspot-g1, hotspot-serial (the same class
                                 files on this JDK) (default: all); copy and move take agent options after
                                 a colon, joined by +, to compare settings in one run (move:markers=1+workers=2)
              --cycles N         aim at N collections per run: each thread allocates N x (heap - live) / live
                                 times its share of the live set (default 34: 3 pauses per cycle of the agent,
                                 so >= 100 pauses and the nearest-rank p99 is not the max)
              --churn N          instead: each thread allocates N times its share of the live set
              --out DIR          where pauses.csv, pauses.md and the PNG plots go (default bench-pause)
              --host-flags F     extra host JVM flags for every toyvm run, stw and agent alike (default none)
              --timeout S        a run that takes longer is killed and reported failed (default 1800)
            Pauses are the safepoint log's Total (request to resume, time-to-safepoint included) for every mode.
            toyvm runs get the launcher's host flags (`./uffd-gc run`'s: C1 only and an AOT cache trained the
            same way with and without the agent; --toyvm-host-flags / --agent-host-flags, set by ./uffd-gc).
            Exit: 0 done; 1 a run failed or printed other output than HotSpot; 2 bad arguments.
            """;

    List<Integer> live = List.of(8, 64);
    List<Integer> threads = List.of(1, 2, 4);
    List<String> modes = List.of("stw", "copy", "move", "hotspot-zgc", "hotspot-shenandoah", "hotspot-g1",
            "hotspot-serial");
    /** Heap sizes in MiB for a sweep; empty: 4x each live set. */
    List<Integer> heaps = List.of();
    int cycles = 34;
    /** 0: computed from {@link #cycles}. */
    int churn = 0;
    Path out = Path.of("bench-pause");
    List<String> hostFlags = List.of();
    /** The launcher's flags for toyvm without the agent (stw) and with it (copy, move): same JIT, own AOT cache. */
    List<String> toyvmHostFlags = List.of();
    List<String> agentHostFlags = List.of();
    long timeoutSeconds = 1800;
    Path toyvmJar;
    Path agentJar;
    Path samples;
    boolean help;

    static final List<String> ALL_MODES = List.of("stw", "copy", "move", "hotspot-zgc", "hotspot-shenandoah",
            "hotspot-g1", "hotspot-serial");

    static PauseOptions parse(String[] args) {
        PauseOptions o = new PauseOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                o.help = true;
                return o;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--live" -> o.live = ints(a, v, 1, 8192);
                case "--threads" -> o.threads = ints(a, v, 1, 256);
                case "--churn" -> o.churn = ints(a, v, 1, 100_000).getFirst();
                case "--cycles" -> o.cycles = ints(a, v, 1, 10_000).getFirst();
                case "--heaps" -> o.heaps = sizes(a, v);
                case "--timeout" -> o.timeoutSeconds = ints(a, v, 1, 86_400).getFirst();
                case "--out" -> o.out = Path.of(v);
                case "--host-flags" -> o.hostFlags = flags(v);
                case "--toyvm-host-flags" -> o.toyvmHostFlags = flags(v);
                case "--agent-host-flags" -> o.agentHostFlags = flags(v);
                case "--toyvm-jar" -> o.toyvmJar = Path.of(v);
                case "--agent-jar" -> o.agentJar = Path.of(v);
                case "--samples" -> o.samples = Path.of(v);
                case "--modes" -> {
                    List<String> m = new ArrayList<>();
                    for (String s : v.split(",")) {
                        String base = s.strip().split(":", 2)[0];
                        if (!ALL_MODES.contains(base) || (s.contains(":") && !base.equals("copy") && !base.equals("move"))) {
                            throw new IllegalArgumentException("unknown mode '" + s.strip() + "' (known: "
                                    + String.join(", ", ALL_MODES) + ")");
                        }
                        m.add(s.strip());
                    }
                    o.modes = m;
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (o.toyvmJar == null || o.agentJar == null || o.samples == null) {
            throw new IllegalArgumentException("--toyvm-jar, --agent-jar and --samples are required"
                    + " (./uffd-gc bench pause passes them)");
        }
        return o;
    }

    private static List<String> flags(String v) {
        return v.isBlank() ? List.of() : List.of(v.trim().split("\\s+"));
    }

    /** Sizes in MiB: 256m, 1g, or a bare number of MiB. */
    private static List<Integer> sizes(String option, String v) {
        List<Integer> r = new ArrayList<>();
        for (String s : v.split(",")) {
            String t = s.strip().toLowerCase(java.util.Locale.ROOT);
            int unit = t.endsWith("g") ? 1024 : 1;
            String digits = t.endsWith("g") || t.endsWith("m") ? t.substring(0, t.length() - 1) : t;
            int n;
            try {
                n = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " wants sizes like 256m or 2g, got '" + s.strip() + "'");
            }
            if (n < 1 || (long) n * unit > 1 << 20) {
                throw new IllegalArgumentException(option + " wants sizes in [1m, 1024g], got '" + s.strip() + "'");
            }
            r.add(n * unit);
        }
        return r;
    }

    /** The heap sizes to run with one live set, in MiB, before the cap. */
    List<Integer> heapsFor(int live) {
        return heaps.isEmpty() ? List.of(4 * live) : heaps;
    }

    /**
     * Churn for one run: the given one, or enough that about {@link #cycles} collections happen. A collection
     * starts when the heap is full, and frees about heap - live, so cycles ~ churn x live / (heap - live).
     */
    int churnFor(int live, int heapMb) {
        return churn > 0 ? churn : (int) Math.max(1, Math.ceil((double) cycles * (heapMb - live) / live));
    }

    private static List<Integer> ints(String option, String v, int min, int max) {
        List<Integer> r = new ArrayList<>();
        for (String s : v.split(",")) {
            int n;
            try {
                n = Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " wants integers, got '" + s.strip() + "'");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " wants values in [" + min + ", " + max + "], got " + n);
            }
            r.add(n);
        }
        return r;
    }
}
