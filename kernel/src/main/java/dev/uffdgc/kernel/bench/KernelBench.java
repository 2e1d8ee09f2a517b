package dev.uffdgc.kernel.bench;

import static dev.uffdgc.kernel.uapi.Userfaultfd.UFFD_FEATURE_MOVE;

import dev.uffdgc.kernel.KernelException;
import dev.uffdgc.kernel.Uffd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./uffd-gc bench kernel}: the per-page cost of the kernel calls the compactor is built on, from Java and
 * from a C floor compiled on the spot, measured side by side in one run, with the Java/C speed ratio of each.
 */
public final class KernelBench {
    private KernelBench() {
    }

    /** Rounds the C floor runs before it measures, so its first mappings are not the ones timed. */
    private static final int C_WARMUP = 1;

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench kernel: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        try {
            List<RowResult> results = measure(options);
            writeTables(options.out(), results);
            System.out.println("wrote " + options.out().resolve("kernel.csv") + " and kernel.md");
        } catch (BenchException | KernelException e) {
            System.err.println("bench kernel: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Runs every row from Java and from the C floor, prints the table to stdout and returns the results (for the
     * report: {@link #writeTables}, and the plots {@code ./uffd-gc bench kernel} adds).
     */
    public static List<RowResult> measure(BenchOptions o) {
        Path dir = tempDir();
        try (Uffd uffd = Uffd.open()) {
            uffd.api(UFFD_FEATURE_MOVE);
            Path binary = CFloor.compile(o.cSource(), dir);
            List<Row> rows = rows(uffd, o);
            System.out.printf("kernel bench: %d pages (%d MiB) per round, %d faults, %d rounds after %d warm-up,"
                            + " schedule %s; kernel %s, JDK %s, userfaultfd via %s%n%n",
                    o.pages(), o.pages() * Pages.PAGE >> 20, o.faults(), o.rounds(), o.warmup(),
                    o.schedule().name().toLowerCase(), System.getProperty("os.version"),
                    Runtime.version(), uffd.openedBy());
            for (int w = 0; w < o.warmup(); w++) {
                rows.forEach(Row::runOnce);
            }
            List<RowResult> results = o.schedule() == BenchOptions.Schedule.INTERLEAVED
                    ? interleaved(rows, binary, o) : sequential(rows, binary, o);
            ResultTable.print(System.out, results);
            return results;
        } finally {
            deleteTree(dir);
        }
    }

    /** Pages per ioctl of the MOVE and COPY rows: MOVE pays per ioctl (a TLB flush), COPY per page. */
    static final long[] RUN_LENGTHS = {1, 16, 64, 512};

    /** The rows, in floor.c's order. */
    static List<Row> rows(Uffd uffd, BenchOptions o) {
        boolean twoCpus = Runtime.getRuntime().availableProcessors() >= 2;
        List<Row> rows = new ArrayList<>();
        for (UffdBatchRow.Op op : UffdBatchRow.Op.values()) {
            for (long batch : RUN_LENGTHS) {
                rows.add(new UffdBatchRow(uffd, op, o.pages(), batch));
            }
        }
        if (twoCpus) {
            for (long batch : RUN_LENGTHS) {
                rows.add(new UffdBatchRow(uffd, UffdBatchRow.Op.MOVE, o.pages(), batch, true));
            }
            rows.add(new UffdBatchRow(uffd, UffdBatchRow.Op.COPY, o.pages(), 16, true));
        }
        rows.add(new MemcpyRow(o.pages()));
        rows.add(new FaultRow(uffd, o.faults(), 0, 0));
        if (twoCpus) {
            rows.add(new FaultRow(uffd, o.faults(), 0, 1));
        }
        rows.add(new MremapRow(o.pages()));
        rows.add(new WakeRow(uffd, o.pages()));
        return rows;
    }

    /** Row by row, C and Java back to back; who goes first alternates per round so neither always runs warm. */
    private static List<RowResult> interleaved(List<Row> rows, Path binary, BenchOptions o) {
        int n = rows.size();
        double[][] java = new double[n][o.rounds()];
        double[][] c = new double[n][o.rounds()];
        long[] allocated = new long[n];
        try (CFloor floor = CFloor.serve(binary, o.pages(), o.faults(), C_WARMUP)) {
            for (int r = 0; r < o.rounds(); r++) {
                for (int i = 0; i < n; i++) {
                    Row row = rows.get(i);
                    if (r % 2 == 0) {
                        c[i][r] = floor.run(row.name());
                        java[i][r] = row.runOnce();
                    } else {
                        java[i][r] = row.runOnce();
                        c[i][r] = floor.run(row.name());
                    }
                    allocated[i] = Math.max(allocated[i], row.allocatedBytes());
                }
            }
        }
        List<RowResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < o.rounds(); r++) {
                min = Math.min(min, c[i][r] / java[i][r]);
                max = Math.max(max, c[i][r] / java[i][r]);
            }
            Row row = rows.get(i);
            results.add(new RowResult(row.name(), row.unit(), row.gated(), RowResult.median(java[i]),
                    RowResult.median(c[i]), min, max, allocated[i]));
        }
        return results;
    }

    /** All C rounds in one run of the floor, then all Java rounds. */
    private static List<RowResult> sequential(List<Row> rows, Path binary, BenchOptions o) {
        Map<String, Double> c = new HashMap<>();
        for (CFloor.Line line : CFloor.runBatch(binary, o.pages(), o.faults(), o.rounds(), C_WARMUP)) {
            c.put(line.name(), line.value());
        }
        List<RowResult> results = new ArrayList<>();
        for (Row row : rows) {
            Double cValue = c.get(row.name());
            if (cValue == null) {
                throw new BenchException("the C floor printed no row " + row.name() + "; it printed " + c.keySet());
            }
            double[] java = new double[o.rounds()];
            long allocated = 0;
            for (int r = 0; r < o.rounds(); r++) {
                java[r] = row.runOnce();
                allocated = Math.max(allocated, row.allocatedBytes());
            }
            results.add(new RowResult(row.name(), row.unit(), row.gated(), RowResult.median(java), cValue,
                    Double.NaN, Double.NaN, allocated));
        }
        return results;
    }

    /** kernel.csv (one row per line: Java and C in the row's unit, their ratio) and kernel.md in {@code dir}. */
    public static void writeTables(Path dir, List<RowResult> results) {
        List<String> csv = new ArrayList<>(List.of("row,unit,java,c,c_over_java,ratio_min,ratio_max,gated,met,alloc_bytes"));
        StringBuilder md = new StringBuilder("| row | unit | Java | C | C/Java | per round | goal | alloc B |\n"
                + "|---|---|---:|---:|---:|---|---|---:|\n");
        for (RowResult r : results) {
            csv.add(String.join(",", r.name(), r.unit(), num(r.java()), num(r.c()), num(r.ratio()), num(r.ratioMin()),
                    num(r.ratioMax()), Boolean.toString(r.gated()), Boolean.toString(r.met()),
                    Long.toString(r.allocated())));
            md.append(String.format(java.util.Locale.ROOT, "| %s | %s | %s | %s | %.2f | %s | %s | %d |%n", r.name(),
                    r.unit(), num(r.java()), num(r.c()), r.ratio(), Double.isNaN(r.ratioMin()) ? "-"
                            : String.format(java.util.Locale.ROOT, "%.2f..%.2f", r.ratioMin(), r.ratioMax()),
                    r.gated() ? (r.met() ? "yes" : "NO") : "-", r.allocated()));
        }
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("kernel.csv"), csv);
            Files.writeString(dir.resolve("kernel.md"), md + "\n" + ResultTable.verdict(results) + "\n");
        } catch (IOException e) {
            throw new BenchException("cannot write the report to " + dir + ": " + e.getMessage());
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, v >= 1e6 ? "%.0f" : "%.2f", v);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("uffd-gc-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for the C floor binary", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("bench kernel: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
