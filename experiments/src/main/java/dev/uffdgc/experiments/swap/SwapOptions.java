package dev.uffdgc.experiments.swap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code ./uffd-gc experiment swap} options. */
final class SwapOptions {
    static final String USAGE = """
            Usage: ./uffd-gc experiment swap [--heap SIZE] [--cold FRACTION] [--garbage FRACTION] [--out DIR]
                   [--modes m1,m2,...] [--scenarios swapped,resident] [--swap-dir DIR] [--no-verify]
              --heap SIZE         toyvm heap, e.g. 256m, 1g (default 256m)
              --cold FRACTION     share of the allocated data in cold long[] arrays, 0-1 (default 0.75)
              --garbage FRACTION  share of the arrays (and of the hot lists) made garbage, 0-1 (default 0.25)
              --out DIR           where runs.csv, report.md and the PNG plots go (default swap-experiment)
              --modes LIST        of stw, copy, move, move+page-slide, copy+page-slide (default: all)
              --scenarios LIST    swapped (cold pages pushed to swap first) and/or resident (default: both)
              --swap-dir DIR      where a swapfile is created when no swap is active (default /var/tmp)
              --no-verify         skip the graph hash around the measured cycle
            Exit: 0 done; 1 a mode failed or a check failed; 2 bad arguments; 4 userfaultfd unavailable;
                  5 no swap and not root (or the swapfile could not be created).
            """;

    long heapBytes = 256L << 20;
    double cold = 0.75;
    double garbage = 0.25;
    Path out = Path.of("swap-experiment");
    List<Mode> modes = List.of(Mode.values());
    List<String> scenarios = List.of("swapped", "resident");
    Path swapDir = Path.of("/var/tmp");
    boolean verify = true;
    long[] flipSizes = {64L << 20, 256L << 20, 1L << 30, 2L << 30};

    static SwapOptions parse(String[] args) {
        SwapOptions o = new SwapOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-verify")) {
                o.verify = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--heap" -> o.heapBytes = size(v);
                case "--cold" -> o.cold = fraction(a, v);
                case "--garbage" -> o.garbage = fraction(a, v);
                case "--out" -> o.out = Path.of(v);
                case "--swap-dir" -> o.swapDir = Path.of(v);
                case "--modes" -> {
                    List<Mode> m = new ArrayList<>();
                    for (String s : v.split(",")) {
                        m.add(Mode.parse(s.strip()));
                    }
                    o.modes = m;
                }
                case "--scenarios" -> {
                    for (String s : v.split(",")) {
                        if (!s.equals("swapped") && !s.equals("resident")) {
                            throw new IllegalArgumentException("--scenarios: '" + s + "' is not swapped or resident");
                        }
                    }
                    o.scenarios = List.of(v.split(","));
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (o.heapBytes < (16L << 20) || o.heapBytes > (2047L << 20)) {
            throw new IllegalArgumentException("--heap must be between 16m and 2047m");
        }
        return o;
    }

    private static double fraction(String name, String v) {
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " " + v + ": not a number");
        }
        if (d < 0 || d > 1) {
            throw new IllegalArgumentException(name + " " + v + ": must be between 0 and 1");
        }
        return d;
    }

    static long size(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        long mult = t.endsWith("g") ? 1L << 30 : t.endsWith("m") ? 1L << 20 : t.endsWith("k") ? 1L << 10 : 1;
        try {
            return Long.parseLong(mult == 1 ? t : t.substring(0, t.length() - 1)) * mult;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad size '" + s + "' (e.g. 256m, 1g)");
        }
    }
}
