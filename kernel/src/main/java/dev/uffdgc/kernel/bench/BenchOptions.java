package dev.uffdgc.kernel.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line of {@link KernelBench}. {@link #parse} rejects bad input with a message that names the option,
 * what it wants and what it got, so the launcher can print it as is.
 *
 * @param pages    pages per MOVE/COPY/memcpy/mremap round (the fault row takes one fault per 16 pages)
 * @param rounds   measured rounds; the table shows the median
 * @param warmup   unmeasured rounds first, so the JIT has compiled the Java loops before they are timed
 * @param cSource  floor.c, compiled on the spot
 * @param schedule how Java and C rounds are ordered
 * @param help     --help was given: print {@link #USAGE} and nothing else
 */
public record BenchOptions(int pages, int rounds, int warmup, Path cSource, Schedule schedule, Path out, boolean help) {

    /** How the C rounds are placed relative to the Java rounds. */
    public enum Schedule {
        /** Row by row: C then Java (order alternating per round), so slow drift on the machine hits both. */
        INTERLEAVED,
        /** All C rounds in one run of the floor, then all Java rounds. */
        SEQUENTIAL
    }

    public static final int MIN_PAGES = 16;
    /** 4 GiB per region; a MOVE row maps two regions. */
    public static final int MAX_PAGES = 1 << 20;

    public static final String USAGE = """
            Usage: KernelBench --c-source <floor.c> [--pages N] [--rounds N] [--warmup N]
                               [--schedule interleaved|sequential] [--out DIR]
              --c-source PATH  the C floor to compile with gcc -O2 -pthread (the launcher passes it)
              --pages N        pages per round for MOVE, COPY, memcpy and mremap (%d..%d, default 16384);
                               the fault round trip takes N/16 faults
              --rounds N       measured rounds, median reported (1..1000, default 5)
              --warmup N       unmeasured rounds first, for the JIT (0..100, default 3)
              --schedule S     interleaved (default): C and Java alternate row by row;
                               sequential: all C rounds, then all Java rounds
              --out DIR        where kernel.csv and kernel.md go (and, from ./uffd-gc bench kernel, the PNG
                               plot of cost per page by pages per ioctl) (default bench-kernel)
              --help           this text
            """.formatted(MIN_PAGES, MAX_PAGES);

    /** Faults per round of the fault round-trip row: one per 16 pages, since each costs ~60 µs here. */
    public int faults() {
        return Math.max(1, pages / 16);
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a readable message on bad input. */
    public static BenchOptions parse(String... args) {
        int pages = 16384;
        int rounds = 5;
        int warmup = 3;
        Path source = null;
        Schedule schedule = Schedule.INTERLEAVED;
        Path out = Path.of("bench-kernel");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    return new BenchOptions(pages, rounds, warmup, source, schedule, out, true);
                }
                case "--pages" -> pages = intValue(args, ++i, a, MIN_PAGES, MAX_PAGES);
                case "--rounds" -> rounds = intValue(args, ++i, a, 1, 1000);
                case "--warmup" -> warmup = intValue(args, ++i, a, 0, 100);
                case "--c-source" -> source = Path.of(value(args, ++i, a));
                case "--schedule" -> schedule = schedule(value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown argument '" + a + "' (see --help)");
            }
        }
        if (source == null) {
            throw new IllegalArgumentException("--c-source <floor.c> is required (the launcher passes it)");
        }
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("--c-source: no such file: " + source);
        }
        return new BenchOptions(pages, rounds, warmup, source, schedule, out, false);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String[] args, int i, String option, int min, int max) {
        String v = value(args, i, option);
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " wants an integer in [" + min + ", " + max + "], got '" + v
                    + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(option + " must be in [" + min + ", " + max + "], got " + n);
        }
        return n;
    }

    private static Schedule schedule(String v) {
        return switch (v) {
            case "interleaved" -> Schedule.INTERLEAVED;
            case "sequential" -> Schedule.SEQUENTIAL;
            default -> throw new IllegalArgumentException("--schedule wants interleaved or sequential, got '" + v + "'");
        };
    }
}
