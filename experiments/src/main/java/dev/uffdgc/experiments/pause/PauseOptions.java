package dev.uffdgc.experiments.pause;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ./uffd-gc bench pause} options. */
final class PauseOptions {
    static final String USAGE = """
            Usage: ./uffd-gc bench pause [--live LIST] [--threads LIST] [--modes LIST] [--churn N] [--out DIR]
                   [--host-flags "FLAGS"] [--timeout SECONDS]
              --live LIST        live-set sizes in MiB; each heap is 4x its live set (default 8,64)
              --threads LIST     guest threads replacing parts of the live set (default 1,2,4)
              --modes LIST       of stw, copy, move (toyvm: built-in collector, the agent's COPY and MOVE) and
                                 hotspot-zgc, hotspot-shenandoah, hotspot-g1, hotspot-serial (the same class
                                 files on this JDK) (default: all)
              --churn N          each thread allocates N times its share of the live set (default 30)
              --out DIR          where pauses.csv, pauses.md and the PNG plots go (default bench-pause)
              --host-flags F     extra host JVM flags for every toyvm run, stw and agent alike (default none)
              --timeout S        a run that takes longer is killed and reported failed (default 900)
            Pauses are the safepoint log's Total (request to resume, time-to-safepoint included) for every mode.
            Exit: 0 done; 1 a run failed or printed other output than HotSpot; 2 bad arguments.
            """;

    List<Integer> live = List.of(8, 64);
    List<Integer> threads = List.of(1, 2, 4);
    List<String> modes = List.of("stw", "copy", "move", "hotspot-zgc", "hotspot-shenandoah", "hotspot-g1",
            "hotspot-serial");
    int churn = 30;
    Path out = Path.of("bench-pause");
    List<String> hostFlags = List.of();
    long timeoutSeconds = 900;
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
                case "--timeout" -> o.timeoutSeconds = ints(a, v, 1, 86_400).getFirst();
                case "--out" -> o.out = Path.of(v);
                case "--host-flags" -> o.hostFlags = v.isBlank() ? List.of() : List.of(v.trim().split("\\s+"));
                case "--toyvm-jar" -> o.toyvmJar = Path.of(v);
                case "--agent-jar" -> o.agentJar = Path.of(v);
                case "--samples" -> o.samples = Path.of(v);
                case "--modes" -> {
                    List<String> m = new ArrayList<>();
                    for (String s : v.split(",")) {
                        if (!ALL_MODES.contains(s.strip())) {
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
